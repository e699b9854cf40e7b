package org.cleave.algorithms.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionCoefficients;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bandwidth map against direct solves at 1,000 sampled uplink rates per model (compiled
 * re-solves for all, JGraphT for every tenth), and every breakpoint against the exact (BigDecimal)
 * intersection of its two plans' cost lines, computed from {@link PartitionCoefficients}.
 */
class BandwidthMapTest {
    private static final double FROM = 1e5;
    private static final double TO = 1e10;
    private static final MinCutPartitionSolver MINCUT = new MinCutPartitionSolver();

    static List<Object[]> models() {
        return List.of(new Object[] {"residual-180", RandomGraphs.residual(179, new SplittableRandom(60)), 1L},
                new Object[] {"inception-330", RandomGraphs.inception(325, new SplittableRandom(61)), 2L},
                new Object[] {"chain-500", RandomGraphs.chain(500, new SplittableRandom(62)), 3L},
                new Object[] {"layered-60", RandomGraphs.layered(60, new SplittableRandom(63)), 4L});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void agreesWithDirectSolvesAt1000Bandwidths(String name, DnnGraph g, long seed) {
        PartitionProblem p = RandomPartitionInstances.partition(g, new SplittableRandom(seed), RandomPartitionInstances.WeightMode.MIXED);
        BandwidthMap map = BandwidthMap.of(p, FROM, TO);
        checkBreakpoints(p, map, name);
        CompiledPartitionNetwork direct = CompiledPartitionNetwork.of(p);
        SplittableRandom rng = new SplittableRandom(seed + 100);
        for (int i = 0; i < 1000; i++) {
            double r = Math.exp(Math.log(FROM) + rng.nextDouble() * (Math.log(TO) - Math.log(FROM)));
            PartitionProblem at = p.withLink(p.link().withUplinkBitsPerSecond(r));
            direct.setUplinkBitsPerSecond(r);
            direct.solve();
            double optimum = at.evaluate(direct.plan()).objective();
            BandwidthMap.Piece piece = map.pieceAt(r);
            double mapped = at.evaluate(piece.plan()).objective();
            String label = name + " at " + r + " bit/s";
            assertTrue(Verifier.close(mapped, optimum, 1e-9), label + ": map " + mapped + " vs direct " + optimum);
            assertTrue(Verifier.close(map.costAt(r), mapped, 1e-9), label + ": line " + map.costAt(r)
                    + " vs evaluator " + mapped);
            if (i % 10 == 0) {
                double jgrapht = MINCUT.solve(at).objective();
                assertTrue(Verifier.close(mapped, jgrapht, 1e-9), label + ": map " + mapped + " vs mincut " + jgrapht);
            }
        }
        assertTrue(map.minCutCalls() <= 2 * map.pieces().size() + 1, map.toString());
    }

    static LongStream seeds() {
        return Seeds.of(77, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void breakpointsAreExactOnRandomInstances(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        PartitionProblem p = RandomPartitionInstances.partition(seed, shape, 5 + (int) (seed % 40), RandomPartitionInstances.WeightMode.ANY);
        BandwidthMap map = BandwidthMap.of(p, FROM, TO);
        checkBreakpoints(p, map, "seed " + seed);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            double r = Math.exp(Math.log(FROM) + rng.nextDouble() * (Math.log(TO) - Math.log(FROM)));
            PartitionProblem at = p.withLink(p.link().withUplinkBitsPerSecond(r));
            double optimum = MINCUT.solve(at).objective();
            assertTrue(Verifier.close(at.evaluate(map.pieceAt(r).plan()).objective(), optimum, 1e-9),
                    "seed " + seed + " at " + r);
        }
    }

    /** Pieces tile the range, neighbours differ, breakpoints are exact intersections where both plans cost the same. */
    private static void checkBreakpoints(PartitionProblem p, BandwidthMap map, String label) {
        List<BandwidthMap.Piece> pieces = map.pieces();
        assertEquals(FROM, pieces.get(0).fromUplinkBitsPerSecond());
        assertEquals(TO, pieces.get(pieces.size() - 1).toUplinkBitsPerSecond());
        PartitionCoefficients unit = PartitionCoefficients.of(p.withLink(p.link().withUplinkBitsPerSecond(1)));
        for (int i = 0; i + 1 < pieces.size(); i++) {
            BandwidthMap.Piece a = pieces.get(i);
            BandwidthMap.Piece b = pieces.get(i + 1);
            double r = a.toUplinkBitsPerSecond();
            assertEquals(r, b.fromUplinkBitsPerSecond(), label);
            assertTrue(a.fromUplinkBitsPerSecond() < r && r < b.toUplinkBitsPerSecond(), label + " piece " + i);
            BigDecimal[] la = line(p.graph(), unit, a.plan());
            BigDecimal[] lb = line(p.graph(), unit, b.plan());
            // a_A + b_A·y = a_B + b_B·y  =>  y = (a_B − a_A) / (b_A − b_B)
            double exact = la[0].subtract(lb[0]).negate().divide(la[1].subtract(lb[1]), MathContext.DECIMAL128)
                    .doubleValue();
            assertTrue(Verifier.close(1 / r, exact, 1e-9), label + " breakpoint " + i + ": 1/R = " + 1 / r
                    + " but the exact intersection is " + exact);
            PartitionProblem at = p.withLink(p.link().withUplinkBitsPerSecond(r));
            double ca = at.evaluate(a.plan()).objective();
            double cb = at.evaluate(b.plan()).objective();
            assertTrue(Verifier.close(ca, cb, 1e-9), label + " breakpoint " + i + " at " + r + ": " + ca + " vs " + cb);
            assertTrue(!Verifier.close(a.sentBitCost(), b.sentBitCost(), 1e-12)
                    || !Verifier.close(a.fixedCost(), b.fixedCost(), 1e-12), label + ": equal neighbours");
        }
    }

    /** The exact line {a, b} of a plan: cost = a + b / R_up, from the coefficients at R_up = 1 bit/s. */
    private static BigDecimal[] line(DnnGraph g, PartitionCoefficients unit, Placement plan) {
        BigDecimal a = BigDecimal.ZERO;
        BigDecimal b = BigDecimal.ZERO;
        for (int v = 0; v < g.size(); v++) {
            if (plan.onEdge(v)) {
                a = a.add(new BigDecimal(unit.edgeCost(v)));
            } else {
                a = a.add(new BigDecimal(unit.deviceCost(v)));
                for (int k = 0; k < g.outDegree(v); k++) {
                    if (plan.onEdge(g.successor(v, k))) {
                        b = b.add(new BigDecimal(unit.sendCost(v)));
                        break;
                    }
                }
            }
        }
        return new BigDecimal[] {a, b};
    }

    @Test
    void rejectsAnEmptyOrInvertedRange() {
        PartitionProblem p = RandomPartitionInstances.partition(1, RandomGraphs.Shape.CHAIN, 5, RandomPartitionInstances.WeightMode.LATENCY);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> BandwidthMap.of(p, 1e7, 1e6));
        assertTrue(e.getMessage().contains("toBitsPerSecond"), e.getMessage());
        e = assertThrows(InvalidModelException.class, () -> BandwidthMap.of(p, 0, 1e6));
        assertTrue(e.getMessage().contains("fromBitsPerSecond"), e.getMessage());
    }
}
