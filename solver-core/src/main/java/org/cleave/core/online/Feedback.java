package org.cleave.core.online;

/**
 * What a policy learns after its choice for one sample: the split it chose, whether the sample
 * was offloaded, its reward, and (side information, used by SplitEE-S) the confidences and the
 * rewards it would have got at every shallower split. Deeper splits are not observable (their
 * layers were not computed) and asking for them throws.
 *
 * <p>Observability, stated precisely: at split i the device sees C_0 … C_i. When the sample is
 * offloaded, C_{L−1} comes back from the final layer. When it exits at i, C_{L−1} is not seen;
 * the counterfactual reward of a shallower split j with C_j &lt; α nevertheless needs it, and
 * {@link #rewardIfSplitAt(int)} takes it from the trace, exactly as the SplitEE authors'
 * SplitEE-S code does. Policies that want strictly observable information can test
 * {@link #finalConfidenceObserved()}.
 */
public interface Feedback {
    /** The split i chosen for this sample. */
    int split();

    /** Whether the sample was offloaded. */
    boolean offloaded();

    /** reward(t, i) of the chosen split. */
    double reward();

    /** Whether C_{L−1} was observed (offloaded, or the final split was chosen). */
    boolean finalConfidenceObserved();

    /**
     * C_{t,j} for j ≤ i.
     *
     * @throws IllegalArgumentException for j outside [0, i]
     */
    double confidence(int exit);

    /**
     * reward(t, j) for j ≤ i (see the class comment on C_{L−1}).
     *
     * @throws IllegalArgumentException for j outside [0, i]
     */
    double rewardIfSplitAt(int exit);
}
