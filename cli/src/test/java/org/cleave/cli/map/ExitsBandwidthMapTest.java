package org.cleave.cli.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsBruteForce;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.generate.GraphGenerator;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.core.testing.Seeds;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The P2 map for a fixed exit set against three independent references at sampled bandwidths: the
 * evaluator on the printed plan, the {@code mincut} solver with the exit set forced, and (on small
 * models) every order ideal priced by the evaluator; its breakpoints are where the neighbouring
 * plans' evaluated costs meet; and the best-exit-set map is the least of the per-set maps and
 * {@code mincut}'s P2 optimum without latency bound. All to 1e-9 relative. Instances: 40 seeded
 * random P2 instances (four shapes, 5–12 layers, up to 3 exits, both variants; every exit set; 60
 * sampled rates plus the breakpoints ± 1e-7, mincut at 12 of them, brute force at every tenth), the
 * zoo's b-alexnet (layer view, 4G, rpi4, gpu; every exit set at 1,000 sampled rates, mincut at 250;
 * variant (b) at 300) and a hand-made model whose best exit set changes with the bandwidth.
 */
class ExitsBandwidthMapTest {
    private static final double FROM = 1e5;
    private static final double TO = 1e10;
    private static final double REL = 1e-9;
    private static final MinCutExitsSolver MINCUT = new MinCutExitsSolver();
    private static final GraphGenerator.Shape[] SHAPES = GraphGenerator.Shape.values();

    static LongStream seeds() {
        return Seeds.of(1111, 40);
    }

    static ExitsProblem random(long seed) {
        GraphGenerator.Shape shape = SHAPES[Math.floorMod(seed, SHAPES.length)];
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
            checkMap(p, map, rng, 60, 12, true);
        }
        if (p.variant() instanceof ExitsProblem.MinCost a) {
            checkEnvelope(p, a, maps, rng, 30);
        } else {
            checkRightSizing(p, rng, 40);
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
            checkMap(p, map, rng, 200, 200, true);
        }
        ExitsBandwidthMap best = checkEnvelope(p, (ExitsProblem.MinCost) p.variant(), maps, rng, 300);
        assertEquals(List.of("e1"), best.pieces().get(0).plan().activeExits(), best.pieces().toString());
        assertEquals(List.of(), best.pieces().get(best.pieces().size() - 1).plan().activeExits());
    }

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
            checkMap(p, map, rng, 1000, 250, false);
        }
        checkEnvelope(p, (ExitsProblem.MinCost) p.variant(), maps, rng, 200);
        // variant (b) on the same model: the truncated model's least latency
        ExitsProblem b = p.withVariant(new ExitsProblem.RightSizing(0.0012));
        for (List<String> set : ExitsBruteForce.exitSets(b)) {
            ExitsBandwidthMap map = ExitsBandwidthMap.of(b, set, FROM, TO);
            assertEquals(ExitsBandwidthMap.Mapped.EXPECTED_LATENCY, map.mapped());
            checkMap(b, map, rng, 300, 100, false);
        }
        ExitsBandwidthMap best = checkRightSizing(b, rng, 300);
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

    /** Samples the map and compares each sampled piece with the references. */
    private static void checkMap(ExitsProblem p, ExitsBandwidthMap map, SplittableRandom rng, int samples,
                                 int solverSamples, boolean bruteForce) {
        List<Double> rates = rates(rng, samples, map);
        for (double b : map.breakpoints()) {
            rates.add(b);
        }
        rates.add(FROM);
        rates.add(TO);
        Optional<ExitsProblem> forced = forced(p, map.fixedExits().orElseThrow());
        int k = 0;
        int solved = 0;
        for (double r : rates) {
            k++;
            ExitsBandwidthMap.Piece piece = map.pieceAt(r);
            double cost = piece.costAt(r);
            assertEquals(map.fixedExits().orElseThrow(), piece.plan().activeExits());
            ExitsCost evaluated = ExitsBandwidthMap.evaluateAt(p, piece.plan(), r);
            assertClose(cost, map.cost(evaluated), "evaluator on the plan at " + r + " bit/s, " + map);
            assertClose(evaluated.accuracy(), p.profile(map.fixedExits().orElseThrow()).expectedAccuracy(),
                    "accuracy");
            if (forced.isPresent() && solved++ < solverSamples) {
                ExitsProblem q = forced.get().withLink(p.link().withUplinkBitsPerSecond(r));
                Result<ExitPlan> result = MINCUT.solve(q);
                assertEquals(Status.OPTIMAL, result.status(), result.message());
                ExitPlan plan = result.planOrThrow();
                assertEquals(map.fixedExits().orElseThrow(), StopProfile.resolve(q.graph(), plan.activeExits()).stream()
                        .map(Exit::id).toList(), "the exit set is forced");
                assertClose(cost, map.cost(q.evaluate(plan)), "mincut with the exit set forced at " + r);
            }
            if (bruteForce && k % 10 == 0) {
                ExitsProblem at = p.withLink(p.link().withUplinkBitsPerSecond(r));
                double best = OrderIdeals.cheapest(p.graph(), Long.MAX_VALUE, () -> false,
                        x -> map.cost(at.evaluate(new ExitPlan(map.fixedExits().orElseThrow(), Placement.of(x))))).cost();
                assertClose(cost, best, "every placement at " + r);
            }
        }
        double[] breaks = map.breakpoints();
        for (int i = 0; i < breaks.length; i++) {
            double left = map.cost(ExitsBandwidthMap.evaluateAt(p, map.pieces().get(i).plan(), breaks[i]));
            double right = map.cost(ExitsBandwidthMap.evaluateAt(p, map.pieces().get(i + 1).plan(), breaks[i]));
            assertClose(left, right, "the two plans meet at breakpoint " + breaks[i]);
        }
    }

    /**
     * {@link ExitsBandwidthMap#best} is the least of the per-set maps that meet the floor and P2's
     * optimum without latency bound ({@code mincut}); its pieces are priced by the evaluator, their
     * exit sets meet the floor, and neighbouring plans cost the same at each breakpoint.
     */
    private static ExitsBandwidthMap checkEnvelope(ExitsProblem p, ExitsProblem.MinCost a,
                                                   List<ExitsBandwidthMap> maps, SplittableRandom rng, int samples) {
        ExitsBandwidthMap best = ExitsBandwidthMap.best(p, FROM, TO);
        assertTrue(best.fixedExits().isEmpty());
        ExitsProblem free = p.withVariant(new ExitsProblem.MinCost(a.weights(), a.minAccuracy(),
                OptionalDouble.empty()));
        for (double r : rates(rng, samples, best)) {
            double least = Double.POSITIVE_INFINITY;
            for (ExitsBandwidthMap m : maps) {
                if (p.profile(m.fixedExits().orElseThrow()).expectedAccuracy() >= a.minAccuracy()) {
                    least = Math.min(least, m.costAt(r));
                }
            }
            ExitsBandwidthMap.Piece piece = best.pieceAt(r);
            assertClose(least, piece.costAt(r), "best map vs least per-set map at " + r);
            ExitsCost evaluated = ExitsBandwidthMap.evaluateAt(p, piece.plan(), r);
            assertClose(piece.costAt(r), evaluated.objective(), "evaluator on the best plan at " + r);
            assertTrue(evaluated.accuracy() >= a.minAccuracy(), "floor");
            Result<ExitPlan> result = MINCUT.solve(free.withLink(p.link().withUplinkBitsPerSecond(r)));
            assertEquals(Status.OPTIMAL, result.status(), result.message());
            assertClose(result.objective(), piece.costAt(r), "best map vs mincut at " + r);
        }
        double[] breaks = best.breakpoints();
        for (int i = 0; i < breaks.length; i++) {
            double left = ExitsBandwidthMap.evaluateAt(p, best.pieces().get(i).plan(), breaks[i]).objective();
            double right = ExitsBandwidthMap.evaluateAt(p, best.pieces().get(i + 1).plan(), breaks[i]).objective();
            assertClose(left, right, "the two plans meet at breakpoint " + breaks[i]);
            assertTrue(breaks[i] > best.pieces().get(i).fromUplinkBitsPerSecond(), "pieces have positive width");
        }
        return best;
    }

    /**
     * Variant (b)'s best map is its exact optimum: at sampled rates (and either side of each
     * breakpoint) the piece's plan has {@code mincut}'s accuracy and latency, or, where mincut finds
     * no plan within the bound, the piece's plan misses it too.
     */
    private static ExitsBandwidthMap checkRightSizing(ExitsProblem p, SplittableRandom rng, int samples) {
        ExitsBandwidthMap best = ExitsBandwidthMap.best(p, FROM, TO);
        for (double r : rates(rng, samples, best)) {
            ExitsBandwidthMap.Piece piece = best.pieceAt(r);
            ExitsCost evaluated = ExitsBandwidthMap.evaluateAt(p, piece.plan(), r);
            assertClose(piece.costAt(r), evaluated.latencySeconds(), "latency of the best plan at " + r);
            ExitsProblem at = p.withLink(p.link().withUplinkBitsPerSecond(r));
            Result<ExitPlan> result = MINCUT.solve(at);
            if (result.status() == Status.INFEASIBLE) {
                assertTrue(!evaluated.feasible(), "mincut: infeasible at " + r + ", map: " + piece);
                continue;
            }
            assertEquals(Status.OPTIMAL, result.status(), result.message());
            assertTrue(evaluated.feasible(), "at " + r + ": " + evaluated.violations());
            assertClose(result.objective(), evaluated.accuracy(), "accuracy vs mincut at " + r);
            assertClose(at.evaluate(result.planOrThrow()).latencySeconds(), evaluated.latencySeconds(),
                    "tie-break latency vs mincut at " + r);
        }
        return best;
    }

    /**
     * {@code p} rewritten so that {@code mincut} must choose exactly the exit set {@code ids}: the
     * model keeps only those exits and, as accuracy never enters the cost, their accuracies are
     * replaced. Variant (a): accuracies strictly decreasing with depth, final 0, floor acc(ids); then
     * every proper subset is strictly less accurate (dropping exit j loses (r_j − r_prev)·(a_j −
     * a_next) &gt; 0), which needs strictly increasing positive rates (else empty). Variant (b):
     * the exit's accuracy 1, final 0, no binding bound. Latency bounds are dropped.
     */
    static Optional<ExitsProblem> forced(ExitsProblem p, List<String> ids) {
        List<Exit> kept = StopProfile.resolve(p.graph(), ids);
        List<Exit> rewritten = new ArrayList<>();
        double previousRate = 0;
        for (int i = 0; i < kept.size(); i++) {
            Exit e = kept.get(i);
            if (p.variant() instanceof ExitsProblem.MinCost && !(e.exitRate() > previousRate)) {
                return Optional.empty();
            }
            previousRate = e.exitRate();
            rewritten.add(new Exit(e.id(), e.afterLayer(), e.flops(), e.exitRate(),
                    (double) (kept.size() - i) / kept.size()));
        }
        ExitsProblem q = new ExitsProblem(p.graph().withExits(rewritten), p.device(), p.edge(), p.link(),
                p.deviceLoad(), 0, p.variant());
        if (p.variant() instanceof ExitsProblem.MinCost a) {
            return Optional.of(q.withVariant(new ExitsProblem.MinCost(a.weights(),
                    q.profile(ids).expectedAccuracy(), OptionalDouble.empty())));
        }
        return Optional.of(q.withVariant(new ExitsProblem.RightSizing(1e300)));
    }

    /** {@code samples} log-uniform rates in [FROM, TO], and each breakpoint of {@code map} ± 1e-7 relative. */
    private static List<Double> rates(SplittableRandom rng, int samples, ExitsBandwidthMap map) {
        List<Double> rates = new ArrayList<>();
        for (int k = 0; k < samples; k++) {
            rates.add(Math.exp(Math.log(FROM) + rng.nextDouble() * (Math.log(TO) - Math.log(FROM))));
        }
        for (double b : map.breakpoints()) {
            rates.add(b * (1 - 1e-7));
            rates.add(b * (1 + 1e-7));
        }
        return rates;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.max(Math.abs(expected), Double.MIN_NORMAL), what);
    }
}
