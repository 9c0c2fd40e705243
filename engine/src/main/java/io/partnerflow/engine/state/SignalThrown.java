package io.partnerflow.engine.state;

/**
 * Published when a signal throw or end event stored a pending signal: after the transaction
 * commits, the signal is broadcast in a transaction of its own (command.PendingSignals).
 */
public record SignalThrown(long pendingSignalKey) {}
