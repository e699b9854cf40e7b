package org.cleave.algorithms.tiers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Verifier;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.tiers.TiersProblem;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link CompiledTiersNetwork}'s bounded dynamic program (blocks skipped by lower
 * bounds, the previous plan as the incumbent of a warm re-solve) against exhaustive enumeration, over
 * warm sequences of link rates on every graph shape.
 */
class CompiledTiersNetworkBoundsTest {
    @Test
    void warmBoundedReSolvesEqualEnumeration() {
        EnumerationTiersSolver enumerate = new EnumerationTiersSolver();
        for (int i = 0; i < 40; i++) {
            long seed = 77_000L + i;
            RandomGraphs.Shape shape = RandomGraphs.Shape.values()[i % 4];
            TiersProblem base = RandomTiersInstances.tiers(seed, shape, 6 + i % 9,
                    RandomPartitionInstances.WeightMode.ANY);
            CompiledTiersNetwork net = CompiledTiersNetwork.compile(base);
            SplittableRandom rng = new SplittableRandom(seed);
            for (int k = 0; k < 15; k++) {
                // small moves (the incumbent stays good) alternate with jumps over four decades
                double spread = k % 3 == 2 ? 1e4 : 2;
                Link l1 = new Link(base.link1().uplinkBitsPerSecond() * Math.pow(spread, rng.nextDouble() - 0.5),
                        base.link1().downlinkBitsPerSecond(), base.link1().latencySeconds() * rng.nextDouble());
                Link l2 = new Link(base.link2().uplinkBitsPerSecond() * Math.pow(spread, rng.nextDouble() - 0.5),
                        base.link2().downlinkBitsPerSecond(), base.link2().latencySeconds() * rng.nextDouble());
                net.setLinks(l1, l2);
                double warm = net.solve();
                TiersProblem p = base.withLinks(l1, l2);
                String label = "seed " + seed + ", step " + k;
                double reference = enumerate.solve(p).objective();
                assertTrue(Verifier.close(reference, warm, 1e-9), label + ": enumerate " + reference + ", warm " + warm);
                assertTrue(Verifier.close(p.evaluate(net.plan()).objective(), warm, 1e-9), label);
            }
        }
    }
}
