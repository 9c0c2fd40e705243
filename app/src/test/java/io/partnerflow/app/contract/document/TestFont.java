package io.partnerflow.app.contract.document;

/** The contract font for tests without Spring: as configured, else the one the build fetched. */
final class TestFont {

  private TestFont() {}

  static ContractDocumentProperties properties() {
    return new ContractDocumentProperties(
        "../config/contracts", System.getenv("PARTNERFLOW_CONTRACTS_FONT"), null, null);
  }
}
