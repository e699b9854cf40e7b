package org.cleave.instances.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWritesTest {
    @TempDir
    Path dir;

    @Test
    void siblingsAreHiddenNewFilesInTheTargetsFolder() throws IOException {
        Path target = dir.resolve("labels.csv");
        Path a = AtomicWrites.createSibling(target);
        Path b = AtomicWrites.createSibling(target);
        assertTrue(a.getFileName().toString().startsWith(".labels.csv.") && a.toString().endsWith(".tmp"), a.toString());
        assertEquals(dir.toAbsolutePath().normalize(), a.getParent());
        assertTrue(!a.equals(b) && Files.size(a) == 0 && Files.size(b) == 0);
    }
}
