package org.cleave.algorithms.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionAgreementContract;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The P1 differential test: 2,000 seeded instances (chains and the three DAG shapes, 1–20
 * layers after the input; latency-only, energy-only and mixed weights; uplink 0.1–1000 Mbit/s).
 * Min-cut, enumeration and, on chains, chain scan agree to 1e-9 relative; every result is
 * re-evaluated by the evaluator; no baseline goes below the optimum.
 */
class PartitionDifferentialTest {
    private static final MinCutPartitionSolver MINCUT = new MinCutPartitionSolver();
    private static final EnumerationPartitionSolver ENUMERATE = new EnumerationPartitionSolver();
    private static final ChainScanPartitionSolver CHAIN_SCAN = new ChainScanPartitionSolver();
    private static final List<Solver<PartitionProblem, Placement>> BASELINES = List.of(
            new DeviceOnlyPartitionSolver(), new EdgeOnlyPartitionSolver(), new TopoCutPartitionSolver());

    static LongStream seeds() {
        return Seeds.of(2026, 2000);
    }

    /** Instance {@code seed}, the same set the MILP/CP agreement tests use. */
    static PartitionProblem instance(long seed) {
        return PartitionAgreementContract.instance(seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactSolversAgree(long seed) {
        PartitionProblem p = instance(seed);
        Result<Placement> cut = MINCUT.solve(p);
        Result<Placement> all = ENUMERATE.solve(p);
        String label = "seed " + seed + " (" + p.graph() + ", weights " + p.weights() + ")";
        for (Result<Placement> r : List.of(cut, all)) {
            assertEquals(Status.OPTIMAL, r.status(), label + " " + r.solverId() + ": " + r.message());
            assertTrue(Verifier.verify(p, r).ok(), label + " " + r.solverId() + ": " + Verifier.verify(p, r).defects());
        }
        assertTrue(Verifier.close(cut.objective(), all.objective(), 1e-9),
                label + ": mincut " + cut.objective() + " vs enumerate " + all.objective());
        if (p.graph().isChain()) {
            Result<Placement> scan = CHAIN_SCAN.solve(p);
            assertTrue(Verifier.verify(p, scan).ok(), label);
            assertTrue(Verifier.close(scan.objective(), all.objective(), 1e-9),
                    label + ": chain-scan " + scan.objective() + " vs enumerate " + all.objective());
        }
        for (Solver<PartitionProblem, Placement> b : BASELINES) {
            Result<Placement> r = b.solve(p);
            assertTrue(Verifier.verify(p, r).ok(), label + " " + b.id());
            assertTrue(r.objective() >= all.objective() * (1 - 1e-12), label + " " + b.id() + " below optimum");
        }
    }

    @Test
    void coversUplinksFromATenthToAThousandMbps() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (long seed : seeds().toArray()) {
            double up = instance(seed).link().uplinkBitsPerSecond();
            lo = Math.min(lo, up);
            hi = Math.max(hi, up);
        }
        assertTrue(lo < 0.2e6 && hi > 500e6, "uplink range " + lo + " .. " + hi);
    }

    @Test
    void minCutPaysAFanOutTensorOnce() {
        // a's output (1000 B = 1 s on the uplink) feeds b, c and d. Offloading b..e costs one
        // upload; charged three times (3 s) it would lose to running b, c, d on the device (2.4 s).
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1e6)).addLayer(new Layer("a", 1e8, 1000, 0))
                .addLayer(new Layer("b", 8e8, 10, 0)).addLayer(new Layer("c", 8e8, 10, 0))
                .addLayer(new Layer("d", 8e8, 10, 0)).addLayer(new Layer("e", 1e6, 10, 0))
                .addArc("in", "a").addArc("a", "b").addArc("a", "c").addArc("a", "d")
                .addArc("b", "e").addArc("c", "e").addArc("d", "e").build();
        PartitionProblem p = new PartitionProblem(g, new Device(1e9, 1, 1, 1), new EdgeServer(1e12),
                new Link(8000, 1e9, 0));
        Result<Placement> r = MINCUT.solve(p);
        assertEquals(List.of("b", "c", "d", "e"), r.planOrThrow().edgeLayerIds(g));
        assertEquals(List.of("a"), p.evaluate(r.planOrThrow()).sentTensors());
        assertEquals(1.0, p.evaluate(r.planOrThrow()).uploadSeconds(), 1e-12);
        assertTrue(Verifier.verify(p, r).ok());
        assertTrue(Verifier.close(ENUMERATE.solve(p).objective(), r.objective(), 1e-12));
    }

    @Test
    void everyRegisteredP1SolverIsFound() {
        List<String> ids = Solvers.of(Family.PARTITION).stream().map(Solver::id).toList();
        assertTrue(ids.containsAll(List.of("mincut", "chain-scan", "enumerate", "device-only", "edge-only",
                "topo-cut")), ids.toString());
        assertEquals(SolverKind.EXACT, Solvers.find(Family.PARTITION, "mincut").orElseThrow().kind());
    }

    @Test
    void enumerationHonoursItsTimeLimitAndRefusesHugeGraphs() {
        // 24 parallel layers: 2^24 + 1 ideals, over the cap
        DnnGraph.Builder b = DnnGraph.builder().addLayer(Layer.input("in", 1)).addLayer(new Layer("out", 1, 1, 0));
        for (int i = 0; i < 24; i++) {
            b.addLayer(new Layer("p" + i, 1, 1, 0)).addArc("in", "p" + i).addArc("p" + i, "out");
        }
        PartitionProblem p = new PartitionProblem(b.build(), new Device(1e9, 1, 1, 1), new EdgeServer(1e10),
                new Link(1e6, 1e6, 0));
        Result<Placement> r = ENUMERATE.solve(p);
        assertEquals(Status.INVALID_INPUT, r.status());
        assertTrue(r.message().contains("more than 4194304 monotone placements"), r.message());
        Result<Placement> viaCut = MINCUT.solve(p);
        assertEquals(Status.OPTIMAL, viaCut.status());
    }
}
