/**
 * P7 benchmarks: {@link org.cleave.benchmarks.online.BestFixedSplitBenchmark} (JMH, the exact
 * solver), {@link org.cleave.benchmarks.online.SplitPolicyBenchmark} (JMH, time of one
 * policy run over a generated trace) and {@link org.cleave.benchmarks.online.SplitEeSweep} (a
 * plain main printing SplitEE's seed sweep and headline figures: regret counts, cost reduction
 * and accuracy drop against final-layer inference).
 */
package org.cleave.benchmarks.online;
