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
import org.cleave.core.tiers.throughput.TiersThroughputCost;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;
import org.cleave.workflows.units.Engineering;

/**
 * Prints a P3-3T plan for {@code cleave solve}: the five stage times with the bottleneck marked, one
 * row per layer with a column per tier and per link, then the period and throughput; every value
 * from the family's evaluator.
 */
final class TiersThroughputTable {
    private TiersThroughputTable() {
    }

    static void print(PrintWriter out, TiersThroughputProblem p, TierPlacement plan) {
        DnnGraph g = p.graph();
        TiersThroughputCost cost = p.evaluate(plan);
        out.printf("%-8s %12s  %s%n", "stage", "time", "bottleneck");
        for (TiersThroughputCost.Stage s : TiersThroughputCost.Stage.values()) {
            out.printf("%-8s %12s  %s%n", s.key(), Engineering.seconds(cost.stageSeconds(s)),
                    cost.bottleneck() == s ? "<- sets the period" : "");
        }
        out.println();
        Set<String> link1 = new HashSet<>(cost.sentOverLink1());
        Set<String> link2 = new HashSet<>(cost.sentOverLink2());
        out.printf("%-24s %-6s %-6s %-6s %12s %12s %6s %6s%n", "layer", "device", "edge", "cloud", "flops",
                "output", "link1", "link2");
        for (int v = 0; v < g.size(); v++) {
            var l = g.layer(v);
            Tier t = plan.tier(v);
            out.printf(Locale.ROOT, "%-24s %-6s %-6s %-6s %12s %12s %6s %6s%n", l.id(),
                    t == Tier.DEVICE ? "x" : "", t == Tier.EDGE ? "x" : "", t == Tier.CLOUD ? "x" : "",
                    Engineering.flops(l.flops()), Engineering.bytes(l.outputBytes()),
                    link1.contains(l.id()) ? "sent" : "", link2.contains(l.id()) ? "sent" : "");
        }
        out.printf("%-24s %-6d %-6d %-6d%n", "layers per tier", plan.count(Tier.DEVICE), plan.count(Tier.EDGE),
                plan.count(Tier.CLOUD));
        out.println();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("period", Engineering.seconds(cost.periodSeconds()));
        rows.put("throughput", Engineering.format(cost.throughputPerSecond(), "frames/s"));
        rows.put("bottleneck", cost.bottleneck().key());
        rows.put("violations", cost.violations().isEmpty() ? "none" : String.join("; ", cost.violations()));
        PlanTables.breakdown(out, rows);
    }
}
