package io.partnerflow.engine.state;

/**
 * Published (in-process) when a process instance completes or is terminated; listeners that act on
 * it use {@code @TransactionalEventListener} so that they see the committed state.
 */
public record ProcessInstanceEnded(long processInstanceKey, long processDefinitionKey) {}
