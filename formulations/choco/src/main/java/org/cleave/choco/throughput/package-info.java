/**
 * P3 (throughput under heavy load, with early exits) as a Choco CP model: {@link
 * org.cleave.choco.throughput.ChocoThroughputSolver}, id {@code choco}. After Hu et al., "Dynamic
 * Adaptive DNN Surgery for Inference Acceleration on the Edge", INFOCOM 2019
 * (doi:10.1109/INFOCOM.2019.8737614).
 */
package org.cleave.choco.throughput;
