package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.stopping.RandomStoppingInstances;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, items 1–7: every deliberately broken or hostile input of the issue ends with exit
 * status 2, one line on standard error, no exception class name, within a hang guard (30 s; 120 s
 * for the 200,000-layer files, whose reading alone takes seconds on a loaded machine — a guard,
 * not a speed goal), and leaves a pre-existing file ({@code keep.txt}, and the named outputs)
 * byte-identical.
 */
class BadInputTest {
    private static final Pattern EXCEPTION_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\..*Exception|Error:");
    private static final byte[] KEPT = "a file the user wrote\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    Path keep;
    Path example;

    @BeforeEach
    void setUp() throws Exception {
        keep = dir.resolve("keep.txt");
        Files.write(keep, KEPT);
        example = dir.resolve("example.json");
        InstanceJson.write(Examples.load("resnet18-two-stages"), example);
    }

    record Run(int status, String out, String err) {
    }

    private Run run(int seconds, String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(seconds), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(status, out.toString(), err.toString());
        }, () -> "hang guard: " + String.join(" ", args));
    }

    /** Runs {@code args} and checks the contract of a refusal; returns the one line. */
    private String refused(int seconds, String... args) throws Exception {
        Run r = run(seconds, args);
        String what = String.join(" ", args);
        String shown = what.length() > 300 ? what.substring(0, 300) : what;
        assertEquals(2, r.status(), shown + "\nstderr: " + r.err() + "\nstdout: " + r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), shown + ": stderr must be one line, got " + r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("cleave: "), line);
        assertFalse(EXCEPTION_NAME.matcher(line).find(), "exception class name in: " + line);
        assertFalse(line.contains("internal error"), line);
        assertArrayEquals(KEPT, Files.readAllBytes(keep), "keep.txt changed by " + shown);
        return line;
    }

    private Path write(String name, Instance instance) throws Exception {
        Path file = dir.resolve(name);
        InstanceJson.write(instance, file);
        return file;
    }

    private Path writeText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    // ---- item 1: out of memory / stack overflow -------------------------------------------------

    @Test
    void groundTruthWithTenBillionPointsIsRefusedBeforeAllocating() throws Exception {
        Path out = dir.resolve("gt.jsonl");
        String line = refused(30, "groundtruth", example.toString(), "--axis", "uplink=1Mbps:10Mbps:1e10", "-o",
                out.toString());
        assertTrue(line.contains("--axis uplink") && line.contains("10000000"), line);
        assertFalse(Files.exists(out));
    }

    @Test
    void traceNamingExit9999OnOneRowIsRefusedWithoutAllocatingSamplesTimesExits() throws Exception {
        StringBuilder csv = new StringBuilder("sample,exit,confidence\n");
        for (int t = 0; t < 200_000; t++) {
            csv.append('s').append(t).append(",0,0.5\n");
        }
        csv.append("s0,9999,0.9\n");
        Path trace = writeText("trace.csv", csv.toString());
        String line = refused(30, "online", trace.toString());
        assertTrue(line.contains("has no row for exit 1"), line);
    }

    @Test
    void multiUserWithTwoMillionUnitsIsRefusedAtValidation() throws Exception {
        String text = InstanceJson.write(Instance.of("p4", RandomMultiUserInstances.random(1, 3, 4, 4, 3,
                RandomMultiUserInstances.Source.DRAWN, RandomMultiUserInstances.Constraints.NONE)));
        Path file = writeText("p4.json", text.replaceAll("\"computeUnits\" : \\d+", "\"computeUnits\" : 2000000")
                .replaceAll("\"bandwidthUnits\" : \\d+", "\"bandwidthUnits\" : 2000000"));
        for (String solver : List.of("dp", "greedy", "ara")) {
            String line = refused(30, "solve", file.toString(), "--solver", solver);
            assertTrue(line.contains("$.computeUnits: must be in [1, 100000], got 2000000"), line);
        }
    }

    @Test
    void branchAndBoundOnA200000LayerChainIsRefusedNotAStackOverflow() throws Exception {
        Path file = write("p5.json", Instance.of("p5", RandomUploadInstances.random(1, RandomGraphs.Shape.CHAIN,
                200_000, UploadMode.PARALLEL, RandomPartitionInstances.WeightMode.LATENCY)));
        String line = refused(120, "solve", file.toString(), "--solver", "branch-and-bound");
        assertTrue(line.contains("at most 5000"), line);
    }

    // ---- item 2: hangs ------------------------------------------------------------------------------

    @Test
    void stoppingOn200000LayersIsRefused() throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(InstanceJson.write(Instance.of("s",
                RandomStoppingInstances.random(1, 5))));
        ArrayNode layers = (ArrayNode) root.get("layers");
        ObjectNode first = (ObjectNode) layers.get(0);
        layers.removeAll();
        for (int i = 0; i < 200_000; i++) {
            layers.add(first.deepCopy().put("id", "l" + i));
        }
        Path file = writeText("stop.json", Json.MAPPER.writeValueAsString(root));
        String line = refused(120, "stopping", file.toString(), "--csv", keep.toString(), "--force");
        assertTrue(line.contains("$.layers: at most 1000 layers"), line);
    }

    @Test
    void scipOnA200000LayerChainWithoutTimeLimitIsRefused() throws Exception {
        Path file = write("p1.json", Instance.of("p1", RandomPartitionInstances.partition(1,
                RandomGraphs.Shape.CHAIN, 200_000, RandomPartitionInstances.WeightMode.LATENCY)));
        String line = refused(120, "solve", file.toString(), "--solver", "ortools-milp:scip");
        assertTrue(line.contains("at most 5000 layers"), line);
    }

    @Test
    void devZeroIsRefusedQuickly() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        assertTrue(refused(30, "solve", "/dev/zero", "--solver", "mincut").contains("NUL byte at byte offset 0"));
        assertTrue(refused(30, "online", "/dev/zero").contains("NUL byte at byte offset 0"));
    }

    // ---- item 3: internal errors, output paths ------------------------------------------------------

    @Test
    void groundTruthThreadsAndGridOverflowAreRefused() throws Exception {
        for (String threads : List.of("2147483647", "268435456")) {
            Path out = dir.resolve("t" + threads + ".jsonl");
            String line = refused(30, "groundtruth", example.toString(), "--axis", "uplink=1Mbps:10Mbps:10",
                    "--threads", threads, "--quiet", "-o", out.toString());
            assertTrue(line.startsWith("cleave: --threads: must be in [1, 1024]"), line);
        }
        String line = refused(30, "groundtruth", example.toString(), "--axis", "uplink=1Mbps:10Mbps:100000",
                "--axis", "downlink=1Mbps:10Mbps:100000", "--quiet", "-o", dir.resolve("g.jsonl").toString());
        assertTrue(line.contains("1.000e+10 states"), line);
    }

    @Test
    void greedyWithLargestIntUnitsIsRefused() throws Exception {
        String text = InstanceJson.write(Instance.of("p4", RandomMultiUserInstances.random(2, 3, 4, 4, 3,
                RandomMultiUserInstances.Source.DRAWN, RandomMultiUserInstances.Constraints.NONE)));
        Path file = writeText("k.json", text.replaceAll("\"computeUnits\" : \\d+", "\"computeUnits\" : 2147483647")
                .replaceAll("\"bandwidthUnits\" : \\d+", "\"bandwidthUnits\" : 2147483647"));
        assertTrue(refused(30, "solve", file.toString(), "--solver", "greedy").contains("$.computeUnits"));
    }

    /** Every command with an output path, with OUT for the path and IN for its instance file. */
    private List<String[]> outputCommands(Path stop) {
        return List.of(
                new String[] {"groundtruth", "IN", "--axis", "uplink=1Mbps:10Mbps:3", "--threads", "1", "--quiet",
                        "-o", "OUT"},
                new String[] {"map", "IN", "--from", "1Mbps", "--to", "10Mbps", "--plot", "OUT.png"},
                new String[] {"generate", "multiuser", "--users", "2", "--units", "4", "-o", "OUT"},
                new String[] {"zoo", "export", "alexnet", "-o", "OUT"},
                new String[] {"online", "--generate", "20", "--regret-csv", "OUT"},
                new String[] {"online", "--generate", "20", "--write-trace", "OUT"},
                new String[] {"stopping", stop.toString(), "--csv", "OUT"});
    }

    private static String[] fill(String[] template, Path in, String out) {
        String[] args = template.clone();
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].equals("IN") ? in.toString() : args[i].replace("OUT", out);
        }
        return args;
    }

    @Test
    void badOutputPathsAreSaidInWordsAndNothingIsWritten() throws Exception {
        Path stop = write("stopping.json", Instance.of("s", RandomStoppingInstances.random(3, 4)));
        Path folder = Files.createDirectory(dir.resolve("folder"));
        for (String[] template : outputCommands(stop)) {
            String missing = dir.resolve("missing").resolve("out").toString();
            assertTrue(refused(30, fill(template, example, missing)).contains("does not exist"));
            assertFalse(Files.exists(dir.resolve("missing")));
            String underFile = keep.resolve("out").toString();
            assertTrue(refused(30, fill(template, example, underFile)).contains("which is a file, not a directory"));
            if (!template[0].equals("map")) {
                String line = refused(30, fill(template, example, folder.toString()));
                assertTrue(line.contains("is a directory, expected a file name"), line);
            }
        }
        // an existing file (a directory named like the output, a file Cleave did not write)
        Files.createDirectory(dir.resolve("profile.png"));
        assertTrue(refused(30, "map", example.toString(), "--from", "1Mbps", "--to", "10Mbps", "--plot",
                dir.resolve("profile.png").toString()).contains("is a directory, expected a file name"));
        Path keepPng = dir.resolve("keep.png");
        Files.write(keepPng, KEPT);
        assertTrue(refused(30, "map", example.toString(), "--from", "1Mbps", "--to", "10Mbps", "--plot",
                keepPng.toString()).contains("already exists"));
        assertArrayEquals(KEPT, Files.readAllBytes(keepPng));
        for (String[] cmd : List.of(new String[] {"generate", "multiuser", "--users", "2", "--units", "4", "-o"},
                new String[] {"zoo", "export", "alexnet", "-o"}, new String[] {"online", "--generate", "20",
                        "--regret-csv"}, new String[] {"online", "--generate", "20", "--write-trace"},
                new String[] {"stopping", stop.toString(), "--csv"}, new String[] {"groundtruth",
                        example.toString(), "--axis", "uplink=1Mbps:10Mbps:3", "--quiet", "-o"})) {
            List<String> args = new ArrayList<>(List.of(cmd));
            args.add(keep.toString());
            refused(30, args.toArray(String[]::new));
        }
        // the instance itself, even with --force
        byte[] instance = Files.readAllBytes(stop);
        assertTrue(refused(30, "stopping", stop.toString(), "--csv", stop.toString(), "--force")
                .contains("is an input of this run"));
        assertArrayEquals(instance, Files.readAllBytes(stop));
        // compare: a file where the directory should be, a missing parent, a folder holding a user's results.csv
        assertTrue(refused(30, "compare", "--example", "resnet18-two-stages", "--solvers", "mincut", "-o",
                keep.toString()).contains("is a file, expected a directory"));
        assertTrue(refused(30, "compare", "--example", "resnet18-two-stages", "--solvers", "mincut", "-o",
                dir.resolve("no").resolve("out").toString()).contains("does not exist"));
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.write(results.resolve("results.csv"), KEPT);
        assertTrue(refused(30, "compare", "--example", "resnet18-two-stages", "--solvers", "mincut", "-o",
                results.toString()).contains("results.csv already exists"));
        assertArrayEquals(KEPT, Files.readAllBytes(results.resolve("results.csv")));
        try (var files = Files.list(results)) {
            assertEquals(1, files.count(), "nothing partial written");
        }
    }

    @Test
    void readOnlyDirectoryIsSaidInWords() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        assumeTrue(ro.toFile().setWritable(false) && !Files.isWritable(ro),
                "cannot make a read-only directory here (running as root?)");
        try {
            assertTrue(refused(30, "zoo", "export", "alexnet", "-o", ro.resolve("a.json").toString())
                    .contains("permission denied"));
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    // ---- item 4: numbers that overflow ---------------------------------------------------------------

    @Test
    void outputBytesThatOverflowAreRefusedAlikeByEveryExactSolver() throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(InstanceJson.write(Instance.of("p2",
                RandomExitsInstances.exits(1, RandomGraphs.Shape.CHAIN, 6, 2))));
        ((ObjectNode) root.get("model").get("layers").get(2)).put("outputBytes", 1e308);
        Path file = writeText("p2.json", Json.MAPPER.writeValueAsString(root));
        for (String solver : List.of("mincut", "choco", "ortools-milp:scip", "ortools-cpsat")) {
            String line = refused(60, "solve", file.toString(), "--solver", solver);
            assertTrue(line.startsWith("cleave: $.model.layers[2].outputBytes: value 1.0E308"), line);
        }
    }

    // ---- item 5: accepted when it must be refused, overwritten when it must be kept ---------------------

    @Test
    void contentAfterTheFirstJsonValueIsRefusedWithItsPosition() throws Exception {
        String text = Files.readString(example);
        for (String tail : List.of("\0", text, "]]}}")) {
            Path file = writeText("trailing.json", text + tail);
            String line = refused(30, "solve", file.toString(), "--solver", "mincut");
            assertTrue(line.contains("after the JSON document at line ")
                    || line.contains("NUL byte at byte offset " + text.getBytes(StandardCharsets.UTF_8).length), line);
        }
    }

    @Test
    void outputsAreKeptWhenTheRunIsRefused() throws Exception {
        refused(30, "online", "--generate", "10", "--policy", "fixed:99", "--write-trace", keep.toString());
        refused(30, "online", "--generate", "10", "--policy", "fixed:99", "--write-trace", keep.toString(),
                "--force");
        Path out = dir.resolve("gt.jsonl");
        Path meta = dir.resolve("gt.jsonl.meta");
        Files.write(meta, KEPT);
        assertTrue(refused(30, "groundtruth", example.toString(), "--axis", "uplink=1Mbps:10Mbps:3", "--quiet",
                "-o", out.toString()).contains("not a Cleave fingerprint"));
        assertArrayEquals(KEPT, Files.readAllBytes(meta));
        assertFalse(Files.exists(out));
    }

    // ---- item 6: answers that are not answers -----------------------------------------------------------

    @Test
    void answersThatAreNotAnswersAreRefused() throws Exception {
        String stopText = InstanceJson.write(Instance.of("s", RandomStoppingInstances.random(1, 5)));
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(stopText);
        ((ObjectNode) root.get("channel")).putObject("fading").put("type", "rayleigh").put("meanGain", 1e-300);
        Path tiny = writeText("tiny.json", Json.MAPPER.writeValueAsString(root));
        assertTrue(refused(30, "solve", tiny.toString(), "--solver", "osla")
                .contains("$.channel.fading.meanGain"));
        ((ObjectNode) root.get("channel")).putObject("fading").put("type", "nakagami").put("shape", 1e6)
                .put("meanGain", 1e-10);
        Path shape = writeText("shape.json", Json.MAPPER.writeValueAsString(root));
        assertTrue(refused(30, "stopping", shape.toString()).contains("$.channel.fading.shape: must be at most"));
        assertTrue(refused(30, "groundtruth", example.toString(), "--axis", "uplink=1Mbps:10Mbps:2.7", "--quiet",
                "-o", dir.resolve("a.jsonl").toString()).contains("points must be a whole number"));
        Path mu = dir.resolve("mu.json");
        assertTrue(refused(30, "generate", "multiuser", "--users", "2", "--units", "2147483647", "-o",
                mu.toString()).startsWith("cleave: --units: must be in [1, 100000]"));
        assertFalse(Files.exists(mu));
        assertTrue(refused(30, "map", example.toString(), "--from", "10Mbps", "--to", "1Mbps")
                .startsWith("cleave: --to:"));
        assertTrue(refused(30, "solve", example.toString(), "--solver", "mincut", "--time-limit", "-10s")
                .contains("--time-limit"));
        Run r = run(30, "online", "--generate", "100", "--alpha", "1", "--lambda", "0", "--offload", "0");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("cost reduction n/a"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
    }

    // ---- item 7: unclear messages -------------------------------------------------------------------------

    @Test
    void filesThatAreNotUtf8AreNamedWithTheByteOffset() throws Exception {
        String text = Files.readString(example);
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, text.replace("\"resnet18-two-stages\"", "\"caf\u00e9\"")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(refused(30, "solve", latin1.toString(), "--solver", "mincut")
                .matches("cleave: .*latin1.json: not UTF-8: invalid byte sequence 0xE9 at byte offset \\d+.*"));
        Path utf16 = dir.resolve("utf16.json");
        Files.write(utf16, text.getBytes(StandardCharsets.UTF_16));
        assertTrue(refused(30, "solve", utf16.toString(), "--solver", "mincut").contains("UTF-16 byte-order mark"));
        Path overlong = dir.resolve("overlong.json");
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        byte[] o = new byte[b.length + 2];
        System.arraycopy(b, 0, o, 0, 20);
        o[20] = (byte) 0xC0;
        o[21] = (byte) 0xAF;
        System.arraycopy(b, 20, o, 22, b.length - 20);
        Files.write(overlong, o);
        assertTrue(refused(30, "solve", overlong.toString(), "--solver", "mincut")
                .contains("not UTF-8: invalid byte sequence 0xC0 at byte offset 20"));
    }

    @Test
    void unreadableFileSaysPermissionDenied() throws Exception {
        Path file = Files.copy(example, dir.resolve("secret.json"));
        assumeTrue(file.toFile().setReadable(false) && !Files.isReadable(file),
                "cannot make an unreadable file here (running as root?)");
        try {
            assertTrue(refused(30, "solve", file.toString(), "--solver", "mincut").endsWith("permission denied"));
        } finally {
            file.toFile().setReadable(true);
        }
    }

    @Test
    void otherUnclearMessages() throws Exception {
        assertTrue(refused(30, "compare", "--generate", "partition:seed=abc", "-o", dir.resolve("c").toString())
                .contains("seed must be an integer, got 'abc'"));
        for (String id : List.of("a\nb", "x".repeat(100_000))) {
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(example));
            ArrayNode layers = (ArrayNode) root.get("model").get("layers");
            ((ObjectNode) layers.get(1)).put("id", id);
            layers.add(layers.get(1).deepCopy());
            Path file = writeText("ids.json", Json.MAPPER.writeValueAsString(root));
            String line = refused(30, "solve", file.toString(), "--solver", "mincut");
            assertTrue(line.length() < 500, "not truncated: " + line.length() + " characters");
            assertTrue(line.contains("duplicate id"), line);
        }
        String line = refused(30, "frobnicate");
        assertTrue(line.contains("unknown command 'frobnicate'") && line.contains("try 'cleave --help'")
                && !line.contains("cleave cleave"), line);
        assertTrue(refused(30, "zoo", "export", "--frob").contains("try 'cleave zoo export --help'"));
    }
}
