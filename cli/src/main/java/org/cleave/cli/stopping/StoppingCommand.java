package org.cleave.cli.stopping;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cleave.algorithms.stopping.BackwardInductionStoppingSolver;
import org.cleave.algorithms.stopping.DeviceOnlyStoppingSolver;
import org.cleave.algorithms.stopping.EqualLayerPlacement;
import org.cleave.algorithms.stopping.OslaStoppingSolver;
import org.cleave.algorithms.stopping.RawOffloadStoppingSolver;
import org.cleave.algorithms.stopping.StaticSplitStoppingSolver;
import org.cleave.algorithms.stopping.StoppingPolicies;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.stopping.StageRule;
import org.cleave.core.stopping.StoppingCost;
import org.cleave.core.stopping.StoppingEvaluator;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.stopping.StoppingCodec;
import org.cleave.workflows.io.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cleave stopping FILE [--device-layers M] [--csv OUT] [--placements-csv OUT]}: for a P6 instance, the optimal
 * placement m*, the backward-induction and one-stage look-ahead thresholds per stage, and the
 * expected cost of every policy (backward induction, OSLA, best static split, offload raw input,
 * device only); with {@code --csv} the threshold curve is written as CSV, with
 * {@code --placements-csv} the objective of each policy for every placement m.
 */
@Command(name = "stopping", mixinStandardHelpOptions = true,
        description = "P6: thresholds, expected cost per policy and the optimal placement m* of a stopping instance.")
public final class StoppingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Instance file (JSON, family \"stopping\").")
    Path file;

    @Option(names = "--device-layers", paramLabel = "M",
            description = "Show the thresholds for this placement instead of m*.")
    Integer deviceLayers;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the threshold curve (one row per stage) as CSV.")
    Path csv;

    @Option(names = "--placements-csv", paramLabel = "OUT",
            description = "Write one row per placement m = 0..L: the objective of backward induction, OSLA and the"
                    + " static split at m (and OSLA's closed form on equal-layer MLPs), and OSLA's gap to backward"
                    + " induction.")
    Path placementsCsv;

    @Option(names = "--force", description = "Replace an existing --csv or --placements-csv file (without it an"
            + " existing file is never overwritten; the instance file never is).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (csv != null) {
            OutputFiles.check("--csv", csv, force, List.of(file));
        }
        if (placementsCsv != null) {
            OutputFiles.check("--placements-csv", placementsCsv, force, List.of(file));
            if (csv != null && csv.toAbsolutePath().normalize().equals(placementsCsv.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--placements-csv: " + placementsCsv + " is also the --csv file");
            }
        }
        Instance instance = InstanceJson.read(file);
        if (!(instance.problem() instanceof StoppingProblem p)) {
            throw new IllegalArgumentException(file + ": family \"" + instance.problem().family().key()
                    + "\" is not \"stopping\"; maybe use 'cleave solve'");
        }
        if (deviceLayers != null && (deviceLayers < 0 || deviceLayers > p.layerCount())) {
            throw new IllegalArgumentException("--device-layers: must be in [0, " + p.layerCount() + "], got "
                    + deviceLayers);
        }
        Result<StoppingPlan> best = new BackwardInductionStoppingSolver().solve(p);
        int mStar = best.planOrThrow().deviceLayers();
        int m = deviceLayers != null ? deviceLayers : mStar;
        out.printf("instance   %s (stopping, P6), L = %d layers%n", instance.name(), p.layerCount());
        out.printf("m*         %d (backward induction; objective %s per inference)%n", mStar, fmt(best.objective()));
        if (EqualLayerPlacement.isEqualLayered(p)) {
            EqualLayerPlacement.Placement cf = EqualLayerPlacement.closedForm(p);
            out.printf("closed form m* (equal layers, OSLA, regime %s): %d, objective %s%n", cf.regime(),
                    cf.deviceLayers(), fmt(cf.objective()));
        }
        out.printf("tolerance  expected costs are exact up to %.0e relative (numerical integration)%n",
                StoppingEvaluator.RELATIVE_TOLERANCE);
        out.println();
        StoppingPlan bi = StoppingPolicies.backwardInduction(p, m);
        StoppingPlan osla = StoppingPolicies.oneStageLookAhead(p, m);
        StoppingCost biCost = p.evaluate(bi);
        out.printf("thresholds on the channel power gain h for m = %d (offload when h >= threshold)%n", m);
        out.printf("%-6s %-16s %12s %16s %-8s %16s %-8s %14s%n", "stage", "after", "tensorBytes", "bi threshold",
                "bi below", "osla threshold", "osla", "bi cost-to-go");
        for (int k = 0; k < bi.rules().size(); k++) {
            out.printf("%-6d %-16s %12.6g %16s %-8s %16s %-8s %14s%n", k, StoppingCodec.stageName(p, k),
                    p.tensorBytes(k), threshold(bi.rule(k)), below(bi.rule(k)), threshold(osla.rule(k)),
                    below(osla.rule(k)), fmt(biCost.stageValues().get(k)));
        }
        out.println();
        out.printf("%-20s %-9s %4s %18s %18s %18s%n", "policy", "kind", "m", "inference cost", "placement/inf",
                "objective");
        List<Solver<StoppingProblem, StoppingPlan>> solvers = List.of(new BackwardInductionStoppingSolver(),
                new OslaStoppingSolver(), new StaticSplitStoppingSolver(), new RawOffloadStoppingSolver(),
                new DeviceOnlyStoppingSolver());
        for (Solver<StoppingProblem, StoppingPlan> s : solvers) {
            Result<StoppingPlan> r = s.solve(p);
            StoppingCost c = p.evaluate(r.planOrThrow());
            out.printf("%-20s %-9s %4d %18s %18s %18s%n", s.id(), s.kind().key(), r.planOrThrow().deviceLayers(),
                    fmt(c.inferenceCost()), fmt(c.placementCostPerInference()), fmt(c.objective()));
        }
        if (placementsCsv != null) {
            writePlacements(p);
            out.println();
            out.println("objective per placement written to " + placementsCsv);
        }
        if (csv != null) {
            writeCsv(p, bi, osla, biCost);
            out.println();
            out.println("threshold curve written to " + csv);
        }
        return 0;
    }

    private void writeCsv(StoppingProblem p, StoppingPlan bi, StoppingPlan osla, StoppingCost biCost)
            throws IOException {
        StringBuilder b = new StringBuilder(
                "stage,after,tensorBytes,biThreshold,biBelow,oslaThreshold,oslaBelow,biCostToGo\n");
        for (int k = 0; k < bi.rules().size(); k++) {
            b.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s%n", k, StoppingCodec.stageName(p, k),
                    num(p.tensorBytes(k)), num(bi.rule(k).offloadThreshold()), below(bi.rule(k)),
                    num(osla.rule(k).offloadThreshold()), below(osla.rule(k)), num(biCost.stageValues().get(k))));
        }
        OutputFiles.writeString("--csv", csv, b);
    }

    /**
     * One row per placement m: J(m) of backward induction, OSLA and the static split s = m, each
     * re-evaluated by the P6 evaluator (placement cost included), OSLA's closed-form J(m) when the
     * instance is an equal-layer MLP (else empty), and OSLA's relative gap to backward induction.
     */
    private void writePlacements(StoppingProblem p) throws IOException {
        boolean equal = EqualLayerPlacement.isEqualLayered(p);
        StringBuilder b = new StringBuilder(
                "m,backwardInduction,osla,staticSplit,oslaClosedForm,oslaGapPercent\n");
        for (int m = 0; m <= p.layerCount(); m++) {
            double bi = p.evaluate(StoppingPolicies.backwardInduction(p, m)).objective();
            double osla = p.evaluate(StoppingPolicies.oneStageLookAhead(p, m)).objective();
            double stat = p.evaluate(StoppingPolicies.staticSplit(p, m)).objective();
            String closed = equal ? num(EqualLayerPlacement.oslaObjective(p, m)) : "";
            b.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s%n", m, num(bi), num(osla), num(stat), closed,
                    num(bi > 0 ? 100 * (osla - bi) / bi : 0)));
        }
        OutputFiles.writeString("--placements-csv", placementsCsv, b);
    }

    private static String num(double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.12g", v);
    }

    private static String threshold(StageRule r) {
        return Double.isInfinite(r.offloadThreshold()) ? "never" : String.format(Locale.ROOT, "%.6g",
                r.offloadThreshold());
    }

    private static String below(StageRule r) {
        return r.below().name().toLowerCase(Locale.ROOT);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
