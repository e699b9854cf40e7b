package org.cleave.cli.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleave.cli.Cleave;
import org.cleave.core.model.CostWeights;
import org.cleave.core.stopping.RandomStoppingInstances;
import org.cleave.core.stopping.StoppingInstances;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoppingCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsThresholdsPoliciesAndWritesTheCsv() throws Exception {
        Path file = dir.resolve("mlp.json");
        InstanceJson.write(Instance.of("mlp", StoppingInstances.mlp(5, 256, 1e8, 0.5,
                StoppingInstances.rayleighChannel(5), new CostWeights(1, 0.3), 5e-3, 0.05, 1e-9, 1000)), file);
        Path csv = dir.resolve("curve.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = run(out, err, "stopping", file.toString(), "--csv", csv.toString());
        assertEquals(0, status, err.toString());
        String text = out.toString();
        for (String s : new String[] {"m*", "closed form m*", "bi threshold", "backward-induction", "osla",
                "static-split", "offload-raw", "device-only"}) {
            assertTrue(text.contains(s), s + " missing in\n" + text);
        }
        var lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("stage,after,tensorBytes,biThreshold"), lines.get(0));
        assertTrue(lines.size() >= 2, lines.toString());
    }

    @Test
    void badPlacementIsOneLineAndStatus2() throws Exception {
        Path file = dir.resolve("r.json");
        InstanceJson.write(Instance.of("r", RandomStoppingInstances.random(2, 3)), file);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "stopping", file.toString(), "--device-layers", "9"));
        assertTrue(err.toString().startsWith("cleave: --device-layers"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }
}
