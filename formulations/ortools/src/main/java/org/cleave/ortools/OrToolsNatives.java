package org.cleave.ortools;

import com.google.ortools.Loader;
import java.util.Optional;

/**
 * Loads OR-Tools' native libraries once. Where they cannot load (an unsupported platform), every
 * OR-Tools solver answers {@link org.cleave.core.solve.Status#INVALID_INPUT} with
 * {@link #unavailableMessage()} instead of failing, and their tests are skipped (not passed).
 */
public final class OrToolsNatives {
    private static final Optional<String> LOAD_ERROR = load();

    private OrToolsNatives() {
    }

    private static Optional<String> load() {
        try {
            Loader.loadNativeLibraries();
            return Optional.empty();
        } catch (Throwable e) { // UnsatisfiedLinkError, or anything the loader throws on an odd platform
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Whether the native libraries are loaded. */
    public static boolean available() {
        return LOAD_ERROR.isEmpty();
    }

    /**
     * Loads the natives (once per JVM) and returns; call it before any OR-Tools class is used.
     *
     * @throws IllegalArgumentException with {@link #unavailableMessage()} when they cannot load
     *                                  (so a solve ends as INVALID_INPUT, never with an error)
     */
    public static void require() {
        if (!available()) {
            throw new IllegalArgumentException(unavailableMessage());
        }
    }

    /** Why they are not, for messages. */
    public static String unavailableMessage() {
        return "OR-Tools native libraries could not be loaded on " + System.getProperty("os.name") + "/"
                + System.getProperty("os.arch") + " (" + LOAD_ERROR.orElse("loaded") + ")";
    }
}
