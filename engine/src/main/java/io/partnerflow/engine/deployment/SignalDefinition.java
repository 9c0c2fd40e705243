package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * The signal of a signal event: its name, static or FEEL (evaluated when a catch event, the host of
 * a boundary event or the scope of an event sub-process is entered, or when a throw event is
 * reached); static only on a process's signal start events, which are subscribed at deployment.
 */
public record SignalDefinition(Expression name) {}
