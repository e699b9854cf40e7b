package org.cleave.cli.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleave.cli.Cleave;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
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

    @Test
    void writesTheCompactFormByDefaultAndTheExplicitOneOnRequest(@TempDir Path dir) throws Exception {
        Path compact = dir.resolve("compact.json");
        Path explicit = dir.resolve("explicit.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] common = {"generate", "multiuser", "--users", "5", "--units", "4", "--seed", "3", "--models",
                "resnet18-exits,chain-6", "--network", "4g"};
        assertEquals(0, run(out, err, concat(common, "-o", compact.toString())), err.toString());
        assertEquals(0, run(out, err, concat(common, "--explicit-options", "-o", explicit.toString())),
                err.toString());
        String c = Files.readString(compact);
        String e = Files.readString(explicit);
        assertTrue(c.contains("\"models\"") && c.contains("\"model\" : \"resnet18-exits\"") && !c.contains("\"options\""),
                c.substring(0, 400));
        assertTrue(e.contains("\"options\"") && !e.contains("\"model\" :") && !e.contains("\"graph\""),
                e.substring(0, 400)); // (metadata.models names the generator's --models in both)
        assertTrue(c.length() * 10 < e.length(), c.length() + " vs " + e.length() + " characters");
        assertEquals(InstanceJson.read(explicit).problem(), InstanceJson.read(compact).problem());
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        assertEquals(0, run(a, err, "solve", compact.toString(), "--solver", "dp", "--json"), err.toString());
        assertEquals(0, run(b, err, "solve", explicit.toString(), "--solver", "dp", "--json"), err.toString());
        assertEquals(Json.MAPPER.readTree(b.toString()).get("plan"), Json.MAPPER.readTree(a.toString()).get("plan"));
        assertEquals(Json.MAPPER.readTree(b.toString()).get("objective"),
                Json.MAPPER.readTree(a.toString()).get("objective"));
    }

    @Test
    void solveNamesTheJsonPathOfAnUndeclaredModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mu.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "generate", "multiuser", "--users", "4", "--units", "4", "-o", file.toString()),
                err.toString());
        Files.writeString(file, Files.readString(file).replace("\"model\" : \"chain-8\"", "\"model\" : \"r19\""));
        err = new StringWriter();
        assertEquals(2, run(out, err, "solve", file.toString(), "--solver", "dp"));
        assertTrue(err.toString().contains("$.users[1].model: no model \"r19\" in models; declared: chain-12, chain-8"),
                err.toString());
        assertTrue(!err.toString().contains("\tat "), err.toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
