/**
 * The researcher workflows, callable from Java as well as from the command line:
 * {@link org.cleave.cli.workflow.Comparison} (solvers × instances × repetitions, with
 * {@link org.cleave.cli.workflow.ComparisonReport}'s tables and plots) and
 * {@link org.cleave.cli.workflow.GroundTruth} (deterministic, resumable labelled data sets of
 * optimal decisions over a state space). Output columns are documented in {@code docs/workflows.md}.
 */
package org.cleave.cli.workflow;
