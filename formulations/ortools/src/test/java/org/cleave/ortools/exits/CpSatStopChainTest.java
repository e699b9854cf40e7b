package org.cleave.ortools.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cleave.core.exits.ExitsAgreementContract;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The claims the CP-SAT early-exit solvers' exactness rests on: every auxiliary Boolean of
 * {@link CpSatStopChain} is a function of (z, x), so enumerating the model's solutions visits each
 * plan exactly once (and the zero-reach symmetry is fixed to one representative); and the
 * accuracy floor at {@link CpSatRow#DIGITS} digits stays feasible where CP-SAT 9.15's presolve
 * wrongly declared it infeasible at 10^11 and 10^12 scales (P2 agreement instance 8009024157).
 * Skipped (not passed) without OR-Tools natives.
 */
class CpSatStopChainTest {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    /** in → l1 → l2 → l3 → l4, exits after l1 and l3. */
    private static DnnGraph chain(double deepRate) {
        DnnGraph.Builder b = DnnGraph.builder().addLayer(Layer.input("in", 1e5));
        String previous = "in";
        for (int i = 1; i <= 4; i++) {
            b.addLayer(new Layer("l" + i, 1e8 * i, 1e4 * i, 0)).addArc(previous, "l" + i);
            previous = "l" + i;
        }
        return b.build().withExits(List.of(new Exit("e1", "l1", 1e6, 0.3, 0.6),
                new Exit("e3", "l3", 1e6, deepRate, 0.8)));
    }

    /** Distinct plans among all solutions of the chain with every product group created, and the solution count. */
    private static int[] enumerate(DnnGraph g, StopProfile.Mode mode) {
        StopChain chain = StopChain.of(g, 0.9, mode);
        CpModel model = new CpModel();
        CpSatStopChain m = new CpSatStopChain(model, g, chain);
        for (int v = 0; v < g.size(); v++) {
            m.onDevice(v);
            m.onEdge(v);
            m.sent(v);
        }
        for (int k = 1; k <= chain.exits(); k++) {
            m.branchOnDevice(k);
            m.branchOnEdge(k);
        }
        for (int k = 1; k <= chain.last(); k++) {
            m.stopOnEdge(k);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setEnumerateAllSolutions(true);
        Set<String> plans = new HashSet<>();
        int[] solutions = new int[1];
        CpSolverStatus status = solver.solve(model, new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                solutions[0]++;
                plans.add(CpSatExitSearch.key(m.plan(this::booleanValue)));
            }
        });
        assertEquals(CpSolverStatus.OPTIMAL, status);
        return new int[] {plans.size(), solutions[0]};
    }

    @Test
    void everySolutionIsADistinctPlan() {
        // 4 exit sets x 5 monotone placements of a 5-layer chain (the input stays on the device)
        int[] counts = enumerate(chain(0.6), StopProfile.Mode.NESTED);
        assertEquals(20, counts[0]);
        assertEquals(20, counts[1]);
    }

    @Test
    void layersOfReachZeroHaveOnePlacement() {
        // e3 of rate 1: with it active, l4 (reach 0) is fixed on the edge: 2 x 5 + 2 x 4 plans
        int[] counts = enumerate(chain(1.0), StopProfile.Mode.NESTED);
        assertEquals(18, counts[0]);
        assertEquals(18, counts[1]);
    }

    @Test
    void rightSizingKeepsOnePlanPerChosenExitAndCut() {
        // TRUNCATE: every exit has rate 1; without the at-most-one row of variant (b) the chain
        // itself keeps one exit: none (5 placements), e1 (tail l2..l4 on the edge: 2), e3 (4)
        int[] counts = enumerate(chain(0.6), StopProfile.Mode.TRUNCATE);
        assertEquals(11, counts[0]);
        assertEquals(11, counts[1]);
    }

    @Test
    void accuracyFloorOfAgreementInstance8009024157IsFeasible() {
        ExitsProblem p = ExitsAgreementContract.instance(8009024157L);
        double floor = ((ExitsProblem.MinCost) p.variant()).minAccuracy();
        CpModel model = new CpModel();
        CpSatStopChain m = new CpSatStopChain(model, p.graph(), StopChain.of(p.graph(), p.finalAccuracy(), p.mode()));
        m.accuracyAtLeast(floor);
        CpSolver solver = new CpSolver();
        CpSolverStatus status = solver.solve(model);
        assertTrue(status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE, status.toString());
        assertTrue(p.evaluate(m.plan(solver::booleanValue)).accuracy() >= floor - 1e-6);
    }
}
