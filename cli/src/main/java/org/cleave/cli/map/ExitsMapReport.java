package org.cleave.cli.map;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.partition.CostWeights;
import org.cleave.instances.io.Instance;

/** The text of {@code cleave map} for a P2 instance: header (exit set, accuracy, what is mapped) and the intervals. */
final class ExitsMapReport {
    private ExitsMapReport() {
    }

    static void print(PrintWriter out, Instance instance, ExitsBandwidthMap map) {
        ExitsProblem p = map.problem();
        DnnGraph g = p.graph();
        boolean rightSizing = p.variant() instanceof ExitsProblem.RightSizing;
        out.printf(Locale.ROOT, "instance   %s (exits, P2 variant %s), %d layers, model exits %s%n", instance.name(),
                rightSizing ? "(b) right-sizing" : "(a) min cost", g.size(),
                g.exits().stream().map(e -> e.id()).toList());
        StringBuilder stops = new StringBuilder();
        for (StopProfile.Stop s : map.profile().stops()) {
            stops.append(stops.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.6g (accuracy %.6g)",
                    s.name(), s.share(), s.accuracy()));
        }
        out.printf(Locale.ROOT, "exit set   %s%s; stops: %s%n",
                map.exits().isEmpty() ? "none (full model)" : String.join(",", map.exits()),
                rightSizing && !map.exits().isEmpty() ? ", model truncated there" : "", stops);
        OptionalDouble floor = map.minAccuracy();
        out.printf(Locale.ROOT, "accuracy   %.9g expected%s%n", map.expectedAccuracy(), floor.isEmpty()
                ? " (variant (b)'s objective)"
                : map.expectedAccuracy() >= floor.getAsDouble()
                ? String.format(Locale.ROOT, ", meets minAccuracy %.9g", floor.getAsDouble())
                : String.format(Locale.ROOT, ", BELOW minAccuracy %.9g: every plan of this exit set is infeasible",
                floor.getAsDouble()));
        if (rightSizing) {
            out.printf("mapped     expected latency T (s) of the model truncated at the exit, minimised over"
                    + " placements%n");
        } else {
            CostWeights w = ((ExitsProblem.MinCost) p.variant()).weights();
            out.printf(Locale.ROOT, "mapped     expected objective w_T*T + w_E*E (w_T = %.9g, w_E = %.9g) of this exit"
                    + " set, minimised over placements%n", w.latencyWeight(), w.energyWeight());
        }
        OptionalDouble bound = p.maxLatencySeconds();
        out.printf(Locale.ROOT, "latency    %s%n", bound.isEmpty() ? "no bound"
                : String.format(Locale.ROOT, "bound maxLatencySeconds %.9g s not imposed; column 'T <= L' says where"
                + " it holds", bound.getAsDouble()));
        ExitsBandwidthMap.Piece first = map.pieces().get(0);
        ExitsBandwidthMap.Piece last = map.pieces().get(map.pieces().size() - 1);
        out.printf(Locale.ROOT, "range      %s .. %s uplink; cost = a + b / R_up (R_up in bit/s)%n",
                MapCommand.rate(first.line().fromUplinkBitsPerSecond()),
                MapCommand.rate(last.line().toUplinkBitsPerSecond()));
        out.printf(Locale.ROOT, "pieces     %d (%d breakpoints, %d min-cut calls)%n%n", map.pieces().size(),
                map.pieces().size() - 1, map.lines().minCutCalls());
        out.printf(Locale.ROOT, "%-12s %-12s %-16s %-16s %-16s %-16s %-18s %-7s %s%n", "from", "to", "cost at from",
                "cost at to", "a", "b (bit)", "T <= L", "device", "plan");
        for (ExitsBandwidthMap.Piece piece : map.pieces()) {
            double from = piece.line().fromUplinkBitsPerSecond();
            double to = piece.line().toUplinkBitsPerSecond();
            String holds;
            if (bound.isEmpty()) {
                holds = "-";
            } else if (piece.latencyBoundFromBitsPerSecond().isEmpty()) {
                holds = "no";
            } else if (piece.latencyBoundFromBitsPerSecond().getAsDouble() == from) {
                holds = "yes";
            } else {
                holds = "from " + MapCommand.rate(piece.latencyBoundFromBitsPerSecond().getAsDouble());
            }
            int device = g.size() - piece.plan().placement().edgeCount();
            out.printf(Locale.ROOT, "%-12s %-12s %-16.9g %-16.9g %-16.9g %-16.9g %-18s %-7d %s%n",
                    MapCommand.rate(from), MapCommand.rate(to), map.cost(piece.atFrom()), map.cost(piece.atTo()),
                    piece.line().fixedCost(), piece.line().sentBitCost(), holds, device,
                    MapCommand.plan(g, piece.plan().placement(), piece.atFrom().sentTensors()));
        }
    }
}
