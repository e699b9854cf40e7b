package org.cleave.cli.map;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.cleave.algorithms.exits.ExitsBandwidthMap;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.CostWeights;
import org.cleave.instances.io.Instance;

/** The text of {@code cleave map} for a P2 instance: header (exit set, accuracy, what is mapped) and the intervals. */
final class ExitsMapReport {
    private ExitsMapReport() {
    }

    static void print(PrintWriter out, Instance instance, ExitsBandwidthMap map) {
        ExitsProblem p = map.problem();
        DnnGraph g = p.graph();
        boolean rightSizing = p.variant() instanceof ExitsProblem.RightSizing;
        boolean best = map.fixedExits().isEmpty();
        out.printf(Locale.ROOT, "instance   %s (exits, P2 variant %s), %d layers, model exits %s%n", instance.name(),
                rightSizing ? "(b) right-sizing" : "(a) min cost", g.size(),
                g.exits().stream().map(e -> e.id()).toList());
        OptionalDouble floor = map.minAccuracy();
        if (best && rightSizing) {
            out.printf(Locale.ROOT, "exit set   best on each interval: the most accurate of the %d candidates (full model,"
                    + " each exit with the model truncated there) whose least latency meets the bound%n",
                    map.exitSetsMapped());
        } else if (best) {
            out.printf(Locale.ROOT, "exit set   best on each interval, among the %d exit sets meeting minAccuracy %.6g"
                    + " (of %d)%n", map.exitSetsMapped(), floor.getAsDouble(), 1 << g.exits().size());
        } else {
            List<String> ids = map.fixedExits().get();
            StopProfile profile = p.profile(ids);
            StringBuilder stops = new StringBuilder();
            for (StopProfile.Stop s : profile.stops()) {
                stops.append(stops.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "%s %.6g (accuracy %.6g)", s.name(), s.share(), s.accuracy()));
            }
            out.printf(Locale.ROOT, "exit set   %s%s; stops: %s%n",
                    ids.isEmpty() ? "none (full model)" : String.join(",", ids),
                    rightSizing && !ids.isEmpty() ? ", model truncated there" : "", stops);
            double accuracy = profile.expectedAccuracy();
            out.printf(Locale.ROOT, "accuracy   %.9g expected%s%n", accuracy, floor.isEmpty()
                    ? " (variant (b)'s objective)"
                    : accuracy >= floor.getAsDouble()
                    ? String.format(Locale.ROOT, ", meets minAccuracy %.6g", floor.getAsDouble())
                    : String.format(Locale.ROOT, ", BELOW minAccuracy %.6g: every plan of this exit set is"
                    + " infeasible", floor.getAsDouble()));
        }
        if (rightSizing && best) {
            out.printf("mapped     expected latency T (s) of the chosen truncated model, minimised over placements:"
                    + " variant (b)'s optimum, bound imposed (where 'T <= L' is 'no', no candidate meets it and the"
                    + " fastest is shown)%n");
        } else if (rightSizing) {
            out.printf("mapped     expected latency T (s) of the model truncated at the exit, minimised over"
                    + " placements%n");
        } else {
            CostWeights w = ((ExitsProblem.MinCost) p.variant()).weights();
            out.printf(Locale.ROOT, "mapped     expected objective w_T*T + w_E*E (w_T = %.6g, w_E = %.6g)%s%n",
                    w.latencyWeight(), w.energyWeight(), best
                            ? ", minimised over the exit sets meeting the floor and their placements"
                            : " of this exit set, minimised over placements");
        }
        OptionalDouble bound = p.maxLatencySeconds();
        out.printf(Locale.ROOT, "latency    %s%n", bound.isEmpty() ? "no bound"
                : String.format(Locale.ROOT, "bound maxLatencySeconds %.9g s %s; column 'T <= L' says where it holds",
                bound.getAsDouble(), rightSizing && best ? "imposed" : "not imposed"));
        List<ExitsBandwidthMap.Piece> pieces = map.pieces();
        MapCommand.printRange(out, map);
        String bestColumns = best ? String.format(Locale.ROOT, "%-16s %-12s ", "exits", "accuracy") : "";
        out.printf(Locale.ROOT, "%-12s %-12s %-16s %-16s %-16s %-16s %-18s %s%-7s %s%n", "from", "to", "cost at from",
                "cost at to", "a", "b (bit)", "T <= L", bestColumns, "device", "plan");
        for (ExitsBandwidthMap.Piece piece : pieces) {
            double from = piece.fromUplinkBitsPerSecond();
            double to = piece.toUplinkBitsPerSecond();
            String holds;
            if (bound.isEmpty()) {
                holds = "-";
            } else if (piece.latencyBoundFromBitsPerSecond().isEmpty()) {
                holds = "no";
            } else if (piece.latencyBoundFromBitsPerSecond().getAsDouble() <= from * (1 + 1e-9)) {
                holds = "yes";
            } else {
                holds = "from " + MapCommand.rate(piece.latencyBoundFromBitsPerSecond().getAsDouble());
            }
            List<String> exits = piece.plan().activeExits();
            String set = best ? String.format(Locale.ROOT, "%-16s %-12.9g ",
                    exits.isEmpty() ? "none" : String.join(",", exits), piece.atFrom().accuracy()) : "";
            int device = g.size() - piece.plan().placement().edgeCount();
            out.printf(Locale.ROOT, "%-12s %-12s %-16.9g %-16.9g %-16.9g %-16.9g %-18s %s%-7d %s%n",
                    MapCommand.rate(from), MapCommand.rate(to), map.cost(piece.atFrom()), map.cost(piece.atTo()),
                    piece.fixedCost(), piece.sentBitCost(), holds, set, device,
                    MapCommand.plan(g, piece.plan().placement(), piece.atFrom().sentTensors()));
        }
    }
}
