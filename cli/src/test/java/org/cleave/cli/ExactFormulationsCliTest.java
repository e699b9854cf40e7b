package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.cleave.instances.io.Json;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cleave solve --example resnet18-two-stages --solver ID --json} with the MILP and CP
 * formulations: OPTIMAL, verified, and the same objective and plan as {@code mincut} (1e-9
 * relative). The OR-Tools ids are skipped (not passed) without the natives. HiGHS is covered by
 * the module tests and left out here: it prints a banner on the process's native stdout.
 */
class ExactFormulationsCliTest {
    private static JsonNode solve(String solverId) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), "solve", "--example",
                "resnet18-two-stages", "--solver", solverId, "--json", "--time-limit", "60s");
        assertEquals(0, code, solverId + ": " + err);
        return Json.MAPPER.readTree(out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ortools-milp:scip", "ortools-milp:cbc", "ortools-cpsat", "choco"})
    void agreesWithMinCutOnTheExample(String solverId) throws Exception {
        if (solverId.startsWith("ortools")) {
            Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
        }
        JsonNode reference = solve("mincut");
        JsonNode r = solve(solverId);
        assertEquals("OPTIMAL", r.get("status").asText(), r.toString());
        assertTrue(r.get("verified").asBoolean(), r.toString());
        double a = reference.get("objective").asDouble();
        double b = r.get("objective").asDouble();
        assertTrue(Math.abs(a - b) <= 1e-9 * Math.max(a, b), "mincut " + a + " vs " + solverId + " " + b);
        assertEquals(reference.get("plan"), r.get("plan"), solverId);
        assertTrue(r.get("bound").asDouble() <= b * (1 + 1e-9), r.toString());
    }
}
