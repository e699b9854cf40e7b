package org.cleave.workflows.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.multiuser.MultiUserCost;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.stopping.StoppingCost;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.tiers.TiersCost;
import org.cleave.core.tiers.exits.TiersExitsCost;
import org.cleave.core.upload.MultiUserUploadCost;
import org.cleave.core.upload.MultiUserUploadProblem;
import org.cleave.core.tiers.throughput.TiersThroughputCost;
import org.cleave.core.upload.UploadCost;

/**
 * The cost breakdown of a plan as an ordered map with unit-named keys, read from the family's own
 * cost record (the evaluator's output; nothing is recomputed here). One method per family; the
 * keys of a family are fixed ({@link #columns(Family)}), so that a table of scores has the same
 * columns whatever the plans; the one family with two problem types, P5, has its multi-user
 * problem's own keys and per-user vectors ({@link #columns(Problem)}, {@link #userColumns},
 * {@link MultiUserUploadBreakdown}). Seconds are {@code _seconds}, joules {@code _joules}, accuracies
 * are probabilities in [0, 1], units are counts.
 */
public final class Breakdowns {
    private static final List<String> PARTITION = List.of("latency_seconds", "energy_joules",
            "device_compute_seconds", "upload_seconds", "edge_compute_seconds", "download_seconds",
            "link_latency_seconds", "compute_joules", "transmit_joules", "idle_joules");
    private static final List<String> EXITS = List.of("latency_seconds", "energy_joules", "accuracy",
            "device_compute_seconds", "upload_seconds", "edge_compute_seconds", "download_seconds",
            "link_latency_seconds", "compute_joules", "transmit_joules", "idle_joules");
    private static final List<String> THROUGHPUT = List.of("period_seconds", "throughput_per_second", "accuracy",
            "device_stage_seconds", "uplink_stage_seconds", "edge_stage_seconds");
    private static final List<String> MULTIUSER = List.of("latency_seconds", "energy_joules", "compute_units",
            "bandwidth_units");
    private static final List<String> UPLOAD = List.of("latency_seconds", "energy_joules", "device_end_seconds",
            "features_arrived_seconds", "device_compute_seconds", "uplink_busy_seconds", "parameter_seconds",
            "edge_compute_seconds", "download_seconds", "link_latency_seconds", "idle_seconds", "compute_joules",
            "transmit_joules", "idle_joules");
    private static final List<String> TIERS = List.of("latency_seconds", "energy_joules", "device_compute_seconds",
            "edge_compute_seconds", "cloud_compute_seconds", "link1_upload_seconds", "link2_upload_seconds",
            "link1_download_seconds", "link2_download_seconds", "link1_latency_seconds", "link2_latency_seconds",
            "compute_joules", "transmit_joules", "idle_joules");
    private static final List<String> EXITS_TIERS = List.of("latency_seconds", "energy_joules", "accuracy",
            "device_compute_seconds", "edge_compute_seconds", "cloud_compute_seconds", "link1_upload_seconds",
            "link2_upload_seconds", "link1_download_seconds", "link2_download_seconds", "link1_latency_seconds",
            "link2_latency_seconds", "compute_joules", "transmit_joules", "idle_joules");
    private static final List<String> THROUGHPUT_TIERS = List.of("period_seconds", "throughput_per_second",
            "device_stage_seconds", "link1_stage_seconds", "edge_stage_seconds", "link2_stage_seconds",
            "cloud_stage_seconds");
    private static final List<String> STOPPING = List.of("inference_cost", "placement_cost_per_inference");

    private Breakdowns() {
    }

    /** The breakdown keys of {@code family}, in order; empty for a family without a breakdown (P7). */
    public static List<String> columns(Family family) {
        return switch (family) {
            case PARTITION -> PARTITION;
            case EXITS -> EXITS;
            case THROUGHPUT -> THROUGHPUT;
            case MULTIUSER -> MULTIUSER;
            case UPLOAD -> UPLOAD;
            case STOPPING -> STOPPING;
            case TIERS -> TIERS;
            case EXITS_TIERS -> EXITS_TIERS;
            case THROUGHPUT_TIERS -> THROUGHPUT_TIERS;
            case ONLINE -> List.of();
        };
    }

    /**
     * The scalar breakdown keys of {@code problem}, in order: {@link #columns(Family)}, except for
     * a multi-user P5 problem ({@link MultiUserUploadBreakdown#COLUMNS}).
     */
    public static List<String> columns(Problem<?> problem) {
        return problem instanceof MultiUserUploadProblem ? MultiUserUploadBreakdown.COLUMNS
                : columns(problem.family());
    }

    /** The per-user breakdown keys of {@code problem} (vectors, one entry per user); empty but for multi-user P5. */
    public static List<String> userColumns(Problem<?> problem) {
        return problem instanceof MultiUserUploadProblem ? MultiUserUploadBreakdown.USER_COLUMNS : List.of();
    }

    /** The per-user vectors of an evaluation ({@link #userColumns}); empty but for multi-user P5. */
    public static Map<String, double[]> perUser(Evaluation e) {
        return e instanceof MultiUserUploadCost c ? MultiUserUploadBreakdown.perUser(c) : Map.of();
    }

    /** The breakdown of any family's evaluation; empty for an evaluation type without one. */
    public static Map<String, Double> of(Evaluation e) {
        if (e instanceof MultiUserUploadCost c) {
            return MultiUserUploadBreakdown.of(c);
        }
        if (e instanceof PartitionCost c) {
            return partition(c);
        }
        if (e instanceof ExitsCost c) {
            return exits(c);
        }
        if (e instanceof ThroughputCost c) {
            return throughput(c);
        }
        if (e instanceof MultiUserCost c) {
            return multiUser(c);
        }
        if (e instanceof UploadCost c) {
            return upload(c);
        }
        if (e instanceof StoppingCost c) {
            return stopping(c);
        }
        if (e instanceof TiersCost c) {
            return tiers(c);
        }
        if (e instanceof TiersExitsCost c) {
            return exitsTiers(c);
        }
        if (e instanceof TiersThroughputCost c) {
            return tiersThroughput(c);
        }
        return Map.of();
    }

    /** P1: latency T and energy E with their parts. */
    public static Map<String, Double> partition(PartitionCost c) {
        return map(PARTITION, c.latencySeconds(), c.energyJoules(), c.deviceComputeSeconds(), c.uploadSeconds(),
                c.edgeComputeSeconds(), c.downloadSeconds(), c.linkLatencySeconds(), c.computeJoules(),
                c.transmitJoules(), c.idleJoules());
    }

    /** P2: expected latency, energy and accuracy with the expected parts. */
    public static Map<String, Double> exits(ExitsCost c) {
        return map(EXITS, c.latencySeconds(), c.energyJoules(), c.accuracy(), c.deviceComputeSeconds(),
                c.uploadSeconds(), c.edgeComputeSeconds(), c.downloadSeconds(), c.linkLatencySeconds(),
                c.computeJoules(), c.transmitJoules(), c.idleJoules());
    }

    /** P3: period, throughput (+∞ for a zero period), accuracy and the three stages. */
    public static Map<String, Double> throughput(ThroughputCost c) {
        return map(THROUGHPUT, c.periodSeconds(), c.throughputPerSecond(), c.accuracy(), c.deviceStageSeconds(),
                c.uplinkStageSeconds(), c.edgeStageSeconds());
    }

    /** P4: total latency and energy over the users, and the units used. */
    public static Map<String, Double> multiUser(MultiUserCost c) {
        return map(MULTIUSER, c.latencySeconds(), c.energyJoules(), (double) c.computeUnits(),
                (double) c.bandwidthUnits());
    }

    /** P5: latency and energy with the timeline's parts. */
    public static Map<String, Double> upload(UploadCost c) {
        return map(UPLOAD, c.latencySeconds(), c.energyJoules(), c.deviceEndSeconds(), c.featuresArrivedSeconds(),
                c.deviceComputeSeconds(), c.uplinkBusySeconds(), c.parameterSeconds(), c.edgeComputeSeconds(),
                c.downloadSeconds(), c.linkLatencySeconds(), c.idleSeconds(), c.computeJoules(), c.transmitJoules(),
                c.idleJoules());
    }

    /** P1-3T: latency and device energy with the parts per tier and per link. */
    public static Map<String, Double> tiers(TiersCost c) {
        return map(TIERS, c.latencySeconds(), c.energyJoules(), c.deviceComputeSeconds(), c.edgeComputeSeconds(),
                c.cloudComputeSeconds(), c.link1UploadSeconds(), c.link2UploadSeconds(), c.link1DownloadSeconds(),
                c.link2DownloadSeconds(), c.link1LatencySeconds(), c.link2LatencySeconds(), c.computeJoules(),
                c.transmitJoules(), c.idleJoules());
    }

    /** P2-3T: expected latency, energy and accuracy with the expected parts per tier and link. */
    public static Map<String, Double> exitsTiers(TiersExitsCost c) {
        return map(EXITS_TIERS, c.latencySeconds(), c.energyJoules(), c.accuracy(), c.deviceComputeSeconds(),
                c.edgeComputeSeconds(), c.cloudComputeSeconds(), c.link1UploadSeconds(), c.link2UploadSeconds(),
                c.link1DownloadSeconds(), c.link2DownloadSeconds(), c.link1LatencySeconds(), c.link2LatencySeconds(),
                c.computeJoules(), c.transmitJoules(), c.idleJoules());
    }

    /** P3-3T: period, throughput (+∞ for a zero period) and the five stages in pipeline order. */
    public static Map<String, Double> tiersThroughput(TiersThroughputCost c) {
        return map(THROUGHPUT_TIERS, c.periodSeconds(), c.throughputPerSecond(), c.deviceStageSeconds(),
                c.link1StageSeconds(), c.edgeStageSeconds(), c.link2StageSeconds(), c.cloudStageSeconds());
    }

    /** P6: expected inference cost and the placement cost per inference (the family's cost units). */
    public static Map<String, Double> stopping(StoppingCost c) {
        return map(STOPPING, c.inferenceCost(), c.placementCostPerInference());
    }

    private static Map<String, Double> map(List<String> keys, double... values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), values[i]);
        }
        return m;
    }
}
