/**
 * Comparison campaigns: solvers × instances × repetitions, every result verified and its gap to
 * the best proven objective recorded ({@link org.cleave.workflows.compare.Comparison}); the
 * tables, summary and plots of a campaign ({@link org.cleave.workflows.compare.ComparisonReport},
 * drawn with XChart); and the instance sets a campaign runs on
 * ({@link org.cleave.workflows.compare.InstanceSources}: files, examples, zoo models, generator specs).
 */
package org.cleave.workflows.compare;
