package org.cleave.cli.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleave.cli.Cleave;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMultiUserCommandTest {
    private static int run(StringWriter out, StringWriter err, String... args) {
        return Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void generatesAnInstanceThatSolveReadsAndSolves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mu.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "generate", "multiuser", "--users", "6", "--units", "8", "--seed", "7",
                "--models", "chain-10,chain-6", "--network", "4g", "-o", file.toString()), err.toString());
        assertTrue(Files.readString(file).contains("\"family\" : \"multiuser\""));
        out = new StringWriter();
        assertEquals(0, run(out, err, "solve", file.toString(), "--solver", "dp", "--json"), err.toString());
        assertTrue(out.toString().contains("\"computeUnits\""), out.toString());
        assertTrue(out.toString().contains("OPTIMAL"), out.toString());
    }

    @Test
    void rejectsAnUnknownModelWithExitStatus2() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "generate", "multiuser", "--users", "3", "--units", "4", "--models",
                "resnet19", "--network", "4g"));
        assertTrue(err.toString().contains("resnet19"), err.toString());
        assertEquals(2, run(out, err, "generate", "multiuser", "--users", "3", "--units", "4", "--network", "6g"));
        assertTrue(err.toString().contains("6g"), err.toString());
        assertEquals(2, run(out, err, "generate", "multiuser", "--users", "0", "--units", "4"));
        assertTrue(err.toString().contains("cleave: --users: must be >= 1, got 0"), err.toString());
    }

    @Test
    void generatesUsersOfZooModels() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "generate", "multiuser", "--users", "4", "--units", "4", "--seed", "7",
                "--models", "resnet18,mobilenetv2", "--network", "4g"), err.toString());
        assertTrue(out.toString().contains("resnet18") && out.toString().contains("mobilenetv2"), out.toString());
    }
}
