package org.cleave.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsCost;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.workflows.units.Engineering;

/**
 * Prints a P2-3T plan for {@code cleave solve}: the active exits with their shares, the three-tier
 * layer table of P1-3T and the evaluator's expected breakdown per tier and per link.
 */
final class TiersExitsTable {
    private TiersExitsTable() {
    }

    static void print(PrintWriter out, TiersExitsProblem p, TierExitPlan plan) {
        TiersExitsCost cost = p.evaluate(plan);
        out.println("active exits: " + (plan.activeExits().isEmpty() ? "none" : String.join(", ", plan.activeExits())));
        PlanTables.stops(out, cost.stops());
        out.println();
        TiersTable.layers(out, p.graph(), plan.placement(), cost.sentOverLink1(), cost.sentOverLink2());
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
        rows.put("expected latency T", Engineering.seconds(cost.latencySeconds()));
        rows.put("compute energy", Engineering.joules(cost.computeJoules()));
        rows.put("transmit energy", Engineering.joules(cost.transmitJoules()));
        rows.put("idle energy", Engineering.joules(cost.idleJoules()));
        rows.put("expected energy E", Engineering.joules(cost.energyJoules()));
        rows.put("expected accuracy", Engineering.percent(cost.accuracy()));
        rows.put("objective w_T*T + w_E*E", SolveCommand.fmt(cost.objective()));
        rows.put("violations", cost.violations().isEmpty() ? "none" : String.join("; ", cost.violations()));
        PlanTables.breakdown(out, rows);
    }
}
