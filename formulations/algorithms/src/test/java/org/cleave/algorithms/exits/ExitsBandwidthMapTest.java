package org.cleave.algorithms.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitsBruteForce;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.CostWeights;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The P2 map for a fixed exit set against three independent references ({@link ExitsBandwidthMapChecks}) at sampled bandwidths: the
 * evaluator on the printed plan, the {@code mincut} solver with the exit set forced, and (on small
 * models) every order ideal priced by the evaluator; its breakpoints are where the neighbouring
 * plans' evaluated costs meet; and the best-exit-set map is the least of the per-set maps and
 * {@code mincut}'s P2 optimum without latency bound. All to 1e-9 relative. Instances: 40 seeded
 * random P2 instances (four shapes, 5–12 layers, up to 3 exits, both variants; every exit set; 60
 * sampled rates plus the breakpoints ± 1e-7, mincut at 12 of them, brute force at every tenth), and
 * a hand-made model whose best exit set changes with the bandwidth.
 */
class ExitsBandwidthMapTest {
    private static final double FROM = ExitsBandwidthMapChecks.FROM;
    private static final double TO = ExitsBandwidthMapChecks.TO;
    private static final MinCutExitsSolver MINCUT = ExitsBandwidthMapChecks.MINCUT;
    private static final RandomGraphs.Shape[] SHAPES = RandomGraphs.Shape.values();

    static LongStream seeds() {
        return Seeds.of(1111, 40);
    }

    static ExitsProblem random(long seed) {
        RandomGraphs.Shape shape = SHAPES[Math.floorMod(seed, SHAPES.length)];
        return RandomExitsInstances.exits(seed, shape, 5 + Math.floorMod(seed / 4, 8), 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyExitSetAgreesWithTheEvaluatorMincutAndBruteForce(long seed) {
        ExitsProblem p = random(seed);
        SplittableRandom rng = new SplittableRandom(seed);
        List<ExitsBandwidthMap> maps = new ArrayList<>();
        for (List<String> set : ExitsBruteForce.exitSets(p)) {
            ExitsBandwidthMap map = ExitsBandwidthMap.of(p, set, FROM, TO);
            maps.add(map);
            ExitsBandwidthMapChecks.checkMap(p, map, rng, 60, 12, true);
        }
        if (p.variant() instanceof ExitsProblem.MinCost a) {
            ExitsBandwidthMapChecks.checkEnvelope(p, a, maps, rng, 30);
        } else {
            ExitsBandwidthMapChecks.checkRightSizing(p, rng, 40);
        }
    }

    /**
     * in → l1 → l2 → out with an exit after l1 (rate 0.6, 1e7 FLOPs): l2 takes 1 s measured on the
     * device but 1 µs on the edge, so the exit pays off on the device (saves 0.6 s for 10 ms) and not
     * on the edge (saves 0.6 µs for 10 µs): the best exit set changes with the bandwidth.
     */
    @Test
    void theBestExitSetChangesWithTheBandwidth() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1e5)).addLayer(new Layer("l1", 1e6, 1e5, 0))
                .addLayer(new Layer("l2", 1e9, 1e3, 0).withMeasuredSeconds(OptionalDouble.of(1),
                        OptionalDouble.of(1e-6)))
                .addLayer(new Layer("out", 1e3, 40, 0)).addArc("in", "l1").addArc("l1", "l2").addArc("l2", "out")
                .addExit(new Exit("e1", "l1", 1e7, 0.6, 0.7)).build();
        ExitsProblem p = new ExitsProblem(g, new Device(1e9, 5, 2, 1), new EdgeServer(1e12), new Link(1e6, 1e6, 1e-3),
                0, 0.9, new ExitsProblem.MinCost(CostWeights.LATENCY, 0, OptionalDouble.empty()));
        SplittableRandom rng = new SplittableRandom(3);
        List<ExitsBandwidthMap> maps = new ArrayList<>();
        for (List<String> set : ExitsBruteForce.exitSets(p)) {
            ExitsBandwidthMap map = ExitsBandwidthMap.of(p, set, FROM, TO);
            maps.add(map);
            ExitsBandwidthMapChecks.checkMap(p, map, rng, 200, 200, true);
        }
        ExitsBandwidthMap best = ExitsBandwidthMapChecks.checkEnvelope(p, (ExitsProblem.MinCost) p.variant(), maps, rng, 300);
        assertEquals(List.of("e1"), best.pieces().get(0).plan().activeExits(), best.pieces().toString());
        assertEquals(List.of(), best.pieces().get(best.pieces().size() - 1).plan().activeExits());
    }
}
