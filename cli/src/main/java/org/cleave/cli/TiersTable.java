package org.cleave.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCost;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.workflows.units.Engineering;

/** Prints a P1-3T plan for {@code cleave solve}: one row per layer, a column per tier and per link. */
final class TiersTable {
    private TiersTable() {
    }

    static void print(PrintWriter out, TiersProblem p, TierPlacement plan) {
        TiersCost cost = p.evaluate(plan);
        layers(out, p.graph(), plan, cost.sentOverLink1(), cost.sentOverLink2());
        out.println();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("device compute", Engineering.seconds(cost.deviceComputeSeconds()));
        rows.put("link 1 upload", Engineering.seconds(cost.link1UploadSeconds()));
        rows.put("edge compute", Engineering.seconds(cost.edgeComputeSeconds()));
        rows.put("link 2 upload", Engineering.seconds(cost.link2UploadSeconds()));
        rows.put("cloud compute", Engineering.seconds(cost.cloudComputeSeconds()));
        rows.put("link 2 download", Engineering.seconds(cost.link2DownloadSeconds()));
        rows.put("link 1 download", Engineering.seconds(cost.link1DownloadSeconds()));
        rows.put("link 1 latency", Engineering.seconds(cost.link1LatencySeconds()));
        rows.put("link 2 latency", Engineering.seconds(cost.link2LatencySeconds()));
        rows.put("latency T", Engineering.seconds(cost.latencySeconds()));
        rows.put("compute energy", Engineering.joules(cost.computeJoules()));
        rows.put("transmit energy", Engineering.joules(cost.transmitJoules()));
        rows.put("idle energy", Engineering.joules(cost.idleJoules()));
        rows.put("energy E", Engineering.joules(cost.energyJoules()));
        rows.put("objective w_T*T + w_E*E", SolveCommand.fmt(cost.objective()));
        PlanTables.breakdown(out, rows);
    }

    /** The layer table of a three-tier plan: a column per tier and per link (shared with P2-3T's table). */
    static void layers(PrintWriter out, DnnGraph g, TierPlacement plan, List<String> sentOverLink1,
                       List<String> sentOverLink2) {
        Set<String> link1 = new HashSet<>(sentOverLink1);
        Set<String> link2 = new HashSet<>(sentOverLink2);
        out.printf("%-24s %-6s %-6s %-6s %12s %12s %6s %6s%n", "layer", "device", "edge", "cloud", "flops",
                "output", "link1", "link2");
        for (int v = 0; v < g.size(); v++) {
            var l = g.layer(v);
            Tier t = plan.tier(v);
            out.printf(Locale.ROOT, "%-24s %-6s %-6s %-6s %12s %12s %6s %6s%n", l.id(),
                    t == Tier.DEVICE ? "x" : "", t == Tier.EDGE ? "x" : "", t == Tier.CLOUD ? "x" : "",
                    Engineering.flops(l.flops()), Engineering.bytes(l.outputBytes()), link1.contains(l.id()) ? "sent" : "", link2.contains(l.id()) ? "sent" : "");
        }
        out.printf("%-24s %-6d %-6d %-6d%n", "layers per tier", plan.count(Tier.DEVICE), plan.count(Tier.EDGE),
                plan.count(Tier.CLOUD));
    }
}
