package io.partnerflow.app.partner;

/** One sort criterion of a partner search; ties are broken by id. */
public record PartnerSort(Field field, boolean ascending) {

  /** The sortable properties; tiers sort by level, not alphabetically. */
  public enum Field {
    NAME,
    COUNTRY,
    TYPE,
    TIER,
    STATUS,
    OWNER,
    FIT_SCORE,
    CREATED_AT
  }

  public static PartnerSort byName() {
    return new PartnerSort(Field.NAME, true);
  }
}
