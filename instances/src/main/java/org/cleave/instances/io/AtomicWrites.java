package org.cleave.instances.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary file of an atomic write: every writer of Cleave (instances, plans, labels, reports,
 * profiles) writes beside its target and moves the file into place, so a failing run never leaves a
 * half-written output or clobbers an existing one.
 */
public final class AtomicWrites {
    private AtomicWrites() {
    }

    /**
     * A new, empty hidden file beside {@code target} ({@code .NAME.RANDOM.tmp}). Unlike
     * {@link Files#createTempFile}, which makes files only their owner can read, the file gets the
     * permissions any new file there gets (the process's umask), so the output a user finds after the
     * move is as readable as one written in place.
     */
    public static Path createSibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().normalize().getParent();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(random.nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }
}
