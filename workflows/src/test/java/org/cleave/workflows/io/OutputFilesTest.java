package org.cleave.workflows.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    /** An output written through a temporary file is as readable as a file created in place (not owner-only). */
    @Test
    void anOutputGetsThePermissionsOfAnyNewFileThere() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path out = dir.resolve("out.json");
        OutputFiles.writeString("out", out, "{}\n");
        assertEquals("{}\n", Files.readString(out));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void siblingsAreHiddenNewFilesInTheTargetsFolder() throws IOException {
        Path target = dir.resolve("labels.csv");
        Path a = OutputFiles.createSibling(target);
        Path b = OutputFiles.createSibling(target);
        assertTrue(a.getFileName().toString().startsWith(".labels.csv.") && a.toString().endsWith(".tmp"), a.toString());
        assertEquals(dir.toAbsolutePath().normalize(), a.getParent());
        assertTrue(!a.equals(b) && Files.size(a) == 0 && Files.size(b) == 0);
    }
}
