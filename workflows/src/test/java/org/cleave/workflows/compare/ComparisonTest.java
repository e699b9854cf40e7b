package org.cleave.workflows.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
}
