package org.cleave.workflows.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output files written safely, the same way by every command.
 *
 * <p><b>Check first.</b> {@link #check} refuses, in words and before any work is done: a target
 * that is a directory, a target whose folder is missing or is a regular file, a folder that is
 * not writable, a target that is one of the run's input files (even with {@code force}), and an
 * existing file unless {@code force} is set. <b>Never overwrite what Cleave did not write.</b>
 * Cleave cannot tell its own earlier output from a user's file with the same name, so the rule is
 * simply: an existing file is kept unless the user passes {@code force} (the command line's
 * {@code --force}). <b>Atomic.</b> {@link #write} writes to a temporary file in the target's
 * folder and moves it into place (an atomic rename where the file system allows), so a failing or
 * interrupted run leaves either the old file or the complete new one; a {@link Batch} writes
 * several files and moves them only once all are rendered.
 *
 * <p>Messages start with the {@code field} the caller names the output by ({@code out},
 * {@code regretCsv}) and state the path and what is wrong with it; they never name an exception
 * class.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Writes one output's bytes to a stream. */
    @FunctionalInterface
    public interface Body {
        /** Writes the content. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks that {@code target} can be written as a file.
     *
     * @param field  the name the caller knows the output by (leads the message)
     * @param target the output file
     * @param force  whether an existing file may be replaced
     * @param inputs the run's input files, never overwritten
     * @throws IllegalArgumentException naming {@code field}, the path and the problem
     */
    public static void check(String field, Path target, boolean force, Collection<Path> inputs) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException(field + ": " + target + " is a directory, expected a file name");
        }
        checkFolder(field, target, abs.getParent());
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) || Files.exists(abs)) {
            for (Path in : inputs) {
                if (in != null && sameFile(abs, in)) {
                    throw new IllegalArgumentException(field + ": " + target + " is an input of this run; choose"
                            + " another output file");
                }
            }
            if (!Files.isRegularFile(abs)) {
                throw new IllegalArgumentException(field + ": " + target + " exists and is not a regular file");
            }
            if (!force) {
                throw new IllegalArgumentException(field + ": " + target + " already exists; Cleave does not"
                        + " overwrite files (pass --force to replace it, or choose another name)");
            }
        }
    }

    /**
     * Checks that {@code dir} can hold outputs: it is a writable directory, or it does not exist
     * and its parent is a writable directory (it is then created by {@link #createDirectory}).
     * Each of {@code names} inside it is checked as by {@link #check}.
     */
    public static void checkDirectory(String field, Path dir, boolean force, Collection<Path> inputs,
                                      Collection<String> names) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new IllegalArgumentException(field + ": " + dir + " is a file, expected a directory");
            }
            if (!Files.isWritable(abs)) {
                throw new IllegalArgumentException(field + ": directory " + dir + " is not writable (permission denied)");
            }
            for (String name : names) {
                check(field, dir.resolve(name), force, inputs);
            }
        } else {
            checkFolder(field, dir, abs.getParent());
        }
    }

    /** Creates {@code dir} (one level) if it does not exist. */
    public static void createDirectory(String field, Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(field + ": cannot create directory " + dir + ": " + reason(e));
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} through a temporary file and a move. */
    public static void writeString(String field, Path target, CharSequence text) {
        write(field, target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code body} to {@code target} through a temporary file in the same folder and a move. */
    public static void write(String field, Path target, Body body) {
        Batch batch = new Batch(field);
        batch.add(target, body);
        batch.commit();
    }

    /**
     * Several outputs written together: {@link #commit} renders every body to its temporary file
     * and only then moves them all into place; on a failure the temporaries are deleted and no
     * target has been touched (unless the failure is in a later move).
     */
    public static final class Batch {
        private final String field;
        private final Map<Path, Body> outputs = new LinkedHashMap<>();

        /** A batch whose messages lead with {@code field}. */
        public Batch(String field) {
            this.field = field;
        }

        /** Adds an output. */
        public Batch add(Path target, Body body) {
            outputs.put(target, body);
            return this;
        }

        /** Adds a UTF-8 text output. */
        public Batch addString(Path target, CharSequence text) {
            return add(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        }

        /** Renders every output to a temporary file, then moves each into place. */
        public void commit() {
            List<Path[]> moves = new ArrayList<>();
            try {
                for (Map.Entry<Path, Body> o : outputs.entrySet()) {
                    Path target = o.getKey().toAbsolutePath().normalize();
                    Path tmp;
                    try {
                        tmp = org.cleave.instances.io.AtomicWrites.createSibling(target);
                    } catch (IOException e) {
                        throw new IllegalArgumentException(field + ": cannot write in " + target.getParent() + ": "
                                + reason(e));
                    }
                    moves.add(new Path[] {tmp, target});
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        o.getValue().writeTo(out);
                    } catch (IOException e) {
                        throw new IllegalArgumentException(field + ": cannot write " + o.getKey() + ": " + reason(e));
                    }
                }
                for (Path[] m : moves) {
                    move(m[0], m[1]);
                }
            } finally {
                for (Path[] m : moves) {
                    try {
                        Files.deleteIfExists(m[0]);
                    } catch (IOException ignored) {
                        // a leftover hidden temporary file is harmless
                    }
                }
            }
        }

        private void move(Path tmp, Path target) {
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(field + ": cannot write " + target + ": " + reason(e));
            }
        }
    }

    private static void checkFolder(String field, Path target, Path folder) {
        if (folder == null) {
            return;
        }
        if (Files.isDirectory(folder)) {
            if (!Files.isWritable(folder)) {
                throw new IllegalArgumentException(field + ": directory " + folder
                        + " is not writable (permission denied)");
            }
            return;
        }
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p != null && !Files.isDirectory(p)) {
            throw new IllegalArgumentException(field + ": " + target + " lies under " + p
                    + ", which is a file, not a directory");
        }
        throw new IllegalArgumentException(field + ": " + target + ": directory " + folder + " does not exist");
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** What went wrong, in words. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
