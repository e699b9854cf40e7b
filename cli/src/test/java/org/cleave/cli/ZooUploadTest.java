package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P5 (upload) instances from the zoo: zoo export and compare --zoo with --family upload. */
class ZooUploadTest {
    @TempDir
    Path dir;

    @Test
    void exportsAnUploadInstanceInTheGivenModeWithTheDataTypesWeights() throws Exception {
        Path f8 = dir.resolve("s8.json");
        CliTest.Run r = CliTest.run("zoo", "export", "alexnet", "--family", "upload", "--upload-mode", "serial",
                "--dtype", "int8", "--view", "blocks", "-o", f8.toString());
        assertEquals(0, r.status(), r.err());
        Instance i8 = InstanceJson.read(f8);
        UploadProblem p8 = (UploadProblem) i8.problem();
        assertEquals(UploadMode.SERIAL, p8.mode());
        assertTrue(i8.name().endsWith("-serial"), i8.name());
        Path f32 = dir.resolve("p32.json");
        assertEquals(0, CliTest.run("zoo", "export", "alexnet", "--family", "upload", "--view", "blocks", "-o",
                f32.toString()).status());
        UploadProblem p32 = (UploadProblem) InstanceJson.read(f32).problem();
        assertEquals(UploadMode.PARALLEL, p32.mode());
        double w8 = 0;
        double w32 = 0;
        for (int v = 0; v < p8.graph().size(); v++) {
            w8 += p8.graph().layer(v).paramBytes();
            w32 += p32.graph().layer(v).paramBytes();
        }
        assertEquals(w32 / 4, w8, 1e-9 * w32, "int8 weights are a quarter of float32's");
    }

    @Test
    void anUploadModeNeedsTheUploadFamily() {
        String err = CliTest.badInput("zoo", "export", "alexnet", "--upload-mode", "serial");
        assertTrue(err.startsWith("cleave: --upload-mode"), err);
        String bad = CliTest.badInput("zoo", "export", "alexnet", "--family", "upload", "--upload-mode", "sometimes");
        assertTrue(bad.contains("--upload-mode") && bad.contains("sometimes"), bad);
        String cmp = CliTest.badInput("compare", "--example", "tiny-yolov2-4g", "--solvers", "mincut",
                "--upload-mode", "serial", "-o", dir.resolve("c").toString());
        assertTrue(cmp.contains("--upload-mode"), cmp);
    }
}
