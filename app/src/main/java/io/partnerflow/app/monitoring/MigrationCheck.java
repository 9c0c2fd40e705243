package io.partnerflow.app.monitoring;

import java.util.List;

/**
 * What a dry run found for one instance: the moves it would make ({@code source → target}) or why
 * it would be refused (translation key and the element it concerns).
 */
public record MigrationCheck(
    long instanceKey, List<String> moves, String refusalKey, String refusalDetail) {

  public boolean allowed() {
    return refusalKey == null;
  }
}
