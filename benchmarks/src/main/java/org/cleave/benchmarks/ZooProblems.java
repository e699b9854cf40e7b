package org.cleave.benchmarks;

import java.util.OptionalDouble;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;

/**
 * The zoo instances the backend benchmarks solve: a model's block-level chain under the 4G profile
 * (DADS Table I: 5.85 Mbit/s up), the {@code rpi4} device and the {@code gpu} edge, made by
 * {@link ZooInstances} exactly as {@code cleave zoo export MODEL --view blocks --network 4g --device
 * rpi4 --edge gpu} makes them.
 *
 * <p>P2 and P3 need a multi-exit model. Their accuracy floor is set to {@value #FLOOR_SHARE} of the
 * final classifier's accuracy, so that the exit choice matters (with ZooInstances' default floor 0
 * the shallowest exits always win); P2 is variant (a) with the latency objective and no latency
 * bound, P3 has no frame rate.
 */
public final class ZooProblems {
    /** The accuracy floor of the P2 and P3 instances as a share of the final classifier's accuracy. */
    public static final double FLOOR_SHARE = 0.97;

    private ZooProblems() {
    }

    /** P1 on the block view of {@code model}. */
    public static PartitionProblem partition(String model) {
        return (PartitionProblem) instance(Family.PARTITION, model);
    }

    /** P2 variant (a) on the block view of the multi-exit {@code model}, floor {@value #FLOOR_SHARE} × final. */
    public static ExitsProblem exits(String model) {
        ExitsProblem p = (ExitsProblem) instance(Family.EXITS, model);
        ExitsProblem.MinCost v = (ExitsProblem.MinCost) p.variant();
        return p.withVariant(new ExitsProblem.MinCost(v.weights(), FLOOR_SHARE * p.finalAccuracy(),
                OptionalDouble.empty()));
    }

    /** P3 on the block view of the multi-exit {@code model}, floor {@value #FLOOR_SHARE} × final. */
    public static ThroughputProblem throughput(String model) {
        ThroughputProblem p = (ThroughputProblem) instance(Family.THROUGHPUT, model);
        return new ThroughputProblem(p.graph(), p.device(), p.edge(), p.link(), p.deviceLoad(), p.finalAccuracy(),
                FLOOR_SHARE * p.finalAccuracy(), OptionalDouble.empty());
    }

    private static Object instance(Family family, String model) {
        return ZooInstances.of(family, Zoo.get(model), ZooInstances.View.BLOCKS, "4g", "rpi4", "gpu").problem();
    }
}
