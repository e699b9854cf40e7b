/**
 * The model of collaborative DNN inference: the DNN as a DAG of {@link org.cleave.core.model.Layer}s
 * ({@link org.cleave.core.model.DnnGraph}), its early {@link org.cleave.core.model.Exit}s, the tiers
 * ({@link org.cleave.core.model.Device}, {@link org.cleave.core.model.EdgeServer}), the
 * {@link org.cleave.core.model.Link} between them and a layer {@link org.cleave.core.model.Placement};
 * seeded random graphs of four shapes ({@link org.cleave.core.model.RandomGraphs}) for every
 * family's random instances.
 *
 * <p>All quantities carry SI units named in the accessor: seconds, bytes, FLOPs, FLOP/s, bit/s,
 * watts, joules. The model follows Kang et al., "Neurosurgeon: Collaborative Intelligence Between
 * the Cloud and Mobile Edge", ASPLOS 2017 (doi:10.1145/3037697.3037698) for chains and Hu et al.,
 * "Dynamic Adaptive DNN Surgery for Inference Acceleration on the Edge", INFOCOM 2019
 * (doi:10.1109/INFOCOM.2019.8737614) for DAGs.
 */
package org.cleave.core.model;
