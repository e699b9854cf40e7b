package org.cleave.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Error messages as the user sees them: one line, control characters escaped ({@code \n} as the
 * two characters {@code \n}, others as {@code \u0001}), and every run of more than
 * {@value #MAX_TOKEN} non-blank characters (a 100,000-character id, say) cut to its first
 * {@value #KEEP} characters with the original length stated. I/O failures are said in words,
 * never as an exception class name.
 */
final class OneLine {
    /** Longest run of non-blank characters kept whole. */
    static final int MAX_TOKEN = 200;
    /** Characters kept of a longer run. */
    static final int KEEP = 60;

    private OneLine() {
    }

    /** {@code message} escaped and truncated to one readable line. */
    static String of(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(Math.min(message.length(), 4096));
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = escaped.length();
        while (i < n) {
            int j = i;
            while (j < n && escaped.charAt(j) != ' ') {
                j++;
            }
            if (j - i > MAX_TOKEN) {
                out.append(escaped, i, i + KEEP).append("…(").append(j - i).append(" characters)");
            } else {
                out.append(escaped, i, j);
            }
            if (j < n) {
                out.append(' ');
            }
            i = j + 1;
        }
        return out.toString();
    }

    /** An I/O failure in words: what is wrong with which path. */
    static String describe(Throwable e) {
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        String file = io instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " : "";
        if (io instanceof NoSuchFileException) {
            return file + "no such file or directory";
        }
        if (io instanceof AccessDeniedException) {
            return file + "permission denied";
        }
        if (io instanceof NotDirectoryException) {
            return file + "not a directory";
        }
        if (io instanceof FileAlreadyExistsException) {
            return file + "already exists";
        }
        if (io instanceof DirectoryNotEmptyException) {
            return file + "is a directory that is not empty";
        }
        if (io instanceof FileSystemException fs && fs.getReason() != null) {
            return file + fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = io.getMessage();
        return "input/output error" + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
