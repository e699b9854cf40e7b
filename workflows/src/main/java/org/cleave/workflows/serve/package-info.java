/**
 * Cleave as an oracle inside a loop: {@link org.cleave.workflows.serve.Session} keeps one
 * instance loaded (P1, P2 or P4), changes its state, prices plans with the family's one evaluator
 * and caches the optimum of each state; {@link org.cleave.workflows.serve.Server} speaks the JSON
 * Lines protocol of {@code docs/protocol.md} ({@code cleave serve}) over the same sessions, so the
 * Python route adds only transport. P1 and P2 re-solves run on one warm
 * {@link org.cleave.algorithms.partition.CompiledPartitionNetwork} per session. Sessions and the
 * server are confined to one thread.
 */
package org.cleave.workflows.serve;
