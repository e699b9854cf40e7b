package org.cleave.cli.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.cleave.algorithms.exits.ExitsBandwidthMap;
import org.cleave.algorithms.exits.ExitsBandwidthMapChecks;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsBruteForce;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;
import org.junit.jupiter.api.Test;

/**
 * The P2 bandwidth map on the zoo's b-alexnet (layer view, 4G, rpi4, gpu): every exit set at 1,000
 * sampled rates, mincut at 250, variant (b) at 300, with {@link ExitsBandwidthMapChecks}; and where
 * variant (a)'s latency bound holds on each interval. It lives
 * here because the zoo is in {@code instances}, which {@code algorithms} may not depend on.
 */
class ExitsBandwidthMapZooTest {
    private static final double FROM = ExitsBandwidthMapChecks.FROM;
    private static final double TO = ExitsBandwidthMapChecks.TO;

    @Test
    void bAlexNetAtAThousandBandwidthsPerExitSet() {
        ExitsProblem p = (ExitsProblem) ZooInstances.of(Family.EXITS, Zoo.get("b-alexnet"), ZooInstances.View.LAYERS,
                "4g", "rpi4", "gpu").problem();
        SplittableRandom rng = new SplittableRandom(7);
        List<ExitsBandwidthMap> maps = new ArrayList<>();
        for (List<String> set : ExitsBruteForce.exitSets(p)) {
            ExitsBandwidthMap map = ExitsBandwidthMap.of(p, set, FROM, TO);
            maps.add(map);
            assertTrue(map.pieces().size() >= 2, map.toString());
            ExitsBandwidthMapChecks.checkMap(p, map, rng, 1000, 250, false);
        }
        ExitsBandwidthMapChecks.checkEnvelope(p, (ExitsProblem.MinCost) p.variant(), maps, rng, 200);
        // variant (b) on the same model: the truncated model's least latency
        ExitsProblem b = p.withVariant(new ExitsProblem.RightSizing(0.0012));
        for (List<String> set : ExitsBruteForce.exitSets(b)) {
            ExitsBandwidthMap map = ExitsBandwidthMap.of(b, set, FROM, TO);
            assertEquals(ExitsBandwidthMap.Mapped.EXPECTED_LATENCY, map.mapped());
            ExitsBandwidthMapChecks.checkMap(b, map, rng, 300, 100, false);
        }
        ExitsBandwidthMap best = ExitsBandwidthMapChecks.checkRightSizing(b, rng, 300);
        assertEquals(List.of(List.of("exit1"), List.of("exit2"), List.of()),
                best.pieces().stream().map(piece -> piece.plan().activeExits()).toList(),
                "the deeper, more accurate exits become feasible as the bandwidth grows");
    }

    @Test
    void latencyBoundIsReportedWhereItHolds() {
        ExitsProblem p = (ExitsProblem) ZooInstances.of(Family.EXITS, Zoo.get("b-alexnet"), ZooInstances.View.LAYERS,
                "4g", "rpi4", "gpu").problem();
        double deviceOnly = p.evaluate(new ExitPlan(List.of("exit1"), Placement.allDevice(p.graph().size())))
                .latencySeconds();
        ExitsProblem bounded = p.withVariant(new ExitsProblem.MinCost(CostWeights.LATENCY, 0,
                OptionalDouble.of(deviceOnly * 0.5)));
        ExitsBandwidthMap map = ExitsBandwidthMap.of(bounded, List.of("exit1"), FROM, TO);
        int partly = 0;
        for (ExitsBandwidthMap.Piece piece : map.pieces()) {
            double from = piece.fromUplinkBitsPerSecond();
            double to = piece.toUplinkBitsPerSecond();
            OptionalDouble r = piece.latencyBoundFromBitsPerSecond();
            for (double x : new double[] {from, Math.sqrt(from * to), to}) {
                boolean holds = ExitsBandwidthMap.evaluateAt(bounded, piece.plan(), x).feasible();
                boolean claimed = r.isPresent() && x >= r.getAsDouble() * (1 + 1e-12);
                if (r.isPresent() && Math.abs(x - r.getAsDouble()) > 1e-9 * x) {
                    assertEquals(holds, claimed, "at " + x + " on " + piece);
                }
            }
            if (r.isPresent() && r.getAsDouble() > from) {
                partly++;
                double at = r.getAsDouble();
                double t = ExitsBandwidthMap.evaluateAt(bounded, piece.plan(), at).latencySeconds();
                assertEquals(deviceOnly * 0.5, t, 1e-9 * t, "the latency at the threshold is the bound");
            }
        }
        assertTrue(partly == 1, "the bound of half the device-only latency starts to hold inside the offloading piece");
    }
}
