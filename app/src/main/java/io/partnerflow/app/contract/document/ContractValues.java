package io.partnerflow.app.contract.document;

import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.contract.ContractDraft;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerContact;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values a template's placeholders may name, taken from the partner's own record and the draft
 * (term, effective date), in the document's language. Adding a placeholder means adding it here and
 * to the list in docs/architecture.md.
 */
final class ContractValues {

  private ContractValues() {}

  static Locale locale(String language) {
    return "zh".equals(language) ? TranslationProvider.CHINESE : TranslationProvider.ENGLISH;
  }

  static String date(LocalDate date, String language) {
    DateTimeFormatter format =
        "zh".equals(language)
            ? DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE)
            : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    return format.format(date);
  }

  static Map<String, String> of(
      ContractDraft draft,
      Partner partner,
      List<PartnerContact> contacts,
      String vendorName,
      TranslationProvider translations) {
    Locale locale = locale(draft.language());
    LocalDate end = draft.effectiveOn().plusMonths(draft.termMonths()).minusDays(1);
    PartnerContact contact =
        contacts.stream()
            .filter(PartnerContact::primary)
            .findFirst()
            .orElse(contacts.isEmpty() ? null : contacts.get(0));
    Map<String, String> values = new HashMap<>();
    values.put("partnerName", partner.name());
    values.put("partnerWebsite", partner.website() == null ? "" : partner.website());
    values.put("country", new Locale("", partner.country()).getDisplayCountry(locale));
    values.put("countryCode", partner.country());
    values.put(
        "partnerType", translations.getTranslation("partner.type." + partner.type(), locale));
    values.put("tier", translations.getTranslation("partner.tier." + partner.tier(), locale));
    values.put("contactName", contact == null ? "" : contact.name());
    values.put("contactEmail", contact == null || contact.email() == null ? "" : contact.email());
    values.put("vendorName", vendorName);
    values.put("effectiveDate", date(draft.effectiveOn(), draft.language()));
    values.put("endDate", date(end, draft.language()));
    values.put("termMonths", Integer.toString(draft.termMonths()));
    values.put("contractNumber", ContractNumber.of(draft.contractId()));
    return values;
  }
}
