package org.cleave.instances.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cleave.algorithms.partition.EnumerationPartitionSolver;
import org.cleave.algorithms.partition.MinCutPartitionSolver;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.instances.profiles.NetworkProfile;
import org.cleave.instances.profiles.Profiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo model under every network profile (device rpi4, edge gpu; latency-only and
 * latency + energy weights) solves to a verified optimum with P1's min-cut on the layer DAG and
 * on the block chain, and on the block chain min-cut agrees with enumeration of order ideals.
 */
class ZooSolvabilityTest {
    private static final MinCutPartitionSolver MINCUT = new MinCutPartitionSolver();
    private static final EnumerationPartitionSolver ENUMERATE = new EnumerationPartitionSolver();

    static Stream<Arguments> modelsAndNetworks() {
        List<Arguments> all = new ArrayList<>();
        for (String model : Zoo.names()) {
            for (NetworkProfile n : Profiles.networks()) {
                all.add(Arguments.of(model, n.name()));
            }
        }
        return all.stream();
    }

    private static Result<Placement> optimal(PartitionProblem p, Result<Placement> r, String label) {
        assertEquals(Status.OPTIMAL, r.status(), label + " " + r.solverId() + ": " + r.message());
        assertTrue(Verifier.verify(p, r).ok(), label + " " + r.solverId() + ": " + Verifier.verify(p, r).defects());
        return r;
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("modelsAndNetworks")
    void solvesExactlyAndMinCutAgreesWithEnumerationOnBlocks(String model, String network) {
        ZooModel m = Zoo.get(model);
        for (CostWeights w : List.of(CostWeights.LATENCY, new CostWeights(1, 0.1))) {
            String label = model + " over " + network + " " + w;
            PartitionProblem layers = new PartitionProblem(m.layerGraph(), Profiles.device("rpi4"),
                    Profiles.edge("gpu"), Profiles.network(network), w, 0);
            PartitionProblem blocks = new PartitionProblem(m.blockGraph(), Profiles.device("rpi4"),
                    Profiles.edge("gpu"), Profiles.network(network), w, 0);
            Result<Placement> best = optimal(layers, MINCUT.solve(layers), label);
            double dag = best.objective();
            double cut = optimal(blocks, MINCUT.solve(blocks), label).objective();
            double enumerated = optimal(blocks, ENUMERATE.solve(blocks), label).objective();
            assertTrue(Verifier.close(cut, enumerated, 1e-9), label + ": mincut " + cut + " vs enumerate " + enumerated);
            assertTrue(dag <= cut * (1 + 1e-9), label + ": the DAG optimum " + dag + " exceeds the chain's " + cut);
            System.out.printf(java.util.Locale.ROOT, "%-18s %-5s %-14s layer-DAG optimum %10.6f  block-chain optimum"
                    + " %10.6f  edge layers %d of %d%n", model, network, w.energyWeight() == 0 ? "latency" : "lat+0.1*energy",
                    dag, cut, best.planOrThrow().edgeLayerIds(m.layerGraph()).size(), m.layerGraph().size());
        }
    }
}
