/**
 * P3, throughput under heavy load: {@link org.cleave.core.throughput.ThroughputProblem} (period =
 * max of the device, uplink and edge stages, with expected loads under early exits), its
 * evaluator {@link org.cleave.core.throughput.ThroughputEvaluator} and the breakdown
 * {@link org.cleave.core.throughput.ThroughputCost}. After Hu et al., "Dynamic Adaptive DNN
 * Surgery", INFOCOM 2019 (doi:10.1109/INFOCOM.2019.8737614).
 */
package org.cleave.core.throughput;
