package org.cleave.workflows.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;

/**
 * Writing a whole output file safely: the text goes to a temporary file in the same folder, which
 * is then moved over the target (atomically where the file system can), so that a failing run
 * never leaves a half-written or clobbered output. An existing non-empty target is replaced only
 * when its first line shows that Cleave wrote it (a predicate the caller supplies, e.g. the header
 * of the same table); anything else is left untouched and reported.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Writes {@code text} to {@code target} through a temporary file.
     *
     * @param field       the name used in messages, e.g. {@code out}
     * @param ours        whether a first line marks an existing file as one Cleave wrote
     * @param description what such a file is, for the message, e.g. {@code a cleave evaluate table}
     * @throws IllegalArgumentException {@code field: ...} when the target is a folder, an existing
     *                                  file Cleave did not write, or cannot be written
     */
    public static void replace(Path target, String text, String field, Predicate<String> ours, String description) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(field + ": " + target + " is a folder");
        }
        if (Files.exists(absolute)) {
            String first = firstLine(absolute, field);
            if (first != null && !ours.test(first)) {
                throw new IllegalArgumentException(field + ": " + target + " exists and is not " + description
                        + " (its first line does not look like one); not overwritten");
            }
        }
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(field + ": cannot write " + target + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // best effort: the temporary file was moved or never written
                }
            }
        }
    }

    private static String firstLine(Path file, String field) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.readLine();
        } catch (IOException e) {
            throw new IllegalArgumentException(field + ": " + file + " exists and cannot be read ("
                    + e.getClass().getSimpleName() + "); not overwritten");
        }
    }
}
