package org.cleave.instances.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the text files Cleave takes as input (instance JSON, trace CSV) with a size cap and a
 * strict UTF-8 decoder, so that every failure is one line in words: a missing file, permission
 * denied, a directory, a file over the cap ({@value #MAX_BYTES} bytes = 64 MiB; checked from the
 * file size before reading, and by counting for devices and pipes, which are refused after reading
 * at most the cap), a NUL byte (not text: {@code /dev/zero} is refused at its first byte), or
 * bytes that are not UTF-8 (with the byte offset of
 * the first bad sequence; a UTF-16 or UTF-32 byte-order mark is named as such). A UTF-8 byte-order
 * mark is dropped. Time O(size), memory O(size) ≤ the cap.
 */
public final class TextFiles {
    /** The largest file read: 64 MiB (a 200,000-layer instance takes about 45 MB). */
    public static final long MAX_BYTES = 64L << 20;

    private TextFiles() {
    }

    /** The text of {@code file}, at most {@link #MAX_BYTES} bytes of UTF-8. */
    public static String readUtf8(Path file) {
        return readUtf8(file, MAX_BYTES);
    }

    /** The text of {@code file}, at most {@code maxBytes} bytes of UTF-8. */
    public static String readUtf8(Path file, long maxBytes) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInstanceException(file + ": is a directory, expected a file");
            }
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw new InvalidInstanceException(file + ": " + Files.size(file) + " bytes, larger than the "
                        + maxBytes + "-byte limit for input files");
            }
            bytes = readBounded(file, maxBytes);
        } catch (IOException e) {
            throw new InvalidInstanceException(describe(file, e));
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInstanceException(file + ": more than " + maxBytes
                    + " bytes, larger than the limit for input files (not a regular file?)");
        }
        return decode(bytes, file.toString());
    }

    /**
     * At most {@code maxBytes} + 1 bytes of {@code file}, read in blocks; a NUL byte (never part
     * of a text file) stops the read at once, so {@code /dev/zero} is refused immediately.
     */
    private static byte[] readBounded(Path file, long maxBytes) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] block = new byte[1 << 16];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; total <= maxBytes && (n = in.readNBytes(block, 0, block.length)) > 0; total += n) {
                if (total == 0) {
                    String bom = byteOrderMark(java.util.Arrays.copyOf(block, n));
                    if (bom != null) {
                        throw new InvalidInstanceException(file + ": not UTF-8: starts with a " + bom
                                + " byte-order mark; save the file as UTF-8");
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (block[i] == 0) {
                        throw new InvalidInstanceException(file + ": not a text file: NUL byte at byte offset "
                                + (total + i));
                    }
                }
                all.write(block, 0, n);
            }
        }
        return all.toByteArray();
    }

    /** {@code bytes} decoded as strict UTF-8; {@code source} names them in the message. */
    public static String decode(byte[] bytes, String source) {
        String bom = byteOrderMark(bytes);
        if (bom != null) {
            throw new InvalidInstanceException(source + ": not UTF-8: starts with a " + bom
                    + " byte-order mark; save the file as UTF-8");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw new InvalidInstanceException(source + ": not UTF-8: invalid byte sequence "
                    + hex(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + r.length())))
                    + " at byte offset " + at + "; save the file as UTF-8");
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw new InvalidInstanceException(source + ": not UTF-8: truncated sequence at the end of the file");
        }
        out.flip();
        return out.toString();
    }

    /** One line in words for an I/O failure on {@code file} (no exception class names). */
    public static String describe(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return file + ": no such file";
        }
        if (e instanceof AccessDeniedException) {
            return file + ": permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return file + ": a part of the path is a file, not a directory";
        }
        if (e instanceof CharacterCodingException) {
            return file + ": not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return file + ": " + fs.getReason();
        }
        String m = e.getMessage();
        return file + ": cannot read" + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static String byteOrderMark(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF
                || b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32";
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF
                || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
            return "UTF-16";
        }
        return null;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte x : bytes) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("0x%02X", x & 0xff));
        }
        return s.toString();
    }
}
