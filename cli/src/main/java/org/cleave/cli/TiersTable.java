package org.cleave.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCost;
import org.cleave.core.tiers.TiersProblem;

/** Prints a P1-3T plan for {@code cleave solve}: one row per layer, a column per tier and per link. */
final class TiersTable {
    private TiersTable() {
    }

    static void print(PrintWriter out, TiersProblem p, TierPlacement plan) {
        DnnGraph g = p.graph();
        TiersCost cost = p.evaluate(plan);
        Set<String> link1 = new HashSet<>(cost.sentOverLink1());
        Set<String> link2 = new HashSet<>(cost.sentOverLink2());
        out.printf("%-24s %-6s %-6s %-6s %14s %14s %6s %6s%n", "layer", "device", "edge", "cloud", "flops",
                "outputBytes", "link1", "link2");
        for (int v = 0; v < g.size(); v++) {
            var l = g.layer(v);
            Tier t = plan.tier(v);
            out.printf(Locale.ROOT, "%-24s %-6s %-6s %-6s %14.4g %14.4g %6s %6s%n", l.id(),
                    t == Tier.DEVICE ? "x" : "", t == Tier.EDGE ? "x" : "", t == Tier.CLOUD ? "x" : "", l.flops(),
                    l.outputBytes(), link1.contains(l.id()) ? "sent" : "", link2.contains(l.id()) ? "sent" : "");
        }
        out.printf("%-24s %-6d %-6d %-6d%n", "layers per tier", plan.count(Tier.DEVICE), plan.count(Tier.EDGE),
                plan.count(Tier.CLOUD));
        out.println();
        Map<String, Double> rows = new LinkedHashMap<>();
        rows.put("device compute (s)", cost.deviceComputeSeconds());
        rows.put("link 1 upload (s)", cost.link1UploadSeconds());
        rows.put("edge compute (s)", cost.edgeComputeSeconds());
        rows.put("link 2 upload (s)", cost.link2UploadSeconds());
        rows.put("cloud compute (s)", cost.cloudComputeSeconds());
        rows.put("link 2 download (s)", cost.link2DownloadSeconds());
        rows.put("link 1 download (s)", cost.link1DownloadSeconds());
        rows.put("link 1 latency (s)", cost.link1LatencySeconds());
        rows.put("link 2 latency (s)", cost.link2LatencySeconds());
        rows.put("latency T (s)", cost.latencySeconds());
        rows.put("compute energy (J)", cost.computeJoules());
        rows.put("transmit energy (J)", cost.transmitJoules());
        rows.put("idle energy (J)", cost.idleJoules());
        rows.put("energy E (J)", cost.energyJoules());
        rows.put("objective w_T*T + w_E*E", cost.objective());
        rows.forEach((k, v) -> out.printf("%-26s %s%n", k, SolveCommand.fmt(v)));
    }
}
