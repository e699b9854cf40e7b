/**
 * P6 solvers: backward induction with per-stage gain thresholds and the search over the placement
 * m ({@code backward-induction}), the one-stage look-ahead rule ({@code osla}), the best static
 * split ({@code static-split}), always offloading the raw input ({@code offload-raw}), always
 * local ({@code device-only}), the closed-form placement for equal-neuron MLPs
 * ({@link org.cleave.algorithms.stopping.EqualLayerPlacement}) and the seeded Monte Carlo
 * simulator ({@link org.cleave.algorithms.stopping.MonteCarloStoppingSimulator}). After Yan, Bi
 * and Zhang, arXiv:2105.13618 (doi:10.48550/arXiv.2105.13618); see {@code docs/stopping.md}.
 */
package org.cleave.algorithms.stopping;
