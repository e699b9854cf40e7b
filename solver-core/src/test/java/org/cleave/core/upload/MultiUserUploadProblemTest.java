package org.cleave.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cleave.core.model.Device;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.junit.jupiter.api.Test;

class MultiUserUploadProblemTest {
    private static final Device DEVICE = new Device(1e9, 2, 3, 1);

    private static MultiUserUploadProblem twoUsers() {
        // Two copies of the hand-computed chain; the whole uplink is 16000 bit/s in 2 units, the edge
        // 2e10 FLOP/s in 2 units: one unit of each is exactly the single-user test's edge and link.
        return new MultiUserUploadProblem(List.of(
                new UploadUser("u0", UploadEvaluatorTest.chain(), DEVICE, 80000, 0.5),
                new UploadUser("u1", UploadEvaluatorTest.chain(), DEVICE, 80000, 0.5)),
                new EdgeServer(2e10), 2, 16000, 2, CostWeights.LATENCY, UploadMode.PARALLEL);
    }

    @Test
    void oneUnitEachIsTheSingleUserSchedule() {
        MultiUserUploadProblem p = twoUsers();
        var g = p.users().get(0).graph();
        Placement bc = Placement.ofEdgeLayers(g, List.of("b", "c"));
        MultiUserUploadCost c = p.evaluate(new MultiUserUploadPlan(List.of(new UserAllocation(bc, 1, 1),
                new UserAllocation(Placement.allDevice(g.size()), 0, 0))));
        assertTrue(c.feasible());
        UploadProblem single = new UploadProblem(g, DEVICE, new EdgeServer(1e10), new Link(8000, 80000, 0.5),
                UploadMode.PARALLEL);
        assertEquals(single.evaluate(bc).latencySeconds(), c.users().get(0).latencySeconds(), 1e-12);
        assertEquals(6.51 + 8.0, c.objective(), 1e-12);
    }

    @Test
    void reportsExceededBudgetsAndRefusesEdgeWorkWithoutUnits() {
        MultiUserUploadProblem p = twoUsers();
        var g = p.users().get(0).graph();
        Placement bc = Placement.ofEdgeLayers(g, List.of("b", "c"));
        MultiUserUploadCost over = p.evaluate(new MultiUserUploadPlan(List.of(new UserAllocation(bc, 2, 1),
                new UserAllocation(bc, 1, 1))));
        assertFalse(over.feasible());
        assertTrue(over.violations().get(0).contains("computeUnits"), over.violations().toString());
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> p.evaluate(
                new MultiUserUploadPlan(List.of(new UserAllocation(bc, 0, 1), new UserAllocation(bc, 1, 1)))));
        assertTrue(e.getMessage().contains("allocations[0]"), e.getMessage());
    }
}
