package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line's main code names no class of the solver backends: OR-Tools and Choco solvers
 * arrive through {@code ServiceLoader}, so the backends are run-time dependencies only.
 */
class CliImportsTest {
    private static final Pattern BACKEND = Pattern.compile("\\borg\\.cleave\\.(ortools|choco)\\b[.\\w]*");

    @Test
    void mainCodeNamesNoBackendClass() throws IOException {
        Path main = Path.of("src", "main", "java");
        assertTrue(Files.isDirectory(main), "run from the cli module: " + main.toAbsolutePath());
        List<Path> sources;
        try (Stream<Path> s = Files.walk(main)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(sources.size() > 20, "found only " + sources.size() + " sources under " + main.toAbsolutePath());
        List<String> found = new ArrayList<>();
        for (Path p : sources) {
            List<String> lines = read(p);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = BACKEND.matcher(lines.get(i));
                while (m.find()) {
                    found.add(main.relativize(p) + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "cli main code refers to a solver backend");
    }

    @Test
    void theScanFindsABackendReference() {
        Matcher m = BACKEND.matcher("import org.cleave.ortools.multiuser.CpSatMultiUserSolver;");
        assertTrue(m.find());
        assertEquals("org.cleave.ortools.multiuser.CpSatMultiUserSolver", m.group());
        assertTrue(BACKEND.matcher("var s = new org.cleave.choco.ChocoPartitionSolver();").find());
        assertTrue(!BACKEND.matcher("import org.cleave.core.solve.Solvers;").find());
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
