package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of docs/reproductions (Neurosurgeon, DADS, Edgent/DAPDEE, BranchyNet, Ma et al.;
 * the scripts under docs/reproductions/&lt;paper&gt;/run.sh) run in-process on a reduced setting, each
 * test checking the direction of the paper's effect rather than the committed numbers.
 */
class ReproductionsATest {
    @TempDir
    Path dir;

    private static CliTest.Run ok(String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err() + r.out());
        return r;
    }

    /** The rows of a `cleave map` table: device layer count and plan text per interval. */
    private static List<String[]> mapRows(String out) {
        List<String[]> rows = new ArrayList<>();
        boolean table = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("from ")) {
                table = true;
            } else if (table && !line.isBlank() && !line.startsWith("plot")) {
                rows.add(line.trim().split("\\s+", 8));
            }
        }
        return rows;
    }

    /** instance → solver → objective, from the plain columns of a `cleave compare` results.csv. */
    private static Map<String, Map<String, Double>> objectives(Path resultsCsv) throws IOException {
        Map<String, Map<String, Double>> byInstance = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(resultsCsv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 9);
            double objective = f[7].isEmpty() ? Double.NaN : Double.parseDouble(f[7]);
            byInstance.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], objective);
        }
        return byInstance;
    }

    /** (axis value, status, objective) of every row of a `cleave groundtruth --format csv` table. */
    private static List<String[]> labels(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 6);
            rows.add(new String[] {f[1], f[2], f[4]});
        }
        return rows;
    }

    @Test
    void neurosurgeonTheSplitMovesTowardsTheInputAsTheUplinkGrows() throws IOException {
        for (String model : List.of("alexnet", "vgg16")) {
            for (String objective : List.of("latency", "energy")) {
                Path file = dir.resolve(model + "-" + objective + ".json");
                ok("zoo", "export", model, "--device", "rpi3b", "--edge", "gpu", "--network", "3g", "--objective",
                        objective, "-o", file.toString());
                PartitionProblem p = (PartitionProblem) InstanceJson.read(file).problem();
                assertEquals(objective.equals("energy") ? 1.0 : 0.0, p.weights().energyWeight(), objective);
                List<String[]> rows = mapRows(ok("map", file.toString(), "--from", "0.13Mbps", "--to", "18.88Mbps").out());
                String where = model + " " + objective;
                assertTrue(rows.size() >= 2, where + ": the optimum changes between CAT1 and WiFi");
                assertEquals(p.graph().size(), Integer.parseInt(rows.get(0)[6]), where + ": device only at CAT1");
                for (int i = 1; i < rows.size(); i++) {
                    assertTrue(Integer.parseInt(rows.get(i)[6]) <= Integer.parseInt(rows.get(i - 1)[6]),
                            where + ": interval " + i + " keeps more layers on the device than interval " + (i - 1));
                }
                assertTrue(Integer.parseInt(rows.get(rows.size() - 1)[6]) < p.graph().size(), where + ": split at WiFi");
            }
        }
    }

    @Test
    void dadsMinCutIsNeverWorseThanTheTopologicalSplitAndDshStaysWithinItsRatio() throws IOException {
        Path light = dir.resolve("light");
        ok("compare", "--zoo", "resnet18,googlenet", "--network", "cat1,wifi", "--device", "rpi3b", "--view", "layers",
                "--solvers", "mincut,topo-cut,device-only,edge-only", "--quiet", "-o", light.toString());
        Map<String, Map<String, Double>> rows = objectives(light.resolve("results.csv"));
        assertEquals(4, rows.size());
        boolean beatsABaseline = false;
        for (Map.Entry<String, Map<String, Double>> e : rows.entrySet()) {
            double cut = e.getValue().get("mincut");
            for (String baseline : List.of("topo-cut", "device-only", "edge-only")) {
                double b = e.getValue().get(baseline);
                assertTrue(cut <= b * (1 + 1e-9), e.getKey() + ": mincut " + cut + " > " + baseline + " " + b);
                beatsABaseline |= cut < b * (1 - 1e-6);
            }
        }
        assertTrue(beatsABaseline, "min-cut beats some baseline somewhere");
        Path heavy = dir.resolve("heavy");
        ok("compare", "--zoo", "resnet18-exits", "--family", "throughput", "--network", "3g,4g", "--device", "rpi3b",
                "--view", "blocks", "--solvers", "enumerate,dsh", "--quiet", "-o", heavy.toString());
        for (Map.Entry<String, Map<String, Double>> e : objectives(heavy.resolve("results.csv")).entrySet()) {
            double opt = e.getValue().get("enumerate");
            double dsh = e.getValue().get("dsh");
            assertTrue(opt <= dsh * (1 + 1e-9) && dsh <= 3 * opt, e.getKey() + ": optimum " + opt + ", DSH " + dsh);
        }
    }

    @Test
    void edgentTheChosenExitNeverGetsShallowerAsTheBoundTheUplinkOrTheIdleDeviceAllowMore() throws IOException {
        Path loose = dir.resolve("rs-1s.json");
        Path tight = dir.resolve("rs-10ms.json");
        Path busy = dir.resolve("rs-20ms.json");
        for (Path f : List.of(loose, tight, busy)) {
            ok("zoo", "export", "b-alexnet", "--family", "exits", "--device", "rpi3b", "--edge", "gpu", "--network", "3g",
                    "--right-sizing", f == loose ? "1s" : f == tight ? "10ms" : "20ms", "-o", f.toString());
        }
        assertTrue(((ExitsProblem) InstanceJson.read(tight).problem()).variant() instanceof ExitsProblem.RightSizing);
        record Sweep(Path file, String axis, int direction) {
        }
        for (Sweep s : List.of(new Sweep(loose, "latency=0.003:0.05:6:log", 1),
                new Sweep(tight, "uplink=0.13Mbps:18.88Mbps:5", 1), new Sweep(busy, "load=0:0.6:4:lin", -1))) {
            Map<String, List<String[]>> bySolver = new LinkedHashMap<>();
            for (String solver : List.of("mincut", "inverse-search")) {
                Path out = dir.resolve(solver + "-" + s.axis().substring(0, 4) + ".csv");
                ok("groundtruth", s.file().toString(), "--axis", s.axis(), "--solver", solver, "--format", "csv",
                        "--threads", "1", "--quiet", "-o", out.toString());
                bySolver.put(solver, labels(out));
            }
            List<String[]> exact = bySolver.get("mincut");
            double previous = s.direction() > 0 ? 0 : 1;
            for (int i = 0; i < exact.size(); i++) {
                String[] r = exact.get(i);
                String[] h = bySolver.get("inverse-search").get(i);
                assertEquals("OPTIMAL", r[1], s.axis() + " at " + r[0]);
                double accuracy = Double.parseDouble(r[2]);
                assertTrue(s.direction() > 0 ? accuracy >= previous : accuracy <= previous,
                        s.axis() + ": accuracy " + accuracy + " at " + r[0] + " after " + previous);
                previous = accuracy;
                assertTrue(h[2].isEmpty() || Double.parseDouble(h[2]) <= accuracy + 1e-12,
                        "inverse search above the exact right-sizing optimum at " + r[0]);
            }
            assertTrue(previous != Double.parseDouble(exact.get(0)[2]), s.axis() + ": the chosen exit changes");
        }
        Path q = dir.resolve("q.json");
        String[] modes = new String[2];
        double[] rates = {50, 200};
        for (int i = 0; i < 2; i++) {
            ok("zoo", "export", "b-alexnet", "--family", "throughput", "--device", "rpi3b", "--network", "3g",
                    "--frame-rate", String.valueOf(rates[i]), "-o", q.toString(), "--force");
            JsonNode r = Json.MAPPER.readTree(CliTest.run("solve", q.toString(), "--solver", "dads-switch", "--json").out());
            modes[i] = r.get("parameters").get("mode").asText();
        }
        assertEquals("light", modes[0], "a low frame rate is served by the latency optimum");
        assertEquals("heavy", modes[1], "a high frame rate switches to the throughput search");
    }

    @Test
    void branchyNetBAlexNetStopsAtEachExitWithTheSharesOfTable1AndAnExpectedAccuracyOf7919() throws IOException {
        Path file = dir.resolve("b-alexnet.json");
        ok("zoo", "export", "b-alexnet", "--family", "exits", "--device", "rpi3b", "--network", "cat1", "-o", file.toString());
        JsonNode plan = Json.MAPPER.readTree(ok("solve", file.toString(), "--solver", "mincut", "--json").out()).get("plan");
        double[] shares = {0.656, 0.252, 0.092};
        for (int i = 0; i < 3; i++) {
            assertEquals(shares[i], plan.get("stops").get(i).get("share").asDouble(), 1e-12, "stop " + i);
        }
        assertEquals(0.7919, plan.get("cost").get("accuracy").asDouble(), 1e-12);
        Path plans = dir.resolve("plans.jsonl");
        Files.writeString(plans, "{\"activeExits\":[],\"edgeLayers\":[]}\n"
                + "{\"activeExits\":[\"exit1\",\"exit2\"],\"edgeLayers\":[]}\n");
        Path scores = dir.resolve("scores.csv");
        ok("evaluate", file.toString(), "--plans", plans.toString(), "-o", scores.toString());
        List<String> lines = Files.readAllLines(scores);
        List<String> header = List.of(lines.get(0).split(","));
        int latency = header.indexOf("latency_seconds");
        int accuracy = header.indexOf("accuracy");
        String[] none = lines.get(1).split(",");
        String[] both = lines.get(2).split(",");
        assertTrue(Double.parseDouble(both[latency]) < Double.parseDouble(none[latency]), "exits make inference faster");
        assertTrue(Double.parseDouble(both[accuracy]) < Double.parseDouble(none[accuracy]), "at some accuracy");
    }

    @Test
    void maEtAlTheExactOptimumIsNeverAboveTheBaselinesOrTheHeuristics() throws IOException {
        Path instances = Files.createDirectory(dir.resolve("instances"));
        for (int users : new int[] {2, 6}) {
            ok("generate", "multiuser", "--users", String.valueOf(users), "--units", "8", "--models",
                    "resnet18-exits,mobilenetv2-exits", "--network", "wifi", "--edge-flops", "4e12", "--seed", "1",
                    "-o", instances.resolve("u" + users + ".json").toString());
        }
        Path out = dir.resolve("cmp");
        ok("compare", instances.toString(), "--solvers", "dp,ara,greedy,relax-round,device-only,edge-only", "--quiet",
                "-o", out.toString());
        Map<String, Map<String, Double>> rows = objectives(out.resolve("results.csv"));
        assertEquals(2, rows.size());
        boolean strict = false;
        for (Map.Entry<String, Map<String, Double>> e : rows.entrySet()) {
            double dp = e.getValue().get("dp");
            for (String other : List.of("ara", "greedy", "relax-round", "device-only", "edge-only")) {
                double o = e.getValue().get(other);
                assertTrue(dp <= o * (1 + 1e-9), e.getKey() + ": dp " + dp + " > " + other + " " + o);
                strict |= other.equals("device-only") && dp < o * (1 - 1e-6);
            }
            assertTrue(dp < e.getValue().get("edge-only"), e.getKey() + ": offloading everything loses");
        }
        assertTrue(strict, "with 6 users the joint optimum beats device-only");
    }
}
