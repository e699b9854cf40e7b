package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 11: a solve past the progress threshold shows a progress line on stderr (elapsed
 * time; CP-SAT's incumbent and bound), never with {@code --quiet}, and stdout stays clean. The
 * threshold is set to zero here instead of waiting 2 s, so nothing depends on the machine's speed.
 */
class SolveProgressTest {
    record Run(int code, String out, String err) {
    }

    static Run cleave(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @AfterEach
    void restoreTheThreshold() {
        SolveCommand.progressAfter = SolveProgress.SHOW_AFTER;
    }

    @Test
    void aLongSolveShowsElapsedTimeIncumbentAndBoundOnStderr() throws Exception {
        SolveCommand.progressAfter = Duration.ZERO;
        Run r = cleave("solve", "--example", "tiny-yolov2-4g", "--solver", "ortools-cpsat");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("solving with ortools-cpsat: "), r.err());
        assertTrue(r.err().contains(" elapsed, incumbent "), r.err());
        assertTrue(r.err().contains(", bound "), r.err());
        assertTrue(r.err().endsWith("\n"), "the progress line is ended: " + r.err());
        assertFalse(r.out().contains("solving with") || r.out().contains("\r"), r.out());
        assertTrue(r.out().startsWith("instance   tiny-yolov2-4g"), r.out());

        Run json = cleave("solve", "--example", "tiny-yolov2-4g", "--solver", "ortools-cpsat", "--json");
        assertTrue(json.err().contains("solving with ortools-cpsat: "), json.err());
        assertEquals("OPTIMAL", Json.MAPPER.readTree(json.out()).get("status").asText(), json.out());
    }

    @Test
    void solversWithoutIncumbentsShowTheElapsedTime() {
        SolveCommand.progressAfter = Duration.ZERO;
        Run r = cleave("solve", "--example", "tiny-yolov2-4g", "--solver", "mincut");
        assertEquals(0, r.code(), r.err());
        // one redraw per tick (the ticker may or may not have fired before the solve returned), then the last line
        assertTrue(r.err().matches("(\\rsolving with mincut: [0-9.]+ [mµn]?s elapsed {3})+\\n"), r.err());
    }

    @Test
    void quietShowsNothing() {
        SolveCommand.progressAfter = Duration.ZERO;
        Run r = cleave("solve", "--example", "tiny-yolov2-4g", "--solver", "ortools-cpsat", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void aShortSolveUnderTheDefaultThresholdShowsNothing() {
        SolveCommand.progressAfter = Duration.ofHours(1);
        Run r = cleave("solve", "--example", "tiny-yolov2-4g", "--solver", "mincut");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }
}
