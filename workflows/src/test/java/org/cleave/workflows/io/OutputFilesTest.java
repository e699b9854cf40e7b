package org.cleave.workflows.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
