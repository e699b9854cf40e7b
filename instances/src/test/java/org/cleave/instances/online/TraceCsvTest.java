package org.cleave.instances.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.Trace;
import org.cleave.instances.io.InvalidInstanceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceCsvTest {
    private static Trace read(String text) throws IOException {
        return TraceCsv.read(new StringReader(text), "t.csv");
    }

    @Test
    void roundTripsAGeneratedTrace(@TempDir Path dir) {
        Trace trace = RandomOnlineInstances.DEFAULT.generate(300, 4);
        Path file = dir.resolve("trace.csv");
        TraceCsv.write(trace, file);
        Trace back = TraceCsv.read(file);
        assertEquals(trace.size(), back.size());
        assertEquals(trace.exits(), back.exits());
        assertTrue(back.hasCorrectness());
        for (int t = 0; t < trace.size(); t++) {
            assertEquals(trace.sampleId(t), back.sampleId(t));
            for (int i = 0; i < trace.exits(); i++) {
                assertEquals(trace.confidence(t, i), back.confidence(t, i));
                assertEquals(trace.correct(t, i), back.correct(t, i));
            }
        }
    }

    @Test
    void readsRowsInAnyOrderWithoutCorrectness() throws IOException {
        Trace t = read("# a comment\n\nsample, exit, confidence\nb,1,0.9\na,1,0.8\nb,0,0.4\na,0,1\n");
        assertEquals(2, t.size());
        assertEquals(2, t.exits());
        assertEquals("b", t.sampleId(0));
        assertEquals(0.4, t.confidence(0, 0));
        assertEquals(1.0, t.confidence(1, 0));
        assertFalse(t.hasCorrectness());
        StringWriter w = new StringWriter();
        TraceCsv.write(t, w);
        assertEquals("sample,exit,confidence\nb,0,0.4\nb,1,0.9\na,0,1.0\na,1,0.8\n", w.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad header|sample,layer,confidence\\n|t.csv: line 1, expected the header \"sample,exit,confidence\" or"
                + " \"sample,exit,confidence,correct\", got \"sample,layer,confidence\"",
        "empty|\\n|t.csv: empty file, expected the header \"sample,exit,confidence,correct\" (correct optional) and"
                + " one row per sample and exit",
        "no rows|sample,exit,confidence\\n|t.csv: no rows after the header",
        "columns|sample,exit,confidence,correct\\ns0,0,0.5\\n|t.csv: line 2, expected 4 columns"
                + " (sample,exit,confidence,correct), got 3",
        "exit|sample,exit,confidence\\ns0,x,0.5\\n|t.csv: line 2, column exit: must be an integer in [0, 9999],"
                + " got \"x\"",
        "negative exit|sample,exit,confidence\\ns0,-1,0.5\\n|t.csv: line 2, column exit: must be an integer in"
                + " [0, 9999], got \"-1\"",
        "confidence|sample,exit,confidence\\ns0,0,0.5\\ns0,1,1.3\\n|t.csv: line 3, column confidence: must be a"
                + " number in [0, 1], got \"1.3\"",
        "NaN|sample,exit,confidence\\ns0,0,NaN\\n|t.csv: line 2, column confidence: must be a number in [0, 1],"
                + " got \"NaN\"",
        "correct|sample,exit,confidence,correct\\ns0,0,0.5,yes\\n|t.csv: line 2, column correct: must be 1, 0, true"
                + " or false, got \"yes\"",
        "empty correct|sample,exit,confidence,correct\\ns0,0,0.5,\\n|t.csv: line 2, column correct: must be 1, 0,"
                + " true or false, got \"\"",
        "sample|sample,exit,confidence\\n,0,0.5\\n|t.csv: line 2, column sample: must be a non-empty id, got \"\"",
        "duplicate|sample,exit,confidence\\ns0,0,0.5\\ns0,1,0.5\\ns0,0,0.6\\n|t.csv: line 4, column exit: sample"
                + " \"s0\" already has exit 0 (line 2)",
        "missing|sample,exit,confidence\\ns0,0,0.5\\ns0,1,0.5\\ns1,1,0.6\\n|t.csv: sample \"s1\" (first at line 4)"
                + " has no row for exit 0; every sample needs exits 0 to 1",
    })
    void namesLineColumnAndValue(String label, String text, String message) {
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> read(text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage(), label);
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("none.csv");
        assertEquals(missing + ": no such file",
                assertThrows(InvalidInstanceException.class, () -> TraceCsv.read(missing)).getMessage());
        assertFalse(Files.exists(missing));
    }
}
