package org.cleave.profiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The machine a profile was measured on.
 *
 * @param cpuModel           the CPU model ({@code /proc/cpuinfo}'s "model name" where present, else
 *                           {@code os.arch})
 * @param cores              processors available to the JVM
 * @param os                 {@code os.name os.arch}
 * @param java               {@code java.vm.vendor java.version}
 * @param onnxRuntimeVersion ONNX Runtime's version as its API reports it
 */
public record MachineInfo(String cpuModel, int cores, String os, String java, String onnxRuntimeVersion) {
    /** Validates the fields. */
    public MachineInfo {
        if (cores <= 0) {
            throw new IllegalArgumentException("cores: must be at least 1, got " + cores);
        }
        cpuModel = oneLine(cpuModel, "cpuModel");
        os = oneLine(os, "os");
        java = oneLine(java, "java");
        onnxRuntimeVersion = oneLine(onnxRuntimeVersion, "onnxRuntimeVersion");
    }

    /** This JVM's machine, with the given ONNX Runtime version. */
    public static MachineInfo current(String onnxRuntimeVersion) {
        String arch = System.getProperty("os.arch", "unknown");
        return new MachineInfo(cpuModel(Path.of("/proc/cpuinfo")).orElse(arch),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name", "unknown") + " " + arch,
                System.getProperty("java.vm.vendor", "unknown") + " " + System.getProperty("java.version", "unknown"),
                onnxRuntimeVersion);
    }

    /** The profile's {@code machine} header: {@code CPU; N cores; OS; Java ...; onnxruntime V}. */
    public String describe() {
        return cpuModel + "; " + cores + " cores; " + os + "; Java " + java + "; onnxruntime " + onnxRuntimeVersion;
    }

    static Optional<String> cpuModel(Path cpuinfo) {
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            Map<String, String> fields = new HashMap<>();
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String value = line.substring(colon + 1).strip().replaceAll("\\s+", " ");
                    fields.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), value);
                }
            }
            // x86 writes "model name" ("model" is a number there); ARM kernels may write only
            // "Hardware" or "Model" (e.g. "Raspberry Pi 4 Model B")
            for (String key : new String[] {"model name", "model", "hardware", "cpu model"}) {
                String value = fields.get(key);
                if (value != null && !value.isEmpty() && !value.matches("[0-9]+")) {
                    return Optional.of(value);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String oneLine(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return value.replaceAll("[\\r\\n;]+", " ").strip();
    }
}
