/**
 * What the workflows share for their output: the row formats ({@link org.cleave.workflows.report.Table},
 * CSV or JSON Lines), the record of where and with what a run ran
 * ({@link org.cleave.workflows.report.RunHeader}), a progress display
 * ({@link org.cleave.workflows.report.Progress}); safe whole-file output is
 * {@link org.cleave.workflows.io.OutputFiles}. Kept apart from the workflows so that both
 * {@code compare} and {@code groundtruth} use them without depending on each other.
 */
package org.cleave.workflows.report;
