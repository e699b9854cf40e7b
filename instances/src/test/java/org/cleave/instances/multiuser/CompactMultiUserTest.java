package org.cleave.instances.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.cleave.algorithms.multiuser.DynamicProgrammingMultiUserSolver;
import org.cleave.algorithms.multiuser.EnumerationMultiUserSolver;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.PlanOptions;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;
import org.cleave.instances.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompactMultiUserTest {
    private static final RandomZooMultiUserInstances ZOO = new RandomZooMultiUserInstances(
            name -> name.startsWith("chain-") ? RandomZooMultiUserInstances.builtInModel(name) : Zoo.get(name).blockGraph(),
            RandomZooMultiUserInstances::builtInNetwork);

    private static String compactText(CompactMultiUser c) {
        return InstanceJson.text(InstanceJson.toJson(Family.MULTIUSER, "mu", "", root -> MultiUserCodec.writeCompact(c,
                root), null));
    }

    private static MultiUserProblem read(String text) {
        return (MultiUserProblem) InstanceJson.read(text, "mu.json").problem();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 24);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void compactAndExplicitFormsGiveTheSameProblemAndOptimum(long seed) {
        int users = 2 + (int) (seed % 2);
        int units = 2 + (int) ((seed / 2) % 2);
        CompactMultiUser c = ZOO.generateCompact(users, units, seed, List.of("chain-3", "chain-2"),
                seed % 3 == 0 ? "3g" : "4g", 1e11);
        MultiUserProblem explicit = ZOO.generate(users, units, seed, List.of("chain-3", "chain-2"),
                seed % 3 == 0 ? "3g" : "4g", 1e11);
        String compact = compactText(c);
        assertFalse(compact.contains("\"options\""), "seed " + seed + ": the compact form lists no options");
        MultiUserProblem fromCompact = read(compact);
        MultiUserProblem fromExplicit = read(InstanceJson.write(Instance.of("mu", explicit)));
        assertEquals(fromExplicit, fromCompact, "seed " + seed);
        assertEquals(explicit, fromCompact, "seed " + seed);
        Result<MultiUserPlan> dpCompact = new DynamicProgrammingMultiUserSolver().solve(fromCompact);
        Result<MultiUserPlan> dpExplicit = new DynamicProgrammingMultiUserSolver().solve(fromExplicit);
        Result<MultiUserPlan> enCompact = new EnumerationMultiUserSolver().solve(fromCompact);
        assertEquals(Status.OPTIMAL, dpCompact.status(), "seed " + seed + ": " + dpCompact.message());
        assertEquals(Status.OPTIMAL, enCompact.status(), "seed " + seed + ": " + enCompact.message());
        assertEquals(dpExplicit.objective(), dpCompact.objective(), 0, "seed " + seed);
        assertTrue(Verifier.close(enCompact.objective(), dpCompact.objective(), 1e-9),
                "seed " + seed + ": enumerate " + enCompact.objective() + " vs dp " + dpCompact.objective());
        assertTrue(Verifier.verify(fromCompact, dpCompact).ok(), "seed " + seed);
    }

    /** The case: 60 users, K = 64, ResNet-18 and MobileNetV2 with exits (15.9 MB explicit). */
    @Test
    void theSixtyUserZooInstanceIsSmallAndEqualsItsExplicitForm() {
        List<String> models = List.of("resnet18-exits", "mobilenetv2-exits");
        CompactMultiUser c = ZOO.generateCompact(60, 64, 1, models, "4g", 1e12);
        String compact = compactText(c);
        int bytes = compact.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 100_000, "compact 60-user K = 64 file has " + bytes + " bytes");
        MultiUserProblem explicit = ZOO.generate(60, 64, 1, models, "4g", 1e12);
        assertEquals(192, explicit.user(0).options().size());
        assertEquals(1184, explicit.user(1).options().size());
        assertEquals(explicit, read(compact));
        // the same optimum by dp; K = 8 here (K = 64 takes seconds, measured in the branch note)
        MultiUserProblem small = read(compactText(ZOO.generateCompact(60, 8, 1, models, "4g", 1e12)));
        MultiUserProblem smallExplicit = read(InstanceJson.write(Instance.of("mu",
                ZOO.generate(60, 8, 1, models, "4g", 1e12))));
        Result<MultiUserPlan> a = new DynamicProgrammingMultiUserSolver().solve(small);
        Result<MultiUserPlan> b = new DynamicProgrammingMultiUserSolver().solve(smallExplicit);
        assertEquals(Status.OPTIMAL, a.status(), a.message());
        assertEquals(b.objective(), a.objective(), 0);
        assertEquals(b.plan(), a.plan());
    }

    @Test
    void statedPlacementsGiveExactlyTheMatchingOptionsOfTheFullRule() {
        for (String name : List.of("chain-12", "resnet18-exits")) {
            DnnGraph g = name.startsWith("chain-") ? RandomZooMultiUserInstances.builtInModel(name)
                    : Zoo.get(name).blockGraph();
            Device device = new Device(2e10, 3, 1, 0.3);
            EdgeServer edge = new EdgeServer(1e12);
            List<String> early = g.exits().stream().filter(e -> g.indexOf(e.afterLayer()) != g.outputIndex())
                    .map(Exit::id).toList();
            List<CompactMultiUser.Placement> all = new ArrayList<>();
            for (int mask = 0; mask < (1 << early.size()); mask++) {
                List<String> ex = new ArrayList<>();
                for (int k = 0; k < early.size(); k++) {
                    if ((mask & (1 << k)) != 0) {
                        ex.add(early.get(k));
                    }
                }
                for (int v = 0; v < g.size(); v++) {
                    if (g.isCutVertex(v)) {
                        all.add(new CompactMultiUser.Placement(g.layer(v).id(), ex));
                    }
                }
            }
            var stated = new CompactMultiUser.DeclaredModel(g, Optional.of(all)).options(device, edge);
            assertEquals(PlanOptions.of(g, device, edge), stated, name);
            // a stated subset in its own order
            var two = new CompactMultiUser.DeclaredModel(g, Optional.of(List.of(all.get(all.size() - 1), all.get(0))))
                    .options(device, edge);
            assertEquals(List.of(stated.get(stated.size() - 1), stated.get(0)), two, name);
        }
    }

    private static ObjectNode smallCompact() {
        CompactMultiUser c = ZOO.generateCompact(3, 4, 5, List.of("chain-6", "chain-4"), "4g", 1e12);
        return InstanceJson.toJson(Family.MULTIUSER, "mu", "", root -> MultiUserCodec.writeCompact(c, root), null);
    }

    private static String message(ObjectNode root) {
        return assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(InstanceJson.text(root), "x"))
                .getMessage();
    }

    @Test
    void errorsNameTheJsonPathAndValue() {
        ObjectNode root = smallCompact();
        ((ObjectNode) root.withArray("users").get(1)).put("model", "r19");
        assertEquals("$.users[1].model: no model \"r19\" in models; declared: chain-6, chain-4", message(root));

        root = smallCompact();
        ((ObjectNode) root.withArray("users").get(2)).putArray("options");
        assertTrue(message(root).startsWith("$.users[2]: has both model and options"), message(root));

        root = smallCompact();
        ((ObjectNode) root.withArray("users").get(0)).remove("model");
        assertTrue(message(root).startsWith("$.users[0]: needs model"), message(root));

        root = smallCompact();
        ((ObjectNode) root.get("models").get("chain-6")).putArray("options").addObject().put("cutAfter", "nope");
        assertTrue(message(root).startsWith("$.models.chain-6.options[0].cutAfter: no layer \"nope\""), message(root));

        root = smallCompact();
        ObjectNode opt = ((ObjectNode) root.get("models").get("chain-4")).putArray("options").addObject();
        opt.put("cutAfter", root.get("models").get("chain-4").get("graph").get("layers").get(0).get("id").asText());
        opt.putArray("exits").add("final");
        assertTrue(message(root).startsWith("$.models.chain-4.options[0].exits: \"final\" is not an early"),
                message(root));

        root = smallCompact();
        ((ObjectNode) root.get("models").get("chain-4")).put("options", "some");
        assertTrue(message(root).startsWith("$.models.chain-4.options: must be \"all\""), message(root));

        root = smallCompact();
        ((ObjectNode) root.get("models").get("chain-4")).put("zoo", "resnet18");
        assertEquals("$.models.chain-4: needs exactly one of graph, zoo or file, got 2", message(root));

        root = smallCompact();
        ObjectNode zoo = ((ObjectNode) root.get("models")).putObject("z");
        zoo.put("zoo", "resnet19");
        assertTrue(message(root).startsWith("$.models.z.zoo: ") && message(root).contains("resnet19"), message(root));

        root = smallCompact();
        ((ObjectNode) root.get("models")).putObject("f").put("file", "/nonexistent/model.json");
        assertTrue(message(root).startsWith("$.models.f.file: "), message(root));
    }

    @Test
    void modelsMayBeZooNamesOrFilesRelativeToTheInstance(@TempDir Path dir) throws Exception {
        CompactMultiUser c = ZOO.generateCompact(4, 4, 3, List.of("resnet18-exits", "chain-5"), "4g", 1e12);
        MultiUserProblem expected = c.toProblem();
        ObjectNode root = InstanceJson.toJson(Family.MULTIUSER, "mu", "", r -> MultiUserCodec.writeCompact(c, r), null);
        ObjectNode models = (ObjectNode) root.get("models");
        // by zoo name
        ObjectNode byName = root.deepCopy();
        ((ObjectNode) byName.get("models")).putObject("resnet18-exits").put("zoo", "resnet18-exits");
        ((ObjectNode) byName.get("models")).putObject("chain-5").put("zoo", "chain-5");
        assertEquals(expected, read(InstanceJson.text(byName)));
        // by file: a bare model object and an instance holding a model, relative to the instance's folder
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/r18.json"), Json.MAPPER.writeValueAsString(models.get("resnet18-exits")
                .get("graph")));
        ObjectNode wrapped = Json.MAPPER.createObjectNode();
        wrapped.put("schemaVersion", 1);
        wrapped.set("model", ModelJson.writeModel(RandomZooMultiUserInstances.builtInModel("chain-5")));
        Files.writeString(dir.resolve("models/c5.json"), Json.MAPPER.writeValueAsString(wrapped));
        ObjectNode byFile = root.deepCopy();
        ((ObjectNode) byFile.get("models")).putObject("resnet18-exits").put("file", "models/r18.json");
        ((ObjectNode) byFile.get("models")).putObject("chain-5").put("file", "models/c5.json");
        Path instance = dir.resolve("mu.json");
        Files.writeString(instance, InstanceJson.text(byFile));
        assertEquals(expected, InstanceJson.read(instance).problem());
    }

    @Test
    void explicitUsersStillLoadBesideModelUsers() {
        ObjectNode root = smallCompact();
        MultiUserProblem expected = read(InstanceJson.text(root));
        ObjectNode explicitUser = (ObjectNode) InstanceJson.toJson(Instance.of("mu", expected)).withArray("users")
                .get(1);
        root.withArray("users").set(1, explicitUser);
        assertEquals(expected, read(InstanceJson.text(root)));
    }
}
