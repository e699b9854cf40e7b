package org.cleave.core.model;

/**
 * An early exit (a side classifier) hanging after a layer.
 *
 * <p>Exit statistics follow BranchyNet's nested-confidence model (Teerapittayanon et al., ICPR
 * 2016, doi:10.1109/ICPR.2016.7900006): {@code exitRate} is the fraction of all samples confident
 * enough to stop at this exit when every shallower exit is active, nondecreasing with depth.
 * With active exits {@code j1 < j2 < ...} the share stopping at {@code j_i} is
 * {@code r_{j_i} - r_{j_{i-1}}}, and expected accuracy is {@code Σ share · accuracy}.
 *
 * @param id         unique identifier
 * @param afterLayer id of the layer the exit hangs from; must be a cut vertex of the DAG
 * @param flops      FLOPs of the exit branch
 * @param exitRate   cumulative exit rate r_j in [0, 1]
 * @param accuracy   accuracy a_j in [0, 1] of the samples that stop here
 */
public record Exit(String id, String afterLayer, double flops, double exitRate, double accuracy) {
    public Exit {
        Checks.identifier("id", id);
        Checks.identifier("afterLayer", afterLayer);
        Checks.nonNegative("flops", flops);
        Checks.probability("exitRate", exitRate);
        Checks.probability("accuracy", accuracy);
    }
}
