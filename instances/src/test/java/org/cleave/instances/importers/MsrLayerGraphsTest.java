package org.cleave.instances.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cleave.algorithms.partition.EnumerationPartitionSolver;
import org.cleave.algorithms.partition.MinCutPartitionSolver;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.model.Placement;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.BlockView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Imports the measured MSR layer graphs from {@code ../shared/data} (relative to the repository
 * root, the parent of the Maven root directory; the environment variable {@code CLEAVE_SHARED_DATA}
 * may name another folder, e.g. when building in a worktree). Skipped when that folder is absent:
 * the data is never copied into the project.
 */
class MsrLayerGraphsTest {
    static Path data() {
        String override = System.getenv("CLEAVE_SHARED_DATA");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null || dir.getParent() == null ? Path.of("/nonexistent")
                : dir.getParent().resolve("shared").resolve("data");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"msr-resnet50-layergraph.json, 177, 40, 2048", "msr-inceptionv3-layergraph.json, 316, -1, 0",
            "msr-bert24-layergraph.json, 36, -1, 0", "msr-gnmt-layergraph.json, 115, -1, 0"})
    void importsAndSolves(String file, int layers, int blocks, int lastStageChannels) {
        Path path = data().resolve(file);
        assumeTrue(Files.isRegularFile(path), "no " + path + ": shared data absent, test skipped");
        ProfiledModel m = MsrLayerGraphs.read(path, MsrLayerGraphs.AuxBranch.DROP);
        DnnGraph g = m.graph();
        assertEquals(layers, g.size(), file);
        if (blocks > 0) {
            assertEquals(blocks, BlockView.of(g).graph().size(), file);
        }
        if (file.contains("resnet50")) {
            assertEquals(3 * 224 * 224 * 4, g.input().outputBytes(), "per-sample input bytes");
            assertEquals(1000 * 4, g.output().outputBytes(), "per-sample logits");
        }
        for (String network : new String[] {"3g", "wifi"}) {
            PartitionProblem p = new PartitionProblem(g, Profiles.device("rpi4"), Profiles.edge("gpu"),
                    Profiles.network(network));
            Result<Placement> cut = new MinCutPartitionSolver().solve(p);
            assertEquals(Status.OPTIMAL, cut.status(), cut.message());
            assertTrue(Verifier.verify(p, cut).ok(), Verifier.verify(p, cut).defects().toString());
            DnnGraph chain = BlockView.of(g).graph();
            PartitionProblem c = new PartitionProblem(chain, p.device(), p.edge(), p.link());
            double a = new MinCutPartitionSolver().solve(c).objective();
            double b = new EnumerationPartitionSolver().solve(c).objective();
            assertTrue(Verifier.close(a, b, 1e-9), file + " " + network + ": " + a + " vs " + b);
            assertTrue(cut.objective() <= a * (1 + 1e-9));
            System.out.printf("%-34s %-5s layers %3d blocks %3d  optimum %.6f s%n", file, network, g.size(),
                    chain.size(), cut.objective());
        }
    }
}
