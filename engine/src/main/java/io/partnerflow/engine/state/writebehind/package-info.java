/**
 * Write-behind: the engine's writes whose results nothing reads (an element instance inserted or
 * ended, a job created) are held on the transaction's connection and sent in one round trip with
 * the next statement that reads, or with the commit. A service task's completion used to make six
 * round trips to PostgreSQL; with its three writes and the commit sent together it makes three.
 */
package io.partnerflow.engine.state.writebehind;
