package org.cleave.core.partition;

import org.cleave.core.model.Checks;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.FiniteCosts;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * P1, single-user partition under light load (Kang et al., Neurosurgeon, ASPLOS 2017,
 * doi:10.1145/3037697.3037698; Hu et al., DADS, INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614).
 *
 * <p>Choose a monotone {@link Placement} x (x_v = 1: layer v on the edge) of the DAG
 * G = (V, A) minimising {@code w_T·T(x) + w_E·E(x)}, where
 * <pre>
 *   T(x) = Σ_{v: x_v=0} t_d(v) + Σ_{u ∈ S(x)} 8·b_u / R_up + Σ_{v: x_v=1} t_e(v)
 *          + x_out·8·b_out / R_down + [∃v: x_v=1]·ℓ
 *   E(x) = P_c·Σ_{v: x_v=0} t_d(v) + P_tx·Σ_{u ∈ S(x)} 8·b_u / R_up
 *          + P_idle·(Σ_{v: x_v=1} t_e(v) + x_out·8·b_out / R_down)
 * </pre>
 * with S(x) = {u : x_u = 0 and some consumer v of u has x_v = 1} (each tensor is sent once),
 * t_d(v) the device time scaled by {@code 1/(1 - deviceLoad)}, t_e(v) the edge time, b_u the
 * output bytes, ℓ the link's one-way latency. Monotone: x_input = 0 and x_u ≤ x_v for every arc
 * u → v. With a single sink, [∃v: x_v = 1] = x_out.
 *
 * @param graph      the DNN
 * @param device     the end device
 * @param edge       the edge server
 * @param link       the link
 * @param weights    objective weights
 * @param deviceLoad DAPDEE's terminal load ρ ∈ [0, 1): the device rate is scaled by (1 − ρ)
 */
public record PartitionProblem(DnnGraph graph, Device device, EdgeServer edge, Link link, CostWeights weights,
                               double deviceLoad) implements Problem<Placement> {

    public PartitionProblem {
        Checks.present("graph", graph);
        Checks.present("device", device);
        Checks.present("edge", edge);
        Checks.present("link", link);
        Checks.present("weights", weights);
        Checks.load("deviceLoad", deviceLoad);
        FiniteCosts.require("model", graph, device, edge, link, deviceLoad);
    }

    /** A problem with latency-only weights and no device load. */
    public PartitionProblem(DnnGraph graph, Device device, EdgeServer edge, Link link) {
        this(graph, device, edge, link, CostWeights.LATENCY, 0);
    }

    @Override
    public Family family() {
        return Family.PARTITION;
    }

    @Override
    public PartitionCost evaluate(Placement plan) {
        return PartitionEvaluator.evaluate(this, plan);
    }

    @Override
    public Class<Placement> planType() {
        return Placement.class;
    }

    /** This problem with another link. */
    public PartitionProblem withLink(Link newLink) {
        return new PartitionProblem(graph, device, edge, newLink, weights, deviceLoad);
    }

    /** This problem with other weights. */
    public PartitionProblem withWeights(CostWeights newWeights) {
        return new PartitionProblem(graph, device, edge, link, newWeights, deviceLoad);
    }

    /** This problem with another device load. */
    public PartitionProblem withDeviceLoad(double load) {
        return new PartitionProblem(graph, device, edge, link, weights, load);
    }
}
