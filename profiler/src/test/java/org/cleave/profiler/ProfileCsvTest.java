package org.cleave.profiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCsvTest {
    private static NodeProfile sample() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("data_0", new long[] {1, 3, 224, 224});
        shapes.put("mask", new long[] {1, 7});
        return new NodeProfile("net.onnx", "0123456789abcdef".repeat(4), shapes, 30, 5, 1, 9L,
                "AMD EPYC; 2 cores; Linux amd64; Java Eclipse Adoptium 17.0.12; onnxruntime 1.23.2",
                Instant.parse("2026-12-05T17:00:00.123Z"), Duration.ofMillis(250), List.of(
                        new NodeTiming("Conv_0", "Conv", 30, 1.234e-4, 1.1e-4, 1.3e-4, 1.0e-4, 2.0e-4, 802816,
                                List.of()),
                        new NodeTiming("a,b \"c\"", "Relu", 30, 0, 0, 0, 0, 1.0E-6, 4, List.of()),
                        new NodeTiming("line\nbreak", "Add", 29, 3e-6, 2e-6, 4e-6, 1e-6, 5e-6, 0, List.of())));
    }

    @Test
    void formatIsTheContractsHeaderThenOneRowPerNode() {
        String text = ProfileCsv.format(sample());
        List<String> lines = text.lines().toList();
        assertEquals("# cleave-profile: 1", lines.get(0));
        assertEquals("# model: net.onnx", lines.get(1));
        assertEquals("# modelSha256: " + "0123456789abcdef".repeat(4), lines.get(2));
        assertEquals("# inputShapes: data_0=1x3x224x224,mask=1x7", lines.get(3));
        assertEquals("# runs: 30", lines.get(4));
        assertEquals("# warmup: 5", lines.get(5));
        assertEquals("# threads: 1", lines.get(6));
        assertEquals("# machine: AMD EPYC; 2 cores; Linux amd64; Java Eclipse Adoptium 17.0.12; onnxruntime 1.23.2",
                lines.get(7));
        assertEquals("# date: 2026-12-05T17:00:00.123Z", lines.get(8));
        assertEquals(ProfileCsv.COLUMNS, lines.get(9));
        assertEquals("Conv_0,Conv,30,1.234E-4,1.1E-4,1.3E-4,1.0E-4,2.0E-4,802816", lines.get(10));
        assertEquals("\"a,b \"\"c\"\"\",Relu,30,0.0,0.0,0.0,0.0,1.0E-6,4", lines.get(11));
        assertTrue(text.endsWith("\n") && !text.contains("\r"));
    }

    @Test
    void readGivesBackWhatWasWritten(@TempDir Path dir) {
        NodeProfile p = sample();
        Path file = dir.resolve("p.csv");
        ProfileCsv.write(p, file);
        NodeProfile back = ProfileCsv.read(file);
        assertEquals(p.model(), back.model());
        assertEquals(p.modelSha256(), back.modelSha256());
        assertEquals(List.copyOf(p.inputShapes().keySet()), List.copyOf(back.inputShapes().keySet()));
        p.inputShapes().forEach((k, v) -> assertArrayEquals(v, back.inputShapes().get(k), k));
        assertEquals(p.runs(), back.runs());
        assertEquals(p.warmup(), back.warmup());
        assertEquals(p.threads(), back.threads());
        assertEquals(p.machine(), back.machine());
        assertEquals(p.date(), back.date());
        assertEquals(p.nodes(), back.nodes());
    }

    @Test
    void anExistingFileThatIsNotAProfileIsNeverOverwritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "solver,objective\nmincut,1.0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileCsv.write(sample(), file));
        assertTrue(e.getMessage().contains("not a Cleave profile") && !e.getMessage().contains("\n"), e.getMessage());
        assertEquals("solver,objective\nmincut,1.0\n", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file left behind");
        }
    }

    @Test
    void anOlderProfileIsReplacedWithoutTemporaryLeftovers(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "# cleave-profile: 1\n# model: old.onnx\n");
        ProfileCsv.write(sample(), file);
        assertEquals(ProfileCsv.format(sample()), Files.readString(file, StandardCharsets.UTF_8));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void badProfilesAreOneLineNamingWhatIsWrong() {
        String good = ProfileCsv.format(sample());
        String noHeader = good.replace("# runs: 30\n", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileCsv.parse(noHeader, "x.csv"));
        assertTrue(e.getMessage().contains("# runs:"), e.getMessage());
        String badNumber = good.replace("1.234E-4", "fast");
        e = assertThrows(IllegalArgumentException.class, () -> ProfileCsv.parse(badNumber, "x.csv"));
        assertTrue(e.getMessage().contains("node Conv_0"), e.getMessage());
        String disordered = good.replace(",1.1E-4,1.3E-4,", ",1.3E-4,1.1E-4,");
        e = assertThrows(IllegalArgumentException.class, () -> ProfileCsv.parse(disordered, "x.csv"));
        assertTrue(e.getMessage().contains("Conv_0") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
