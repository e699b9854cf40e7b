package org.cleave.workflows.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.CostWeights;
import org.knowm.xchart.XYChart;
import java.util.List;
import java.util.Optional;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Solvers;
import org.cleave.instances.io.Instance;
import org.cleave.workflows.report.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    @TempDir
    Path dir;

    private static List<Instance> instances() {
        return List.of(
                Instance.of("chain", RandomPartitionInstances.partition(1, RandomGraphs.Shape.CHAIN, 10,
                        RandomPartitionInstances.WeightMode.LATENCY)),
                Instance.of("residual", RandomPartitionInstances.partition(2, RandomGraphs.Shape.RESIDUAL, 12,
                        RandomPartitionInstances.WeightMode.MIXED)));
    }

    @Test
    void exactSolversWinEverywhereAndHaveNoGap() {
        var spec = new Comparison.Spec(instances(), Comparison.Selection.ALL, List.of(), 2, 5, Optional.empty());
        List<Comparison.Row> rows = Comparison.run(spec, 2, Progress.none());
        int solvers = Solvers.of(Family.PARTITION).size();
        assertEquals(2 * 2 * solvers, rows.size()); // chain-scan refuses the residual DAG but still has a row
        for (Comparison.Row r : rows) {
            assertTrue(r.verified(), r.toString());
            if (r.kind().equals("exact") && r.status().equals("OPTIMAL")) {
                assertEquals(0, r.gap(), 1e-9, r.toString());
            }
            if (!Double.isNaN(r.gap())) {
                assertTrue(r.gap() >= -1e-12, r.toString());
            }
        }
        assertTrue(rows.stream().anyMatch(r -> r.solver().equals("chain-scan") && r.status().equals("INVALID_INPUT")));
        var summaries = ComparisonReport.summarise(rows);
        var mincut = summaries.stream().filter(s -> s.solver().equals("mincut")).findFirst().orElseThrow();
        assertEquals(4, mincut.wins());
        assertEquals(0, mincut.maxGap(), 1e-9);
    }

    @Test
    void refusedRunsAreListedAsNotApplicableNotCountedAsLosses() throws Exception {
        var spec = new Comparison.Spec(instances(), Comparison.Selection.LISTED, List.of("mincut", "chain-scan"), 2,
                5, Optional.empty());
        List<Comparison.Row> rows = Comparison.run(spec, 1, Progress.none());
        var summaries = ComparisonReport.summarise(rows);
        var chainScan = summaries.stream().filter(s -> s.solver().equals("chain-scan")).findFirst().orElseThrow();
        assertEquals(2, chainScan.runs(), chainScan.toString());           // the chain, twice
        assertEquals(2, chainScan.notApplicable(), chainScan.toString());  // the residual DAG, twice
        assertEquals(2, chainScan.wins(), chainScan.toString());           // it won every run it could make
        double applicableMean = rows.stream().filter(r -> r.solver().equals("chain-scan") && !r.notApplicable())
                .mapToDouble(Comparison.Row::wallSeconds).average().orElseThrow();
        assertEquals(applicableMean, chainScan.meanSeconds(), 1e-15);
        Path out = dir.resolve("out");
        ComparisonReport.write(rows, java.util.Map.of("run", "test"), out);
        String summary = java.nio.file.Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| chain-scan | exact | 2 | 2 | 2 | 2 |"), summary);
        assertTrue(summary.contains("## Not applicable"), summary);
        assertTrue(summary.contains("| chain-scan | residual | "), summary);
        assertTrue(!summary.contains("| mincut | residual | "), summary);
    }

    @Test
    void gapTimePlotShowsTheTimeLimitedSolversAndHeuristicsOfTheInstancesFamily() throws Exception {
        List<Comparison.Row> p1 = Comparison.run(new Comparison.Spec(instances(), Comparison.Selection.ALL, List.of(),
                1, 5, Optional.empty()), 1, Progress.none());
        Set<String> expected = Solvers.of(Family.PARTITION).stream()
                .filter(s -> s.honours().contains(org.cleave.core.solve.Capability.TIME_LIMIT)
                        || s.kind() == org.cleave.core.solve.SolverKind.HEURISTIC)
                .map(org.cleave.core.solve.Solver::id).collect(Collectors.toSet());
        Set<String> plotted = ComparisonReport.gapTime(p1).getSeriesMap().keySet();
        assertEquals(expected, plotted);
        assertTrue(!plotted.contains("mincut") && !plotted.contains("device-only"), plotted.toString());

        List<Instance> p2 = List.of(Instance.of("p2", RandomExitsInstances.exits(3, RandomGraphs.Shape.CHAIN, 10, 3)
                .withVariant(new ExitsProblem.MinCost(CostWeights.LATENCY, 0.5, OptionalDouble.empty()))));
        List<Comparison.Row> rows = Comparison.run(new Comparison.Spec(p2, Comparison.Selection.LISTED,
                List.of("mincut", "inverse-search"), 1, 5, Optional.empty()), 1, Progress.none());
        XYChart chart = ComparisonReport.gapTime(rows);
        assertTrue(chart.getSeriesMap().containsKey("inverse-search"), chart.getSeriesMap().keySet().toString());
        // P2's mincut honours a time limit (its ideal enumeration can be long), unlike P1's
        assertTrue(Solvers.require(Family.EXITS, "mincut").honours().contains(org.cleave.core.solve.Capability.TIME_LIMIT));
        assertEquals(Set.of("mincut", "inverse-search"), chart.getSeriesMap().keySet());
    }

    @Test
    void aSolverHasOneDistinctColourInEveryPlot() {
        List<Comparison.Row> rows = Comparison.run(new Comparison.Spec(instances(), Comparison.Selection.ALL,
                List.of(), 1, 5, Optional.empty()), 1, Progress.none());
        XYChart profile = ComparisonReport.profile(rows);
        XYChart gapTime = ComparisonReport.gapTime(rows);
        Map<String, Color> seen = new HashMap<>();
        for (var e : profile.getSeriesMap().entrySet()) {
            seen.put(e.getKey(), e.getValue().getLineColor());
        }
        assertEquals(profile.getSeriesMap().size(), new HashSet<>(seen.values()).size(), "colours repeat: " + seen);
        for (var e : gapTime.getSeriesMap().entrySet()) {
            assertEquals(seen.get(e.getKey()), e.getValue().getMarkerColor(), e.getKey());
        }
        // the same rows in another order give the same colours
        List<Comparison.Row> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        assertEquals(ComparisonReport.colours(rows), ComparisonReport.colours(reversed));
    }

    @Test
    void tickLabelsAreEngineeringNotation() {
        List<Comparison.Row> rows = Comparison.run(new Comparison.Spec(instances(), Comparison.Selection.LISTED,
                List.of("mincut", "enumerate"), 1, 5, Optional.empty()), 1, Progress.none());
        XYChart profile = ComparisonReport.profile(rows);
        assertEquals("66.7 %", profile.getStyler().getyAxisTickLabelsFormattingFunction().apply(2.0 / 3));
        assertEquals("1.50", profile.getStyler().getxAxisTickLabelsFormattingFunction().apply(1.5));
        XYChart gapTime = ComparisonReport.gapTime(rows);
        assertEquals("12.3 ms", gapTime.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.0123));
    }
}
