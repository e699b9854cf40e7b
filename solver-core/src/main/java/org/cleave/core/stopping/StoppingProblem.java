package org.cleave.core.stopping;

import java.util.List;
import java.util.Objects;
import org.cleave.core.model.Checks;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * P6, model placement and online model splitting under fading (Yan, Bi and Zhang, "Optimal Model
 * Placement and Online Model Splitting for Device-Edge Co-Inference", arXiv:2105.13618,
 * doi:10.48550/arXiv.2105.13618).
 *
 * <p>A chain of L layers. Stage k ∈ {0..L} means "layers 1..k have been computed on the device"
 * (stage 0: only the raw input of {@code inputBytes} d_0 bytes exists). Per stage the device sees
 * an i.i.d. channel power gain h ~ {@link Fading} and may
 * <ul>
 *   <li>offload the current tensor (d_k bytes) and let the edge finish, at cost
 *       {@code S_k(h) = (w_T + w_E·P)·8·d_k / r(h) + w_T·Σ_{j>k} t^e_j} with
 *       {@code r(h) = W·log2(1 + P·h/(N0·W))};</li>
 *   <li>compute layer k+1 (only if k < m), at cost {@code C_{k+1} = w_T·t^d_{k+1} + w_E·e^d_{k+1}};</li>
 *   <li>wait one slot of τ = {@code slotSeconds} for a new gain, at cost
 *       {@code ω = (w_T + w_E·P_idle)·τ}.</li>
 * </ul>
 * At stage L (only reachable with m = L) the result is ready on the device: cost 0. The waiting
 * option is Cleave's addition to the paper's model: without it the forced offload at stage m < L
 * has infinite expected cost under Rayleigh fading ({@code E[1/log(1 + cH)] = ∞} because the
 * exponential density is positive at 0), which would make every placement m < L worthless. With
 * {@code ω} large waiting is never used and the model is the paper's.
 *
 * <p><b>Plan and objective.</b> A plan ({@link StoppingPlan}) is the placement m together with a
 * threshold rule per stage. Its objective is the expected cost per inference plus the amortised
 * placement cost, {@code J = E[cost of one inference] + κ·Σ_{j<=m} paramBytes_j / N}, with κ =
 * {@code placementCostPerByte} (cost units per parameter byte sent to the device at a model
 * update) and N = {@code inferencesPerUpdate}. The one evaluator is {@link StoppingEvaluator}.
 *
 * <p>Units: seconds, joules, watts, bytes, hertz, W/Hz; costs in w_T·s + w_E·J.
 */
public final class StoppingProblem implements Problem<StoppingPlan> {
    /** Most layers L: 1,000. */
    public static final int MAX_LAYERS = 1_000;

    private final double inputBytes;
    private final List<StoppingLayer> layers;
    private final Channel channel;
    private final CostWeights weights;
    private final double slotSeconds;
    private final double idleWatts;
    private final double placementCostPerByte;
    private final double inferencesPerUpdate;
    private final double[] edgeRestCost;
    private final StoppingEvaluator evaluator;

    /**
     * @param inputBytes           d_0, size of the raw input, bytes, {@code > 0}
     * @param layers               the L >= 1 layers in order
     * @param channel              the fading uplink
     * @param weights              w_T (per second) and w_E (per joule)
     * @param slotSeconds          τ, duration of one waiting slot (channel coherence time), s, {@code > 0}
     * @param idleWatts            device power while waiting, W, {@code >= 0}
     * @param placementCostPerByte κ, cost per parameter byte placed on the device per model update, {@code >= 0}
     * @param inferencesPerUpdate  N, inferences per model update period, {@code > 0}
     */
    public StoppingProblem(double inputBytes, List<StoppingLayer> layers, Channel channel, CostWeights weights,
                           double slotSeconds, double idleWatts, double placementCostPerByte,
                           double inferencesPerUpdate) {
        this.inputBytes = Checks.positive("inputBytes", inputBytes);
        Checks.present("layers", layers);
        if (layers.isEmpty()) {
            throw new InvalidModelException("layers", "must hold at least one layer, got []");
        }
        if (layers.size() > MAX_LAYERS) {
            throw new InvalidModelException("layers", "at most " + MAX_LAYERS + " layers (every solver tries each"
                    + " placement m with an O(m) rule, O(L^2) in all; 2,000 layers already take half a minute), got "
                    + layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new InvalidModelException("layers[" + i + "]", "is required, got null");
            }
        }
        this.layers = List.copyOf(layers);
        this.channel = Checks.present("channel", channel);
        this.weights = Checks.present("weights", weights);
        this.slotSeconds = Checks.positive("slotSeconds", slotSeconds);
        this.idleWatts = Checks.nonNegative("idleWatts", idleWatts);
        this.placementCostPerByte = Checks.nonNegative("placementCostPerByte", placementCostPerByte);
        this.inferencesPerUpdate = Checks.positive("inferencesPerUpdate", inferencesPerUpdate);
        if (!(waitCost() > 0)) {
            throw new InvalidModelException("slotSeconds", "waiting a slot must cost something: latencyWeight is 0"
                    + " and energyWeight·idleWatts is 0, got slotSeconds " + slotSeconds
                    + ". Maybe set a positive latencyWeight or idleWatts");
        }
        int n = this.layers.size();
        edgeRestCost = new double[n + 1];
        for (int k = n - 1; k >= 0; k--) {
            edgeRestCost[k] = edgeRestCost[k + 1] + weights.latencyWeight() * this.layers.get(k).edgeSeconds();
        }
        evaluator = new StoppingEvaluator(this);
    }

    @Override
    public Family family() {
        return Family.STOPPING;
    }

    @Override
    public StoppingCost evaluate(StoppingPlan plan) {
        return evaluator.evaluate(plan);
    }

    @Override
    public Class<StoppingPlan> planType() {
        return StoppingPlan.class;
    }

    /** The evaluator (also the numerical toolbox solvers build on). */
    public StoppingEvaluator evaluator() {
        return evaluator;
    }

    /** L, the number of layers. */
    public int layerCount() {
        return layers.size();
    }

    /** d_k in bytes: the raw input for k = 0, else layer k's output. */
    public double tensorBytes(int stage) {
        return stage == 0 ? inputBytes : layers.get(stage - 1).outputBytes();
    }

    /** C_k = w_T·t^d_k + w_E·e^d_k, the cost of computing layer k (1-based) on the device. */
    public double computeCost(int layer) {
        StoppingLayer l = layers.get(layer - 1);
        return weights.combine(l.deviceSeconds(), l.deviceJoules());
    }

    /** a_k = (w_T + w_E·P)·8·d_k: S_k(h) = a_k / r(h) + b_k. */
    public double transferCoefficient(int stage) {
        return (weights.latencyWeight() + weights.energyWeight() * channel.transmitWatts()) * 8 * tensorBytes(stage);
    }

    /** b_k = w_T·Σ_{j>k} t^e_j, the cost of the edge finishing from stage k. */
    public double edgeRestCost(int stage) {
        return edgeRestCost[stage];
    }

    /** S_k(h), the cost of offloading at stage k when the gain is h. */
    public double offloadCost(int stage, double gain) {
        return transferCoefficient(stage) / channel.rateBitsPerSecond(gain) + edgeRestCost[stage];
    }

    /** ω = (w_T + w_E·P_idle)·τ, the cost of waiting one slot. */
    public double waitCost() {
        return weights.combine(slotSeconds, idleWatts * slotSeconds);
    }

    /** κ·Σ_{j<=m} paramBytes_j / N, the placement cost of m layers per inference. */
    public double placementCostPerInference(int deviceLayers) {
        double bytes = 0;
        for (int j = 0; j < deviceLayers; j++) {
            bytes += layers.get(j).paramBytes();
        }
        return placementCostPerByte * bytes / inferencesPerUpdate;
    }

    public double inputBytes() {
        return inputBytes;
    }

    public List<StoppingLayer> layers() {
        return layers;
    }

    public Channel channel() {
        return channel;
    }

    public CostWeights weights() {
        return weights;
    }

    public double slotSeconds() {
        return slotSeconds;
    }

    public double idleWatts() {
        return idleWatts;
    }

    public double placementCostPerByte() {
        return placementCostPerByte;
    }

    public double inferencesPerUpdate() {
        return inferencesPerUpdate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoppingProblem p && inputBytes == p.inputBytes && layers.equals(p.layers)
                && channel.equals(p.channel) && weights.equals(p.weights) && slotSeconds == p.slotSeconds
                && idleWatts == p.idleWatts && placementCostPerByte == p.placementCostPerByte
                && inferencesPerUpdate == p.inferencesPerUpdate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputBytes, layers, channel, weights, slotSeconds, idleWatts, placementCostPerByte,
                inferencesPerUpdate);
    }

    @Override
    public String toString() {
        return "StoppingProblem[L=" + layers.size() + ", inputBytes=" + inputBytes + ", channel=" + channel + "]";
    }
}
