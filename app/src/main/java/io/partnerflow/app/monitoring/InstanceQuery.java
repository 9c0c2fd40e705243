package io.partnerflow.app.monitoring;

import java.time.Instant;

/**
 * The instance list's filters; every null field leaves its dimension open.
 *
 * @param ownerName part of a partner's or an applicant company's name, mapped to instances through
 *     the app's own records
 */
public record InstanceQuery(
    String processId,
    Integer version,
    InstanceState state,
    Boolean hasIncident,
    Instant startedFrom,
    Instant startedBefore,
    Instant endedFrom,
    Instant endedBefore,
    String ownerName) {

  public static InstanceQuery all() {
    return new InstanceQuery(null, null, null, null, null, null, null, null, null);
  }

  public InstanceQuery withProcess(String id, Integer version) {
    return new InstanceQuery(
        id,
        version,
        state,
        hasIncident,
        startedFrom,
        startedBefore,
        endedFrom,
        endedBefore,
        ownerName);
  }

  public InstanceQuery withState(InstanceState value) {
    return new InstanceQuery(
        processId,
        version,
        value,
        hasIncident,
        startedFrom,
        startedBefore,
        endedFrom,
        endedBefore,
        ownerName);
  }

  public InstanceQuery withIncident(Boolean value) {
    return new InstanceQuery(
        processId,
        version,
        state,
        value,
        startedFrom,
        startedBefore,
        endedFrom,
        endedBefore,
        ownerName);
  }

  public InstanceQuery withOwnerName(String value) {
    return new InstanceQuery(
        processId,
        version,
        state,
        hasIncident,
        startedFrom,
        startedBefore,
        endedFrom,
        endedBefore,
        value);
  }

  public InstanceQuery withStarted(Instant from, Instant before) {
    return new InstanceQuery(
        processId, version, state, hasIncident, from, before, endedFrom, endedBefore, ownerName);
  }

  public InstanceQuery withEnded(Instant from, Instant before) {
    return new InstanceQuery(
        processId,
        version,
        state,
        hasIncident,
        startedFrom,
        startedBefore,
        from,
        before,
        ownerName);
  }
}
