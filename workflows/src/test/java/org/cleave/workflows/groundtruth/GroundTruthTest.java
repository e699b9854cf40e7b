package org.cleave.workflows.groundtruth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Json;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroundTruthTest {
    @TempDir
    Path dir;

    private static final String[] AXES = {"--axis", "uplink=0.1Mbps:1000Mbps:3000", "--axis", "load=0:0.8:5:lin"};

    private static GroundTruth.Spec spec(Table format, int random) {
        return new GroundTruth.Spec(Examples.load("resnet18-two-stages"), "mincut",
                List.of(Axis.parse("uplink=0.1Mbps:1000Mbps:40"), Axis.parse("load=0:0.8:3:lin")), random, 7, format,
                Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "JSONL"})
    void isDeterministicWhateverTheThreadCount(String format) throws IOException {
        Path one = dir.resolve("one");
        Path four = dir.resolve("four");
        GroundTruth.run(spec(Table.valueOf(format), 0), one, 1, Progress.none());
        GroundTruth.run(spec(Table.valueOf(format), 0), four, 4, Progress.none());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
        long lines = Files.readAllLines(one).size();
        assertEquals(120 + (format.equals("CSV") ? 1 : 0), lines);
    }

    @Test
    void randomStatesAreSeeded() throws IOException {
        GroundTruth.run(spec(Table.JSONL, 50), dir.resolve("a"), 2, Progress.none());
        GroundTruth.run(spec(Table.JSONL, 50), dir.resolve("b"), 1, Progress.none());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a")), Files.readAllBytes(dir.resolve("b")));
        JsonNode row = Json.MAPPER.readTree(Files.readAllLines(dir.resolve("a")).get(0));
        assertEquals("OPTIMAL", row.get("status").asText());
        assertTrue(row.get("state_uplink").asDouble() >= 1e5 && row.get("state_uplink").asDouble() <= 1e9);
        assertTrue(row.get("plan_edge_mask").isArray());
        assertEquals(15, row.get("plan_edge_mask").size());
        assertTrue(row.get("verified").asBoolean());
        assertTrue(row.get("certified").isNull());
    }

    @Test
    void resumesAfterATruncatedLineWithExactlyTheSameRows() throws IOException {
        Path full = dir.resolve("full.csv");
        GroundTruth.run(spec(Table.CSV, 0), full, 2, Progress.none());
        byte[] expected = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.csv");
        Files.write(cut, java.util.Arrays.copyOf(expected, expected.length / 2)); // ends mid-line
        Files.copy(dir.resolve("full.csv.meta"), dir.resolve("cut.csv.meta"));
        GroundTruth.Summary s = GroundTruth.run(spec(Table.CSV, 0), cut, 2, Progress.none());
        assertTrue(s.resumedFrom() > 0 && s.resumedFrom() < 120, "resumed from " + s.resumedFrom());
        assertArrayEquals(expected, Files.readAllBytes(cut));
    }

    @Test
    void refusesAnOutputWrittenWithOtherArguments() throws IOException {
        Path out = dir.resolve("x.jsonl");
        GroundTruth.run(spec(Table.JSONL, 0), out, 1, Progress.none());
        String m = assertThrows(IllegalArgumentException.class,
                () -> GroundTruth.run(spec(Table.JSONL, 10), out, 1, Progress.none())).getMessage();
        assertTrue(m.contains("exists and was written with other arguments"), m);
        Files.writeString(dir.resolve("y.jsonl"), "stray\n");
        assertThrows(IllegalArgumentException.class,
                () -> GroundTruth.run(spec(Table.JSONL, 0), dir.resolve("y.jsonl"), 1, Progress.none()));
    }

    @Test
    void rejectsAnAxisTheFamilyDoesNotHave() {
        var bad = new GroundTruth.Spec(Examples.load("resnet18-two-stages"), "mincut",
                List.of(Axis.parse("users=1:8:8:lin")), 0, 1, Table.CSV, Optional.empty());
        String m = assertThrows(IllegalArgumentException.class,
                () -> GroundTruth.run(bad, dir.resolve("z.csv"), 1, Progress.none())).getMessage();
        assertTrue(m.contains("\"users\" is not an axis of family partition"), m);
        assertTrue(Files.notExists(dir.resolve("z.csv")));
    }

    @Test
    void labelsEarlyExitInstances() throws IOException {
        var base = new org.cleave.instances.io.Instance("p2", "", org.cleave.core.exits.RandomExitsInstances.exits(3,
                org.cleave.core.model.RandomGraphs.Shape.CHAIN, 10, 3), null);
        var gt = new GroundTruth.Spec(base, "mincut", List.of(Axis.parse("uplink=0.5Mbps:500Mbps:12"),
                Axis.parse("latency=0.05:2:4")), 0, 1, Table.JSONL, Optional.empty());
        Path one = dir.resolve("p2-1.jsonl");
        Path two = dir.resolve("p2-2.jsonl");
        GroundTruth.run(gt, one, 1, Progress.none());
        GroundTruth.run(gt, two, 2, Progress.none());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        List<String> lines = Files.readAllLines(one);
        assertEquals(48, lines.size());
        for (String line : lines) {
            JsonNode row = Json.MAPPER.readTree(line);
            assertTrue(row.has("plan_active_exits") && row.has("cost_accuracy") && row.has("state_latency"), line);
            assertTrue(row.get("verified").asBoolean(), line);
            assertEquals(row.get("status").asText().equals("OPTIMAL"), row.get("plan_active_exits").isArray(), line);
        }
    }

    @Test
    void labelsMultiUserInstances() throws IOException {
        var problem = org.cleave.instances.multiuser.RandomZooMultiUserInstances.builtIn().generate(6, 8, 3,
                List.of("chain-8", "chain-6"), "4g", 1e12);
        var base = new org.cleave.instances.io.Instance("p4", "", problem, null);
        var gt = new GroundTruth.Spec(base, "dp", List.of(Axis.parse("users=2:6:5:lin"), Axis.parse("units=4:8:3:lin")),
                0, 1, Table.CSV, Optional.empty());
        Path one = dir.resolve("p4-1.csv");
        Path two = dir.resolve("p4-2.csv");
        GroundTruth.run(gt, one, 1, Progress.none());
        GroundTruth.run(gt, two, 2, Progress.none());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        List<String> lines = Files.readAllLines(one);
        assertEquals(1 + 15, lines.size());
        assertTrue(lines.get(0).startsWith("state_index,state_users,state_units,status,solver,objective,bound,"
                + "verified,certified,plan_option_index,plan_option_label,plan_compute_units,plan_bandwidth_units,"
                + "cost_latency_seconds,cost_energy_joules,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("0,2,4,OPTIMAL,dp,"), lines.get(1));
    }

    @Test
    void theWarmPathWritesTheSolversBytes() throws IOException {
        GroundTruth.Spec random = new GroundTruth.Spec(Examples.load("resnet18-two-stages"), "mincut-compiled",
                List.of(Axis.parse("uplink=0.1Mbps:1000Mbps"), Axis.parse("downlink=1Mbps:1000Mbps"),
                        Axis.parse("load=0:0.9")), 400, 11, Table.JSONL, Optional.empty());
        assertTrue(GroundTruth.labeller(random).warm());
        assertFalse(GroundTruth.labeller(random, GroundTruth.Engine.SOLVER).warm());
        GroundTruth.run(random, dir.resolve("warm.jsonl"), 2, Progress.none(), GroundTruth.Engine.WARM);
        GroundTruth.run(random, dir.resolve("cold.jsonl"), 2, Progress.none(), GroundTruth.Engine.SOLVER);
        GroundTruth.run(random, dir.resolve("mapped.jsonl"), 2, Progress.none(), GroundTruth.Engine.MAPPED);
        assertArrayEquals(Files.readAllBytes(dir.resolve("cold.jsonl")), Files.readAllBytes(dir.resolve("warm.jsonl")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("cold.jsonl")),
                Files.readAllBytes(dir.resolve("mapped.jsonl")));
        // and the same plans as the JGraphT min cut, a different exact method (objectives to 1e-9)
        GroundTruth.Labeller warm = GroundTruth.labeller(random);
        GroundTruth.Labeller jgrapht = GroundTruth.labeller(new GroundTruth.Spec(random.base(), "mincut",
                random.axes(), 400, 11, Table.JSONL, Optional.empty()));
        int objective = warm.columns().stream().map(Column::name).toList().indexOf("objective");
        for (long i = 0; i < 400; i += 7) {
            double a = (Double) warm.row(i).get(objective);
            double b = (Double) jgrapht.row(i).get(objective);
            assertTrue(org.cleave.core.solve.Verifier.close(a, b, 1e-9), "state " + i + ": " + a + " vs " + b);
        }
    }

    @Test
    void anyIndexRangeIsLabelledAloneWithTheRowsOfAFullRun() throws IOException {
        GroundTruth.Spec s = spec(Table.JSONL, 60);
        Path out = dir.resolve("all.jsonl");
        GroundTruth.run(s, out, 3, Progress.none());
        List<String> lines = Files.readAllLines(out);
        GroundTruth.Labeller alone = GroundTruth.labeller(s);
        LabelFormat format = new LabelFormat(Table.JSONL, alone.columns());
        for (long i : new long[] {59, 17, 0, 42}) { // out of order, on a fresh labeller
            assertEquals(lines.get((int) i) + "\n", format.row(alone.row(i)), "state " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> alone.row(60));
    }

    @Test
    void certifiesWithASecondExactSolverAndRefusesAHeuristicOne() throws IOException {
        GroundTruth.Spec s = spec(Table.CSV, 30).withCertifySolver("mincut-compiled");
        GroundTruth.run(s, dir.resolve("c.csv"), 2, Progress.none());
        List<String> lines = Files.readAllLines(dir.resolve("c.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int verified = header.indexOf("verified");
        int certified = header.indexOf("certified");
        for (String line : lines.subList(1, lines.size())) {
            List<List<String>> f = LabelFilesReadTest.readCsv(line + "\n");
            assertEquals("true", f.get(0).get(verified), line);
            assertEquals("true", f.get(0).get(certified), line);
        }
        String m = assertThrows(IllegalArgumentException.class, () -> GroundTruth.run(
                spec(Table.CSV, 30).withCertifySolver("topo-cut"), dir.resolve("h.csv"), 1, Progress.none()))
                .getMessage();
        assertTrue(m.startsWith("certify: topo-cut is a baseline solver; certifying needs an exact one"), m);
        assertTrue(Files.notExists(dir.resolve("h.csv")));
    }

    @Test
    void aDisagreementStopsWithBothAnswers() {
        var ok = new org.cleave.core.solve.Result<>("a", java.util.Map.of(), org.cleave.core.solve.Status.OPTIMAL,
                Optional.of("plan"), 1.0, 1.0, java.time.Duration.ZERO, java.util.Map.of(), "");
        var close = new org.cleave.core.solve.Result<>("b", java.util.Map.of(), org.cleave.core.solve.Status.OPTIMAL,
                Optional.of("plan"), 1.0 + 1e-9, 1.0, java.time.Duration.ZERO, java.util.Map.of(), "");
        var far = new org.cleave.core.solve.Result<>("b", java.util.Map.of(), org.cleave.core.solve.Status.OPTIMAL,
                Optional.of("plan"), 1.1, 1.1, java.time.Duration.ZERO, java.util.Map.of(), "");
        var limited = new org.cleave.core.solve.Result<>("b", java.util.Map.of(), org.cleave.core.solve.Status.FEASIBLE,
                Optional.of("plan"), 1.1, 0.9, java.time.Duration.ZERO, java.util.Map.of(), "time limit");
        var infeasible = org.cleave.core.solve.Result.withoutPlan("b", java.util.Map.of(),
                org.cleave.core.solve.Status.INFEASIBLE, Double.NaN, java.time.Duration.ZERO, java.util.Map.of(), "");
        assertTrue(GroundTruth.certify(3, ok, close));
        assertFalse(GroundTruth.certify(3, ok, limited));
        CertificationException e = assertThrows(CertificationException.class, () -> GroundTruth.certify(3, ok, far));
        assertEquals("state 3: not certified: a says OPTIMAL objective 1.0, b says OPTIMAL objective 1.1 (they differ"
                + " by more than 1.0E-6 relative)", e.getMessage());
        assertEquals(3, e.stateIndex());
        assertThrows(CertificationException.class, () -> GroundTruth.certify(4, ok, infeasible));
    }

    @Test
    void refusesAnOutputOfTheOlderLabelSchema() throws IOException {
        Path out = dir.resolve("old.csv");
        Files.writeString(out, "state_index,uplink\n0,1.0\n");
        Files.writeString(dir.resolve("old.csv.meta"), spec(Table.CSV, 0).fingerprint() + "\n");
        String m = assertThrows(IllegalArgumentException.class,
                () -> GroundTruth.run(spec(Table.CSV, 0), out, 1, Progress.none())).getMessage();
        assertTrue(m.startsWith("out: " + out + " was written by an older Cleave (label schema 1"), m);
        assertEquals("state_index,uplink\n0,1.0\n", Files.readString(out));
        GroundTruth.run(spec(Table.CSV, 0), dir.resolve("new.csv"), 1, Progress.none());
        String meta = Files.readString(dir.resolve("new.csv.meta"));
        assertTrue(meta.startsWith("{\"schemaVersion\":2,\"fingerprint\":\""), meta);
    }

    @Test
    void drawsEachUsersLinkAndLoadPerState() throws IOException {
        var problem = org.cleave.instances.multiuser.RandomZooMultiUserInstances.builtIn().generate(4, 8, 3,
                List.of("chain-8", "chain-6"), "4g", 1e12);
        var gt = new GroundTruth.Spec(new org.cleave.instances.io.Instance("p4", "", problem, null), "dp",
                List.of(Axis.parse("users=2:4:3:lin")), 0, 5, Table.JSONL, Optional.empty())
                .withPerUser(List.of(PerUser.parse("uplink=uniform:from=1Mbps,to=50Mbps"),
                        PerUser.parse("downlink=lognormal:median=20Mbps,sigma=0.5"),
                        PerUser.parse("load=uniform:from=0,to=0.8")));
        GroundTruth.run(gt, dir.resolve("pu1.jsonl"), 1, Progress.none());
        GroundTruth.run(gt, dir.resolve("pu2.jsonl"), 3, Progress.none());
        assertArrayEquals(Files.readAllBytes(dir.resolve("pu1.jsonl")), Files.readAllBytes(dir.resolve("pu2.jsonl")));
        GroundTruth.Labeller l = GroundTruth.labeller(gt);
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (String line : Files.readAllLines(dir.resolve("pu1.jsonl"))) {
            JsonNode row = Json.MAPPER.readTree(line);
            int users = row.get("state_users").intValue();
            JsonNode up = row.get("state_user_uplink");
            assertEquals(users, up.size(), line);
            assertEquals(users, row.get("state_user_load").size(), line);
            for (JsonNode v : up) {
                assertTrue(v.doubleValue() >= 1e6 && v.doubleValue() <= 50e6, line);
                seen.add(v.doubleValue());
            }
            assertEquals(users, row.get("plan_option_index").size(), line);
            // the labelled optimum is the dp optimum of the problem with those per-user values applied
            double[][] draws = l.perUserState(row.get("state_index").longValue());
            org.cleave.core.multiuser.MultiUserProblem p = problem;
            var scenario = new org.cleave.workflows.groundtruth.multiuser.MultiUserScenario();
            p = (org.cleave.core.multiuser.MultiUserProblem) scenario.applyPerUser(p, "uplink", draws[0]);
            p = (org.cleave.core.multiuser.MultiUserProblem) scenario.applyPerUser(p, "downlink", draws[1]);
            p = (org.cleave.core.multiuser.MultiUserProblem) scenario.applyPerUser(p, "load", draws[2]);
            p = (org.cleave.core.multiuser.MultiUserProblem) scenario.apply(p, List.of("users"), new double[] {users});
            var r = org.cleave.core.solve.Solvers.require(p.family(), "dp").solve((org.cleave.core.solve.Problem) p);
            assertEquals(r.objective(), row.get("objective").doubleValue(), 1e-12 * r.objective(), line);
        }
        assertEquals(2 + 3 + 4, seen.size(), "per-user uplinks should differ between users and states");
        String m = assertThrows(IllegalArgumentException.class, () -> PerUser.parse("load=lognormal:mu=0,sigma=1"))
                .getMessage();
        assertTrue(m.startsWith("per-user load: needs uniform"), m);
    }
}
