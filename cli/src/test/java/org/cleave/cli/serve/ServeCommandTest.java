package org.cleave.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code cleave serve} as a process (it reads the real standard input and writes the real
 * standard output): standard output carries exactly one JSON response line per request, and the
 * process ends with status 0 at end of input and after {@code close} without a handle.
 */
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.cleave.cli.Cleave", "serve")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> run(String input) throws Exception {
        Process p = start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "serve ended");
        assertEquals(0, p.exitValue());
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Test
    void answersEveryLineOnStdoutAndEndsWithStatusZeroAtEndOfInput() throws Exception {
        List<String> lines = run("{\"id\":1,\"op\":\"ping\"}\n"
                + "{\"id\":2,\"op\":\"load\",\"zoo\":{\"model\":\"alexnet\"}}\n"
                + "not json\n"
                + "{\"id\":3,\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"cut\":1},\"withOptimum\":true}\n");
        assertEquals(4, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            assertTrue(r.has("ok"), line);
        }
        assertEquals(1, JSON.readTree(lines.get(0)).get("result").get("protocolVersion").asInt());
        assertFalse(JSON.readTree(lines.get(2)).get("ok").asBoolean());
        assertEquals(3, JSON.readTree(lines.get(3)).get("id").asInt());
        assertTrue(JSON.readTree(lines.get(3)).get("result").get("regret").asDouble() >= 0);
    }

    @Test
    void closeWithoutHandleEndsTheProcess() throws Exception {
        Process p = start();
        OutputStream in = p.getOutputStream();
        in.write("{\"id\":1,\"op\":\"close\"}\n".getBytes(StandardCharsets.UTF_8));
        in.flush(); // standard input stays open: the close request alone ends the process
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "serve ended on close");
        assertEquals(0, p.exitValue());
        assertEquals("{\"id\":1,\"ok\":true,\"result\":{\"closed\":[]}}\n", out);
        in.close();
    }
}
