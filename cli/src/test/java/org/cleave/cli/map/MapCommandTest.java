package org.cleave.cli.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.cli.Cleave;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.instances.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsEveryPieceOfTheMap() {
        assertEquals(0, run("map", "--example", "resnet18-two-stages", "--from", "0.1Mbps", "--to", "10Gbps"),
                err.toString());
        BandwidthMap map = BandwidthMap.of((PartitionProblem) Examples.load("resnet18-two-stages").problem(), 1e5, 1e10);
        String text = out.toString();
        assertTrue(text.contains("pieces     " + map.pieces().size()), text);
        assertTrue(text.contains("100kbps") && text.contains("10Gbps"), text);
        for (BandwidthMap.Piece piece : map.pieces()) {
            assertTrue(text.contains(MapCommand.rate(piece.toUplinkBitsPerSecond())), text);
        }
    }

    @Test
    void drawsPngAndSvg(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("map.png");
        Path svg = dir.resolve("map.svg");
        assertEquals(0, run("map", "--example", "resnet18-two-stages", "--plot", png.toString()), err.toString());
        assertEquals(0, run("map", "--example", "resnet18-two-stages", "--plot", svg.toString()), err.toString());
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void badRatesAndRangesExitWithTwo() {
        assertEquals(2, run("map", "--example", "resnet18-two-stages", "--from", "fast"));
        assertTrue(err.toString().contains("0.1Mbps"), err.toString());
        assertEquals(2, run("map", "--example", "resnet18-two-stages", "--from", "1Gbps", "--to", "1Mbps"));
        assertTrue(err.toString().contains("--to: must be finite and above --from"), err.toString());
        assertEquals(2, run("map", "--example", "resnet18-two-stages", "--plot", "map.pdf"));
        assertTrue(err.toString().contains(".png or .svg"), err.toString());
        assertEquals(2, run("map", "no-such-file.json"));
        assertTrue(!err.toString().contains("Exception in thread"), err.toString());
    }

    @Test
    void parsesRates() {
        BandwidthConverter c = new BandwidthConverter();
        assertEquals(1e5, c.convert("0.1Mbps"));
        assertEquals(1e10, c.convert("10Gbps"));
        assertEquals(5e5, c.convert("500kbps"));
        assertEquals(2e6, c.convert("2e6"));
        assertEquals(18.88e6, c.convert("18.88 Mbps"), 1e-6);
    }
}
