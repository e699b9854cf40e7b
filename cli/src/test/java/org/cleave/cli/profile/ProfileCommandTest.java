package org.cleave.cli.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cleave.cli.Cleave;
import org.cleave.profiler.NodeProfile;
import org.cleave.profiler.NodeTiming;
import org.cleave.profiler.ProfileCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave profile} on the shared ONNX models (skipped, with the reason, when they are absent). */
class ProfileCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    static Path model(String fileName) {
        String override = System.getenv("CLEAVE_DATA");
        Path data;
        if (override != null && !override.isBlank()) {
            data = Path.of(override);
        } else {
            Path root = Path.of("").toAbsolutePath();
            while (root != null && !Files.exists(root.resolve("mvnw"))) {
                root = root.getParent();
            }
            data = root == null || root.getParent() == null ? Path.of("/nonexistent")
                    : root.getParent().resolve("shared").resolve("data");
        }
        Path file = data.resolve("onnx").resolve(fileName);
        assumeTrue(Files.isRegularFile(file), "shared ONNX model " + file + " is absent (set CLEAVE_DATA)");
        return file;
    }

    /** Exit 2, exactly one line on standard error naming {@code expected}, nothing written. */
    private void assertBadInput(String expected, String... args) {
        Run r = run(args);
        assertEquals(2, r.status(), Arrays.toString(args) + " -> " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line expected: " + r.err());
        assertTrue(lines.get(0).contains(expected), lines.get(0));
        assertFalse(lines.get(0).contains("Exception"), lines.get(0));
        assertFalse(Files.exists(dir.resolve("p.csv")), "a profile was written");
    }

    @Test
    void profilesSqueezenetIntoACsvWithTheContractsHeader() throws IOException {
        Path model = model("light_squeezenet.onnx");
        Path csv = dir.resolve("p.csv");
        Run r = run("profile", model.toString(), "--runs", "5", "--warmup", "1", "-o", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("profiled ") && r.out().contains("light_squeezenet.onnx")
                && r.out().contains("onnxruntime 1.23.2"), r.out());
        assertEquals(1, r.out().lines().count(), r.out());
        NodeProfile p = ProfileCsv.read(csv);
        assertEquals("light_squeezenet.onnx", p.model());
        assertEquals("data_0=1x3x224x224", p.inputShapesText());
        assertEquals(5, p.runs());
        assertEquals(1, p.warmup());
        assertTrue(p.nodes().size() > 60, "rows: " + p.nodes().size());
        for (NodeTiming n : p.nodes()) {
            assertEquals(5, n.runs(), n.node());
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals("# cleave-profile: 1", lines.get(0));
        assertTrue(lines.get(7).startsWith("# machine: ") && lines.get(7).contains(" cores; "), lines.get(7));
    }

    @Test
    void ppOcrClassifierNeedsAndTakesAnInputShape() throws IOException {
        Path model = model("ch_ppocr_mobile_v2.0_cls_infer.onnx");
        assertBadInput("input x of model ch_ppocr_mobile_v2.0_cls_infer.onnx has dynamic dimensions",
                "profile", model.toString(), "--runs", "1", "-o", dir.resolve("p.csv").toString());
        Path csv = dir.resolve("p.csv");
        Run r = run("profile", model.toString(), "--input-shape", "x=1x3x48x192", "--runs", "2", "--warmup", "0",
                "-o", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("x=1x3x48x192", ProfileCsv.read(csv).inputShapesText());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path squeezenet = model("light_squeezenet.onnx");
        String out = dir.resolve("p.csv").toString();
        Path text = dir.resolve("notes.onnx");
        Files.writeString(text, "not a model at all\n");
        assertBadInput("notes.onnx", "profile", text.toString(), "--runs", "1", "-o", out);
        Path cut = dir.resolve("cut.onnx");
        byte[] bytes = Files.readAllBytes(squeezenet);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertBadInput("cut.onnx", "profile", cut.toString(), "--runs", "1", "-o", out);
        assertBadInput("no input image", "profile", squeezenet.toString(), "--input-shape", "image=1x3x224x224",
                "--runs", "1", "-o", out);
        assertBadInput("runs: must be at least 1, got 0", "profile", squeezenet.toString(), "--runs", "0", "-o", out);
        assertBadInput("runs: must be at least 1, got -3", "profile", squeezenet.toString(), "--runs", "-3", "-o",
                out);
        assertBadInput("dimension 1 must be a positive integer", "profile", squeezenet.toString(), "--input-shape",
                "data_0=1x0x224x224", "-o", out);
        assertBadInput("no such file", "profile", dir.resolve("absent.onnx").toString(), "-o", out);
        assertBadInput("does not exist", "profile", squeezenet.toString(), "--runs", "1", "-o",
                dir.resolve("no-such-dir").resolve("p.csv").toString());
        Path other = dir.resolve("results.csv");
        Files.writeString(other, "solver,objective\n");
        Run r = run("profile", squeezenet.toString(), "--runs", "1", "-o", other.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("not a Cleave profile") && r.err().lines().count() == 1, r.err());
        assertEquals("solver,objective\n", Files.readString(other));
    }
}
