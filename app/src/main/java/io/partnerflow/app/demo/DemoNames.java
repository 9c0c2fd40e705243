package io.partnerflow.app.demo;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Realistic applicants from lists: people and companies, Latin or Chinese by country. */
final class DemoNames {

  private static final List<String> FIRST =
      List.of(
          "Anna", "Lukas", "Sofia", "Jonas", "Emma", "Mateo", "Olivia", "Noah", "Chloé", "Hugo",
          "Lea", "Finn", "Marta", "Pablo", "Giulia", "Luca", "Ingrid", "Lars", "Zofia", "Piotr",
          "Aiko", "Haruto", "Priya", "Arjun", "Isabela", "Rafael", "Grace", "Liam", "Nora",
          "Elias");
  private static final List<String> LAST =
      List.of(
          "Keller",
          "Schmidt",
          "Dubois",
          "Martin",
          "de Vries",
          "Jansen",
          "García",
          "López",
          "Rossi",
          "Bianchi",
          "Lindqvist",
          "Nowak",
          "Kowalski",
          "Tanaka",
          "Sato",
          "Sharma",
          "Patel",
          "Silva",
          "Costa",
          "Walker",
          "Brown",
          "Murphy",
          "Novak",
          "Berg",
          "Meier",
          "Fischer",
          "Moreau");
  private static final List<String> WORDS =
      List.of(
          "Northwind",
          "Bluepeak",
          "Brightline",
          "Cloudbridge",
          "Ironleaf",
          "Silverbirch",
          "Redstone",
          "Clearpath",
          "Summit",
          "Harbor",
          "Alpine",
          "Vertex",
          "Lighthouse",
          "Cobalt",
          "Evergreen",
          "Keystone",
          "Granite",
          "Meridian",
          "Oakridge",
          "Polaris");
  private static final List<String> TRADES =
      List.of("Systems", "Solutions", "IT Services", "Digital", "Consulting", "Networks", "Data");
  private static final List<String> CN_SURNAMES =
      List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙");
  private static final List<String> CN_GIVEN =
      List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "杰", "婷", "浩然", "子涵");
  private static final List<String> CN_CITIES =
      List.of("上海", "北京", "深圳", "杭州", "广州", "成都", "南京", "苏州");
  private static final List<String> CN_WORDS =
      List.of("云图", "星辰", "博远", "智联", "华信", "鼎新", "睿达", "海纳");

  private DemoNames() {}

  static boolean isChinese(String country) {
    return "CN".equals(country) || "TW".equals(country);
  }

  static String person(Random random, String country) {
    if (isChinese(country)) {
      return pick(random, CN_SURNAMES) + pick(random, CN_GIVEN);
    }
    return pick(random, FIRST) + " " + pick(random, LAST);
  }

  static String company(Random random, String country) {
    if (isChinese(country)) {
      return pick(random, CN_CITIES) + pick(random, CN_WORDS) + "科技有限公司";
    }
    String name = pick(random, WORDS) + " " + pick(random, TRADES);
    return name + " " + legalForm(country);
  }

  /** An ASCII name for addresses; Chinese names get a neutral one with the applicant's number. */
  static String slug(String company, int number) {
    String ascii =
        company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return (ascii.length() < 3 ? "partner" : ascii) + "-" + number;
  }

  private static String legalForm(String country) {
    return switch (country) {
      case "DE", "AT", "CH" -> "GmbH";
      case "FR" -> "SAS";
      case "NL" -> "B.V.";
      case "ES" -> "S.L.";
      case "IT" -> "S.r.l.";
      case "SE" -> "AB";
      case "PL" -> "Sp. z o.o.";
      case "JP" -> "K.K.";
      case "GB", "IN", "SG" -> "Ltd";
      case "BR" -> "Ltda.";
      default -> "Inc.";
    };
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
