/**
 * The researcher's workflows as a library, callable from Java without the command line: one
 * subpackage per workflow ({@link org.cleave.workflows.compare comparison campaigns},
 * {@link org.cleave.workflows.groundtruth ground-truth sweeps}), the
 * {@link org.cleave.workflows.report tables, run headers and progress} they share, and the
 * {@link org.cleave.workflows.units units parser} for rates and durations. Solvers are found
 * through {@code ServiceLoader}; no solver backend is a compile dependency. Output columns are
 * documented in {@code docs/workflows.md}.
 */
package org.cleave.workflows;
