/**
 * Ground-truth sweeps: deterministic, resumable labelled data sets of optimal decisions over a
 * state space ({@link org.cleave.workflows.groundtruth.GroundTruth}, whose states are the grid or
 * seeded draws over {@link org.cleave.workflows.groundtruth.Axis axes}). How a family's problem is
 * varied and its plans encoded is a {@link org.cleave.workflows.groundtruth.Scenario}, one per
 * family in its own subpackage, registered in {@link org.cleave.workflows.groundtruth.Scenarios}.
 */
package org.cleave.workflows.groundtruth;
