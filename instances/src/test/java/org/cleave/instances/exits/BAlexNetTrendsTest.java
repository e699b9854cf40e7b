package org.cleave.instances.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Link;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.FinalClassifier;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.Zoo;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.junit.jupiter.api.Test;

/**
 * The trends of DAPDEE's Fig. 6 and Edgent's bandwidth experiment on the zoo's {@code b-alexnet}
 * (BranchyNet's B-AlexNet: exits after the conv1 and conv2 blocks, shares 65.6 / 25.2 / 9.2 %,
 * 79.19 % overall), on the {@code rpi3b} device and the {@code gpu} edge, solved exactly by
 * {@code mincut} in Edgent's right-sizing variant. Each test prints its table.
 */
class BAlexNetTrendsTest {
    private static final MinCutExitsSolver EXACT = new MinCutExitsSolver();
    private static final FinalClassifier MODEL = FinalClassifier.lift(Zoo.get("b-alexnet").layerGraph()).orElseThrow();

    static ExitsProblem problem(Link link, double maxLatencySeconds) {
        return new ExitsProblem(MODEL.graph(), Profiles.device("rpi3b"), Profiles.edge("gpu"), link, 0,
                MODEL.accuracy(), new ExitsProblem.RightSizing(maxLatencySeconds));
    }

    /** Depth of the chosen stop: 1, 2 for the exits, 3 for the full model. */
    static int depth(ExitPlan plan) {
        return plan.activeExits().isEmpty() ? 3 : plan.activeExits().get(0).equals("exit1") ? 1 : 2;
    }

    @Test
    void under3gRelaxingTheLatencyBoundNeverMakesTheExitShallower() {
        System.out.println("B-AlexNet (zoo), rpi3b + gpu, 3G (1.1 Mbit/s up), right-sizing, mincut:");
        System.out.println("   L (ms)  status      exit    accuracy  latency (ms)  edge layers (reached)");
        int previous = 0;
        int feasible = 0;
        for (int i = 0; i <= 24; i++) {
            double bound = 1e-3 * Math.pow(10, i / 8.0); // 1 ms .. 1 s
            ExitsProblem p = problem(Profiles.network("3g"), bound);
            Result<ExitPlan> r = EXACT.solve(p);
            assertTrue(Verifier.verify(p, r).ok(), Verifier.verify(p, r).defects().toString());
            if (r.status() == Status.INFEASIBLE) {
                assertEquals(0, previous, "infeasible after a feasible bound at L = " + bound);
                System.out.printf(Locale.ROOT, "%9.2f  INFEASIBLE%n", bound * 1e3);
                continue;
            }
            feasible++;
            ExitPlan plan = r.planOrThrow();
            ExitsCost c = p.evaluate(plan);
            int d = depth(plan);
            System.out.printf(Locale.ROOT, "%9.2f  %-10s  %-6s  %8.4f  %12.3f  %s%n", bound * 1e3, r.status(),
                    plan.activeExits().isEmpty() ? "final" : plan.activeExits().get(0), c.accuracy(),
                    c.latencySeconds() * 1e3, plan.placement().edgeLayerIds(p.graph()));
            assertTrue(d >= previous, "L = " + bound + " chose depth " + d + " after depth " + previous);
            previous = d;
        }
        assertEquals(3, previous, "a loose bound allows the full model");
        assertTrue(feasible >= 10, "feasible bounds: " + feasible);
    }

    @Test
    void underAFixedBoundRaisingTheBandwidthFromCat1ToWifiMovesTheSplitTowardsTheInput() {
        double bound = 0.030;
        DnnGraph g = MODEL.graph();
        System.out.println("B-AlexNet, L = 30 ms, right-sizing, mincut, uplink sweep CAT1 -> WiFi:");
        System.out.println("  up (Mbit/s)  exit    latency (ms)  device layers");
        int cat1DeviceLayers = -1;
        int wifiDeviceLayers = -1;
        int previous = Integer.MAX_VALUE;
        double[] uplinks = {0.13e6, 1.1e6, 5.85e6, 10e6, 18.88e6};
        for (double up : uplinks) {
            Link link = Profiles.network("cat1").withUplinkBitsPerSecond(up);
            ExitsProblem p = problem(link, bound);
            Result<ExitPlan> r = EXACT.solve(p);
            assertEquals(Status.OPTIMAL, r.status(), r.message());
            ExitPlan plan = r.planOrThrow();
            List<String> device = plan.placement().deviceLayerIds(g);
            int reached = depth(plan) == 3 ? g.size() : g.indexOf(depth(plan) == 1 ? "norm1" : "norm2") + 1;
            int deviceRun = (int) device.stream().filter(id -> g.indexOf(id) < reached).count();
            System.out.printf(Locale.ROOT, "%13.2f  %-6s  %12.3f  %s%n", up / 1e6,
                    plan.activeExits().isEmpty() ? "final" : plan.activeExits().get(0),
                    p.evaluate(plan).latencySeconds() * 1e3, device.subList(0, deviceRun));
            assertTrue(deviceRun <= previous, "the split moved away from the input at " + up + " bit/s");
            previous = deviceRun;
            if (up == 0.13e6) {
                cat1DeviceLayers = deviceRun;
            }
            if (up == 18.88e6) {
                wifiDeviceLayers = deviceRun;
            }
        }
        assertTrue(wifiDeviceLayers < cat1DeviceLayers, "CAT1 runs " + cat1DeviceLayers + " layers on the device, WiFi "
                + wifiDeviceLayers);
    }
}
