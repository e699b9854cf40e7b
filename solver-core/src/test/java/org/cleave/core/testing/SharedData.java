package org.cleave.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the shared data (the MSR layer graphs and the {@code onnx/} models), which the
 * repository never holds a copy of: {@code $CLEAVE_DATA} when set, else {@code shared/data} beside
 * the repository root (the folder holding {@code mvnw}), i.e. {@code ../shared/data} seen from the
 * root. Tests skip, with the reason, when a file is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data folder (it may not exist). */
    public static Path dir() {
        String override = System.getenv("CLEAVE_DATA");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        return root == null || root.getParent() == null ? Path.of("/nonexistent")
                : root.getParent().resolve("shared").resolve("data");
    }

    /** The folder of the shared ONNX models (it may not exist). */
    public static Path onnx() {
        return dir().resolve("onnx");
    }
}
