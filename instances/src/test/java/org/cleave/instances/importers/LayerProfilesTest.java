package org.cleave.instances.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.algorithms.partition.EnumerationPartitionSolver;
import org.cleave.algorithms.partition.MinCutPartitionSolver;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Verifier;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.zoo.Zoo;
import org.junit.jupiter.api.Test;

class LayerProfilesTest {
    private static final String CSV = """
            # a diamond with measured times on two layers
            id,name,predecessors,flops,outputBytes,paramBytes,measuredDeviceSeconds,measuredEdgeSeconds
            in,input,,0,1000,0,,
            a,conv a,in,2e6,800,10,0.5,0.001
            b,conv b,in,4e6,600,10,,
            out,sum,a;b,1e6,40,0,,
            """;

    @Test
    void csvAndJsonReadTheSameModelAndMeasuredTimesWin() {
        ProfiledModel csv = LayerProfiles.readCsv(CSV, "t.csv");
        String json = """
                {"source": "t.json", "layers": [
                  {"id": "in", "name": "input", "flops": 0, "outputBytes": 1000},
                  {"id": "a", "name": "conv a", "predecessors": ["in"], "flops": 2e6, "outputBytes": 800,
                   "paramBytes": 10, "measuredDeviceSeconds": 0.5, "measuredEdgeSeconds": 0.001},
                  {"id": "b", "name": "conv b", "predecessors": ["in"], "flops": 4e6, "outputBytes": 600, "paramBytes": 10},
                  {"id": "out", "name": "sum", "predecessors": ["a", "b"], "flops": 1e6, "outputBytes": 40}]}
                """;
        ProfiledModel js = LayerProfiles.readJson(json, "t.json");
        assertEquals(csv.graph(), js.graph());
        assertEquals("conv a", csv.names().get("a"));
        DnnGraph g = csv.graph();
        Device d = new Device(1e9, 1, 1, 1);
        assertEquals(0.5, d.seconds(g.layer(g.indexOf("a")), 0), "measured device time overrides flops / rate");
        assertEquals(4e-3, d.seconds(g.layer(g.indexOf("b")), 0), 1e-15);
        assertEquals(0.001, new EdgeServer(1e12).seconds(g.layer(g.indexOf("a"))));
        assertEquals(csv.graph(), LayerProfiles.readCsv(LayerProfiles.toCsv(g), "again").graph());
    }

    @Test
    void aZooModelRoundTripsThroughCsvAndSolves() {
        DnnGraph g = Zoo.get("googlenet").blockGraph();
        DnnGraph back = LayerProfiles.readCsv(LayerProfiles.toCsv(g), "googlenet.csv").graph();
        assertEquals(g, back);
        PartitionProblem p = new PartitionProblem(back, new Device(5e9, 3, 2, 1), new EdgeServer(1e12),
                new Link(5.85e6, 5.85e6, 0));
        assertTrue(Verifier.close(new MinCutPartitionSolver().solve(p).objective(),
                new EnumerationPartitionSolver().solve(p).objective(), 1e-9));
    }

    @Test
    void badRowsNameLineAndColumn() {
        String bad = CSV.replace("4e6", "four");
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> LayerProfiles.readCsv(bad, "t.csv"));
        assertTrue(e.getMessage().contains("t.csv:5.flops") && e.getMessage().contains("four"), e.getMessage());
        String dangling = CSV.replace("a;b", "a;c");
        e = assertThrows(InvalidInstanceException.class, () -> LayerProfiles.readCsv(dangling, "t.csv"));
        assertTrue(e.getMessage().contains("\"c\""), e.getMessage());
        String negative = CSV.replace(",0.5,", ",-0.5,");
        e = assertThrows(InvalidInstanceException.class, () -> LayerProfiles.readCsv(negative, "t.csv"));
        assertTrue(e.getMessage().contains("measuredDeviceSeconds") && e.getMessage().contains("-0.5"), e.getMessage());
        e = assertThrows(InvalidInstanceException.class, () -> LayerProfiles.readCsv("id,flops\n", "t.csv"));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        e = assertThrows(InvalidInstanceException.class,
                () -> LayerProfiles.readJson("{\"layers\": [{\"id\": \"in\", \"flops\": 0, \"outputBytes\": 1, \"x\": 2}]}", "j"));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
    }
}
