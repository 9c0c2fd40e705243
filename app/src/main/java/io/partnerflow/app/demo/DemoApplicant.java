package io.partnerflow.app.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** One made-up applicant of the demo history and what the history learned about it on its way. */
final class DemoApplicant {

  private static final List<String> COUNTRIES =
      List.of(
          "DE", "DE", "DE", "FR", "FR", "NL", "GB", "GB", "US", "US", "US", "CA", "ES", "IT", "SE",
          "PL", "AT", "CH", "CN", "CN", "CN", "TW", "JP", "SG", "AU", "IN", "BR");
  private static final List<String> TYPES =
      List.of(
          "reseller",
          "reseller",
          "reseller",
          "reseller",
          "technology",
          "technology",
          "referral",
          "referral",
          "distributor",
          "distributor",
          "marketplace");
  private static final List<String> INDUSTRIES =
      List.of(
          "software",
          "financial-services",
          "healthcare",
          "manufacturing",
          "retail",
          "public-sector",
          "education",
          "telecommunications");

  /** One in this many applicants comes from an embargoed country and is stopped by screening. */
  private static final int EMBARGOED_ONE_IN = 40;

  private final int number;
  private final String country;
  private final String company;
  private final String contactName;
  private final String email;
  private final Map<String, Object> values;
  private String token;
  private long instanceKey;

  private DemoApplicant(int number, Random random) {
    this.number = number;
    this.country = random.nextInt(EMBARGOED_ONE_IN) == 0 ? "CU" : DemoNames.pick(random, COUNTRIES);
    this.company = DemoNames.company(random, country);
    this.contactName = DemoNames.person(random, country);
    String slug = DemoNames.slug(company, number);
    this.email = "contact@" + slug + ".example";
    int size = (int) Math.round(Math.exp(1 + random.nextDouble() * 8));
    Map<String, Object> form = new HashMap<>();
    form.put("companyName", company);
    form.put("website", "https://www." + slug + ".example");
    form.put("country", country);
    form.put("partnerType", DemoNames.pick(random, TYPES));
    form.put("employees", Math.max(1, size));
    form.put("yearsInBusiness", random.nextInt(30));
    form.put(
        "targetIndustries",
        List.of(DemoNames.pick(random, INDUSTRIES), DemoNames.pick(random, INDUSTRIES)).stream()
            .distinct()
            .toList());
    form.put("customersInSegment", random.nextInt(Math.max(2, size / 2)));
    form.put("certifiedStaff", random.nextInt(Math.max(2, Math.min(size, 40))));
    form.put("contactName", contactName);
    form.put("contactEmail", email);
    form.put("consent", true);
    this.values = Map.copyOf(form);
  }

  static DemoApplicant make(int number, Random random) {
    return new DemoApplicant(number, random);
  }

  Map<String, Object> formValues() {
    return values;
  }

  /** Each applicant writes from an address of its own (documentation range, never routed). */
  String address() {
    return "198.51." + (100 + number / 250) + "." + (number % 250 + 1);
  }

  boolean chinese() {
    return DemoNames.isChinese(country);
  }

  String contactName() {
    return contactName;
  }

  /** The partner user the approval creates for the contact (username = e-mail). */
  String username() {
    return email.toLowerCase(Locale.ROOT);
  }

  String company() {
    return company;
  }

  String token() {
    return token;
  }

  void token(String token) {
    this.token = token;
  }

  long instanceKey() {
    return instanceKey;
  }

  void instanceKey(long instanceKey) {
    this.instanceKey = instanceKey;
  }

  int number() {
    return number;
  }
}
