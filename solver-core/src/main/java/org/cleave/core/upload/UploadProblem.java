package org.cleave.core.upload;

import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * P5, partition with on-demand model uploading (Yang, Sun, Liu, Zhang, Wang, "MJOA-MU:
 * End-to-edge collaborative computation for DNN inference based on model uploading", Computer
 * Networks 2023, doi:10.1016/j.comnet.2023.109801): the edge server does not hold the model, so
 * the parameters of every edge-side layer must be sent up by the device.
 *
 * <p>A plan is a monotone {@link Placement} x, as in P1 (input on the device, no tensor travels
 * edge → device except the result, a tensor is sent once however many edge consumers it has).
 * Its cost is given by an event-driven schedule on four resources, each doing one thing at a
 * time ({@link UploadEvaluator}):
 * <ol>
 *   <li><b>Device.</b> The device layers run in topological order back to back from t = 0 and
 *       end at D = Σ_{x_v=0} t_d(v).</li>
 *   <li><b>Feature tensors.</b> The tensors of S(x) = {u : x_u = 0, some consumer on the edge}
 *       are ready at D (the device part is one stage, as in P1; on a chain the only such tensor
 *       is produced by the last device layer anyway). Several ready at once go in topological
 *       order of their producers.</li>
 *   <li><b>Uplink.</b> One FIFO link at R_up for tensors and parameters, non-preemptive. An edge
 *       layer v with paramBytes(v) &gt; 0 needs an upload of 8·paramBytes(v)/R_up seconds
 *       (layers without parameters need none).
 *       <ul>
 *         <li>{@link UploadMode#PARALLEL}: parameter uploads are released at t = 0 and go in
 *             topological order; whenever the uplink is free and a feature tensor is ready it goes
 *             before every parameter upload that has not started (a parameter upload that has
 *             started is finished first). Tie rule: a feature tensor ready exactly when the
 *             uplink frees goes first.</li>
 *         <li>{@link UploadMode#SERIAL}: the parameters of the k-th edge layer are released when
 *             the (k−1)-th edge layer ends, those of the first edge layer at D; feature tensors
 *             go first (so: device part, features, then upload–compute, upload–compute, …).</li>
 *         <li>{@link UploadMode#PRELOADED}: no parameter is sent.</li>
 *       </ul></li>
 *   <li><b>Edge.</b> Edge layers run in topological order; v starts at
 *       max(end of the previous edge layer, arrival of the last feature tensor, arrival of v's
 *       parameters). (The edge part starts once the whole cut has arrived, again P1's stage
 *       model; on a chain this is exactly "v's inputs have arrived".)</li>
 *   <li><b>Result.</b> If the output is on the edge it is downloaded (8·b_out/R_down) and the
 *       link's one-way latency ℓ is added once, as in P1: T = end of the output + download + ℓ.
 *       Otherwise T = D.</li>
 * </ol>
 * Device energy E = P_c·Σ_{x_v=0} t_d(v) + P_tx·(uplink busy time) + P_idle·(idle time), where
 * the idle time is the part of [0, T − ℓ] in which the device neither computes nor transmits.
 * The processor and the radio draw power independently: while a parameter upload overlaps local
 * compute, both P_c and P_tx are paid and no idle power. The objective is w_T·T + w_E·E.
 *
 * <p>Facts the tests check: in PRELOADED mode T, E and the objective equal P1's
 * ({@link #asPartitionProblem()}); for every plan, PARALLEL ≤ SERIAL in T (the parallel uplink
 * finishes all uploads by D + ΣF + ΣP, and every serial edge layer waits for all of them).
 *
 * <p>Complexity: evaluating a plan is O(|V| + |A|); the plan space is the order ideals of the
 * DAG (n + 1 on a chain, up to 2^n on a DAG).
 *
 * @param graph      the DNN; {@code Layer.paramBytes()} are the parameters to upload
 * @param device     the end device
 * @param edge       the edge server
 * @param link       the link (its uplink carries tensors and parameters)
 * @param weights    objective weights w_T, w_E
 * @param deviceLoad the device's background load ρ ∈ [0, 1), as in P1
 * @param mode       when parameters are uploaded
 */
public record UploadProblem(DnnGraph graph, Device device, EdgeServer edge, Link link, CostWeights weights,
                            double deviceLoad, UploadMode mode) implements Problem<Placement> {
    public UploadProblem {
        Checks.present("graph", graph);
        Checks.present("device", device);
        Checks.present("edge", edge);
        Checks.present("link", link);
        Checks.present("weights", weights);
        Checks.load("deviceLoad", deviceLoad);
        Checks.present("mode", mode);
    }

    /** Latency-only weights, no device load. */
    public UploadProblem(DnnGraph graph, Device device, EdgeServer edge, Link link, UploadMode mode) {
        this(graph, device, edge, link, CostWeights.LATENCY, 0, mode);
    }

    @Override
    public Family family() {
        return Family.UPLOAD;
    }

    @Override
    public UploadCost evaluate(Placement plan) {
        return UploadEvaluator.evaluate(this, plan);
    }

    @Override
    public Class<Placement> planType() {
        return Placement.class;
    }

    /** This problem in another mode. */
    public UploadProblem withMode(UploadMode newMode) {
        return new UploadProblem(graph, device, edge, link, weights, deviceLoad, newMode);
    }

    /** This problem over another link. */
    public UploadProblem withLink(Link newLink) {
        return new UploadProblem(graph, device, edge, newLink, weights, deviceLoad, mode);
    }

    /** The P1 problem with the same data (what PRELOADED mode reduces to). */
    public PartitionProblem asPartitionProblem() {
        return new PartitionProblem(graph, device, edge, link, weights, deviceLoad);
    }

    /** The P5 problem with the data of a P1 problem. */
    public static UploadProblem of(PartitionProblem p, UploadMode mode) {
        return new UploadProblem(p.graph(), p.device(), p.edge(), p.link(), p.weights(), p.deviceLoad(), mode);
    }
}
