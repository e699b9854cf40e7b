package org.cleave.workflows.report;

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
        h.put("cleave", version());
        h.put("gitCommit", gitCommit());
        h.put("jgrapht", mavenVersion("org.jgrapht", "jgrapht-core"));
        h.put("ortools", mavenVersion("com.google.ortools", "ortools-java"));
        h.put("choco", mavenVersion("org.choco-solver", "choco-solver"));
        h.put("commonsMath", mavenVersion("org.apache.commons", "commons-math3"));
        h.put("commonsStatistics", mavenVersion("org.apache.commons", "commons-statistics-distribution"));
        h.put("seeds", seeds);
        return h;
    }

    /** The version in a jar's Maven metadata, or "absent" when the library is not on the class path. */
    static String mavenVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (var in = RunHeader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "absent";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String physicalMemory() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return String.valueOf(sun.getTotalMemorySize());
        }
        return "unknown";
    }

    /** Cleave's version, from this jar's manifest (every Cleave jar has the same version). */
    private static String version() {
        Package p = RunHeader.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "present (version not in manifest)" : v;
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
