package io.partnerflow.app.contract.document;

/**
 * The number printed on every page of a contract's documents, derived from the contract's id so
 * that every document of one contract (generated, sealed, renewed text aside) carries the same one.
 */
public final class ContractNumber {

  private ContractNumber() {}

  public static String of(long contractId) {
    return String.format("PF-C-%06d", contractId);
  }
}
