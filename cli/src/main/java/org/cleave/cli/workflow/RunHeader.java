package org.cleave.cli.workflow;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a comparison records about where and with what it ran: machine (cores, memory), JVM,
 * Cleave's version and git commit, each solver dependency's version, and the seeds.
 */
public final class RunHeader {
    private RunHeader() {
    }

    /** The header as ordered key/value pairs. */
    public static Map<String, String> collect(String seeds) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("date", Instant.now().toString());
        h.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        h.put("physicalMemoryBytes", physicalMemory());
        h.put("jvmMaxHeapBytes", String.valueOf(Runtime.getRuntime().maxMemory()));
        h.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        h.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        h.put("cleave", version("org.cleave.cli.Cleave"));
        h.put("gitCommit", gitCommit());
        h.put("jgrapht", version("org.jgrapht.Graph"));
        h.put("ortools", version("com.google.ortools.Loader"));
        h.put("choco", version("org.chocosolver.solver.Model"));
        h.put("commonsMath", version("org.apache.commons.math3.util.FastMath"));
        h.put("seeds", seeds);
        return h;
    }

    private static String physicalMemory() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return String.valueOf(sun.getTotalMemorySize());
        }
        return "unknown";
    }

    private static String version(String className) {
        try {
            Package p = Class.forName(className, false, RunHeader.class.getClassLoader()).getPackage();
            String v = p == null ? null : p.getImplementationVersion();
            return v == null ? "present (version not in manifest)" : v;
        } catch (ClassNotFoundException | LinkageError e) {
            return "absent";
        }
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
            }
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && line != null && line.matches("[0-9a-f]{40}")) {
                return line;
            }
        } catch (Exception e) {
            // no git, or not a checkout: fall through
        }
        return "unknown";
    }
}
