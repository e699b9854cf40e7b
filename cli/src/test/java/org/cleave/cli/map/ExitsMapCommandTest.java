package org.cleave.cli.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.cleave.algorithms.exits.ExitsBandwidthMap;
import org.cleave.cli.Cleave;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.CostWeights;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave map} on a P2 (exits) file exported from the zoo. */
class ExitsMapCommandTest {
    @TempDir
    static Path dir;
    private static Path file;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @BeforeAll
    static void export() {
        file = dir.resolve("b-alexnet-exits.json");
        StringWriter err = new StringWriter();
        assertEquals(0, Cleave.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "zoo",
                "export", "b-alexnet", "--family", "exits", "-o", file.toString()), err.toString());
    }

    @Test
    void printsTheMapOfTheGivenExitSet() {
        assertEquals(0, run("map", file.toString(), "--exits", "exit1,exit2", "--from", "1Mbps", "--to", "1Gbps"),
                err.toString());
        ExitsProblem p = (ExitsProblem) InstanceJson.read(file).problem();
        ExitsBandwidthMap map = ExitsBandwidthMap.of(p, List.of("exit1", "exit2"), 1e6, 1e9);
        String text = out.toString();
        assertTrue(text.contains("exit set   exit1,exit2;"), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "accuracy   %.9g expected, meets minAccuracy",
                p.profile(List.of("exit1", "exit2")).expectedAccuracy())), text);
        assertTrue(text.contains("pieces     " + map.pieces().size() + " "), text);
        assertTrue(text.contains("1Mbps") && text.contains("1Gbps"), text);
        for (ExitsBandwidthMap.Piece piece : map.pieces()) {
            assertTrue(text.contains(MapCommand.rate(piece.toUplinkBitsPerSecond())), text);
            assertTrue(text.contains(String.format(Locale.ROOT, "%-16.9g",
                    map.cost(piece.atTo()))), text);
        }
    }

    @Test
    void noneMapsTheFullModelAndDrawsAPlot() throws Exception {
        Path png = dir.resolve("p2.png");
        assertEquals(0, run("map", file.toString(), "--exits", "none", "--plot", png.toString()), err.toString());
        assertTrue(out.toString().contains("exit set   none (full model); stops: final 1.00000"), out.toString());
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
    }

    @Test
    void rightSizingMapsTheLatencyOfTheTruncatedModelAndReportsTheBound() throws Exception {
        ExitsProblem p = (ExitsProblem) InstanceJson.read(file).problem();
        Path b = dir.resolve("b.json");
        InstanceJson.write(Instance.of("b-alexnet-b", p.withVariant(new ExitsProblem.RightSizing(0.001))), b);
        assertEquals(0, run("map", b.toString(), "--exits", "exit2"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("variant (b) right-sizing"), text);
        assertTrue(text.contains("exit2, model truncated there"), text);
        assertTrue(text.contains("expected latency T (s) of the model truncated at the exit"), text);
        assertTrue(text.contains("maxLatencySeconds 0.00100000000 s not imposed"), text);
        ExitsBandwidthMap map = ExitsBandwidthMap.of(p.withVariant(new ExitsProblem.RightSizing(0.001)),
                List.of("exit2"), 1e5, 1e10);
        assertEquals(2, map.pieces().size());
        assertTrue(map.pieces().get(0).latencyBoundFromBitsPerSecond().isEmpty());
        assertTrue(text.contains(" no "), text);
        assertTrue(text.contains("from " + MapCommand.rate(map.pieces().get(1).latencyBoundFromBitsPerSecond()
                .getAsDouble())), text);
        assertEquals(2, run("map", b.toString(), "--exits", "exit1,exit2"));
        assertTrue(err.toString().contains("variant (b) (right-sizing) truncates the model at one exit"),
                err.toString());
    }

    @Test
    void bestMapsTheBestExitSetOnEachInterval() throws Exception {
        ExitsProblem p = (ExitsProblem) InstanceJson.read(file).problem();
        Path floor = dir.resolve("floor.json");
        ExitsProblem withFloor = p.withVariant(new ExitsProblem.MinCost(
                CostWeights.LATENCY, 0.805, OptionalDouble.of(0.0015)));
        InstanceJson.write(Instance.of("b-alexnet-floor", withFloor), floor);
        assertEquals(0, run("map", floor.toString(), "--exits", "best"), err.toString());
        ExitsBandwidthMap best = ExitsBandwidthMap.best(withFloor, 1e5, 1e10);
        String text = out.toString();
        assertTrue(text.contains("best on each interval, among the 3 exit sets meeting minAccuracy 0.805"), text);
        assertTrue(text.contains("pieces     " + best.pieces().size() + " "), text);
        for (ExitsBandwidthMap.Piece piece : best.pieces()) {
            assertTrue(text.contains(String.join(",", piece.plan().activeExits())), text);
        }
        Path b = dir.resolve("b.json");
        InstanceJson.write(Instance.of("b-alexnet-b", p.withVariant(new ExitsProblem.RightSizing(0.001))), b);
        assertEquals(0, run("map", b.toString(), "--exits", "best"), err.toString());
        assertTrue(out.toString().contains("the most accurate of the 3 candidates"), out.toString());
        assertTrue(out.toString().contains("s imposed;"), out.toString());
    }

    @Test
    void badExitSetsExitWithTwo() {
        assertEquals(2, run("map", file.toString()));
        assertTrue(err.toString().contains("needs --exits") && err.toString().contains("[exit1, exit2]")
                        && err.toString().contains("--exits best"),
                err.toString());
        assertEquals(2, run("map", file.toString(), "--exits", "exit9"));
        assertTrue(err.toString().contains("unknown exit \"exit9\""), err.toString());
        assertEquals(2, run("map", file.toString(), "--exits", "exit1,,exit2"));
        assertTrue(err.toString().contains("comma-separated exit ids"), err.toString());
        assertEquals(2, run("map", file.toString(), "--exits", "exit1,exit1"));
        assertTrue(err.toString().contains("listed twice"), err.toString());
        assertEquals(2, run("map", "--example", "resnet18-two-stages", "--exits", "none"));
        assertTrue(err.toString().contains("--exits applies to P2"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }
}
