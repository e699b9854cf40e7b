package org.cleave.cli;

import static org.cleave.workflows.units.Engineering.bytes;
import static org.cleave.workflows.units.Engineering.flops;
import static org.cleave.workflows.units.Engineering.joules;
import static org.cleave.workflows.units.Engineering.percent;
import static org.cleave.workflows.units.Engineering.seconds;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.multiuser.MultiUserCost;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.multiuser.UserCost;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.core.upload.TimelineEvent;
import org.cleave.core.upload.UploadCost;
import org.cleave.core.upload.UploadProblem;
import org.cleave.workflows.units.Engineering;

/**
 * The plan of {@code cleave solve} as a table, one per family (issue 21, item 8): P1 a layer table,
 * P2 the exits with their share and accuracy, P3 the stage times and the bottleneck, P4 each user's
 * option, units and cost, P5 the timeline; then the family evaluator's breakdown. Every number is
 * in {@link Engineering} notation with its unit; the values all come from the family's evaluator.
 */
final class PlanTables {
    private PlanTables() {
    }

    /**
     * Prints {@code plan} of {@code problem} as a table; returns false for a family without one
     * (the caller prints the plan as JSON then).
     */
    static boolean print(PrintWriter out, Object problem, Object plan) {
        if (problem instanceof PartitionProblem p) {
            partition(out, p, (Placement) plan);
        } else if (problem instanceof org.cleave.core.tiers.TiersProblem p) {
            TiersTable.print(out, p, (org.cleave.core.tiers.TierPlacement) plan);
        } else if (problem instanceof org.cleave.core.tiers.exits.TiersExitsProblem p) {
            TiersExitsTable.print(out, p, (org.cleave.core.tiers.exits.TierExitPlan) plan);
        } else if (problem instanceof org.cleave.core.tiers.throughput.TiersThroughputProblem p) {
            TiersThroughputTable.print(out, p, (org.cleave.core.tiers.TierPlacement) plan);
        } else if (problem instanceof ExitsProblem p) {
            exits(out, p, (ExitPlan) plan);
        } else if (problem instanceof ThroughputProblem p) {
            throughput(out, p, (ExitPlan) plan);
        } else if (problem instanceof MultiUserProblem p) {
            multiUser(out, p, (MultiUserPlan) plan);
        } else if (problem instanceof UploadProblem p) {
            upload(out, p, (Placement) plan);
        } else {
            return false;
        }
        return true;
    }

    /** The layer table of a P1 (and P2, P3, P5) placement: tier, FLOPs, output size, whether sent up. */
    static void layers(PrintWriter out, DnnGraph g, Placement plan, List<String> sentTensors) {
        Set<String> sent = new HashSet<>(sentTensors);
        out.printf("%-24s %-7s %12s %12s %8s%n", "layer", "tier", "flops", "output", "sent");
        for (int v = 0; v < g.size(); v++) {
            var l = g.layer(v);
            out.printf("%-24s %-7s %12s %12s %8s%n", l.id(), plan.onEdge(v) ? "edge" : "device", flops(l.flops()),
                    bytes(l.outputBytes()), sent.contains(l.id()) ? "uplink" : "");
        }
    }

    static void partition(PrintWriter out, PartitionProblem p, Placement plan) {
        PartitionCost cost = p.evaluate(plan);
        layers(out, p.graph(), plan, cost.sentTensors());
        out.println();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("device compute", seconds(cost.deviceComputeSeconds()));
        rows.put("upload", seconds(cost.uploadSeconds()));
        rows.put("edge compute", seconds(cost.edgeComputeSeconds()));
        rows.put("result download", seconds(cost.downloadSeconds()));
        rows.put("link latency", seconds(cost.linkLatencySeconds()));
        rows.put("latency T", seconds(cost.latencySeconds()));
        rows.put("compute energy", joules(cost.computeJoules()));
        rows.put("transmit energy", joules(cost.transmitJoules()));
        rows.put("idle energy", joules(cost.idleJoules()));
        rows.put("energy E", joules(cost.energyJoules()));
        rows.put("objective w_T*T + w_E*E", SolveCommand.fmt(cost.objective()));
        breakdown(out, rows);
    }

    static void stops(PrintWriter out, List<ExitsCost.Share> stops) {
        out.printf("%-16s %-24s %10s %10s%n", "exit", "after layer", "share", "accuracy");
        for (ExitsCost.Share s : stops) {
            out.printf("%-16s %-24s %10s %10s%n", s.stop(), s.afterLayer(), percent(s.share()), percent(s.accuracy()));
        }
    }

    static void exits(PrintWriter out, ExitsProblem p, ExitPlan plan) {
        ExitsCost cost = p.evaluate(plan);
        stops(out, cost.stops());
        out.println();
        layers(out, p.graph(), plan.placement(), cost.sentTensors());
        out.println();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("device compute", seconds(cost.deviceComputeSeconds()));
        rows.put("upload", seconds(cost.uploadSeconds()));
        rows.put("edge compute", seconds(cost.edgeComputeSeconds()));
        rows.put("result download", seconds(cost.downloadSeconds()));
        rows.put("link latency", seconds(cost.linkLatencySeconds()));
        rows.put("expected latency T", seconds(cost.latencySeconds()));
        rows.put("compute energy", joules(cost.computeJoules()));
        rows.put("transmit energy", joules(cost.transmitJoules()));
        rows.put("idle energy", joules(cost.idleJoules()));
        rows.put("expected energy E", joules(cost.energyJoules()));
        rows.put("expected accuracy", percent(cost.accuracy()));
        rows.put("objective", SolveCommand.fmt(cost.objective()));
        rows.put("violations", cost.violations().isEmpty() ? "none" : String.join("; ", cost.violations()));
        breakdown(out, rows);
    }

    static void throughput(PrintWriter out, ThroughputProblem p, ExitPlan plan) {
        ThroughputCost cost = p.evaluate(plan);
        stops(out, cost.stops());
        out.println();
        out.printf("%-8s %12s  %s%n", "stage", "time", "bottleneck");
        stage(out, "device", cost.deviceStageSeconds(), cost.bottleneck() == ThroughputCost.Stage.DEVICE);
        stage(out, "uplink", cost.uplinkStageSeconds(), cost.bottleneck() == ThroughputCost.Stage.UPLINK);
        stage(out, "edge", cost.edgeStageSeconds(), cost.bottleneck() == ThroughputCost.Stage.EDGE);
        out.println();
        layers(out, p.graph(), plan.placement(), cost.sentTensors());
        out.println();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("period", seconds(cost.periodSeconds()));
        rows.put("throughput", Engineering.format(cost.throughputPerSecond(), "frames/s"));
        rows.put("expected accuracy", percent(cost.accuracy()));
        rows.put("violations", cost.violations().isEmpty() ? "none" : String.join("; ", cost.violations()));
        breakdown(out, rows);
    }

    private static void stage(PrintWriter out, String name, double s, boolean bottleneck) {
        out.printf("%-8s %12s  %s%n", name, seconds(s), bottleneck ? "<- sets the period" : "");
    }

    static void multiUser(PrintWriter out, MultiUserProblem p, MultiUserPlan plan) {
        MultiUserCost cost = p.evaluate(plan);
        out.printf("%-14s %-36s %8s %8s %10s %10s %10s %14s%n", "user", "option", "compute", "bandwidth",
                "latency", "energy", "accuracy", "cost");
        for (int i = 0; i < p.size(); i++) {
            UserChoice c = plan.choice(i);
            UserCost u = cost.users().get(i);
            out.printf("%-14s %-36s %8d %8d %10s %10s %10s %14s%n", p.user(i).id(),
                    p.user(i).options().get(c.option()).label(), c.computeUnits(), c.bandwidthUnits(),
                    seconds(u.latencySeconds()), joules(u.energyJoules()), percent(u.accuracy()),
                    SolveCommand.fmt(u.objective()));
        }
        out.println();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("compute units", cost.computeUnits() + " of " + p.computeUnits());
        rows.put("bandwidth units", cost.bandwidthUnits() + " of " + p.bandwidthUnits());
        rows.put("total latency", seconds(cost.latencySeconds()));
        rows.put("total energy", joules(cost.energyJoules()));
        rows.put("objective", SolveCommand.fmt(cost.objective()));
        rows.put("violations", cost.violations().isEmpty() ? "none" : String.join("; ", cost.violations()));
        breakdown(out, rows);
    }

    /** A P5 timeline: one row per activity, in the order it was scheduled. */
    static void timeline(PrintWriter out, List<TimelineEvent> events) {
        out.printf("%-17s %-24s %-7s %12s %12s %12s%n", "activity", "layer", "on", "start", "end", "duration");
        for (TimelineEvent e : events) {
            out.printf("%-17s %-24s %-7s %12s %12s %12s%n", e.activity().name().toLowerCase(java.util.Locale.ROOT),
                    e.layerId(), e.resource().name().toLowerCase(java.util.Locale.ROOT), seconds(e.startSeconds()),
                    seconds(e.endSeconds()), seconds(e.durationSeconds()));
        }
    }

    private static void uploadBreakdown(PrintWriter out, UploadCost cost) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("device part ends", seconds(cost.deviceEndSeconds()));
        rows.put("features arrived", seconds(cost.featuresArrivedSeconds()));
        rows.put("device compute", seconds(cost.deviceComputeSeconds()));
        rows.put("uplink busy", seconds(cost.uplinkBusySeconds()));
        rows.put("  of which parameters", seconds(cost.parameterSeconds()));
        rows.put("edge compute", seconds(cost.edgeComputeSeconds()));
        rows.put("result download", seconds(cost.downloadSeconds()));
        rows.put("link latency", seconds(cost.linkLatencySeconds()));
        rows.put("latency T", seconds(cost.latencySeconds()));
        rows.put("energy E", joules(cost.energyJoules()));
        rows.put("objective w_T*T + w_E*E", SolveCommand.fmt(cost.objective()));
        breakdown(out, rows);
    }

    static void upload(PrintWriter out, UploadProblem p, Placement plan) {
        UploadCost cost = p.evaluate(plan);
        timeline(out, cost.timeline());
        out.println();
        uploadBreakdown(out, cost);
    }

    static void breakdown(PrintWriter out, Map<String, String> rows) {
        rows.forEach((k, v) -> out.printf("%-26s %s%n", k, v));
    }
}
