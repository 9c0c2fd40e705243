package io.partnerflow.app.monitoring;

import java.util.Map;

/**
 * Where instances go: the target version and, per source element id, the target element id its
 * active element instances move to.
 */
public record MigrationPlan(long targetDefinitionKey, Map<String, String> mapping) {

  public MigrationPlan {
    mapping = Map.copyOf(mapping);
  }
}
