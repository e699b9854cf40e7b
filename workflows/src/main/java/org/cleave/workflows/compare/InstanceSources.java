package org.cleave.workflows.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.stopping.RandomStoppingInstances;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.solve.Family;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.cleave.instances.zoo.Zoo;
import org.cleave.core.upload.UploadMode;
import org.cleave.instances.zoo.DataType;
import org.cleave.instances.zoo.ZooInstances;
import org.cleave.instances.zoo.ZooModel;

/**
 * Instance sets for the workflows: files, directories of {@code *.json} files, built-in examples,
 * zoo models crossed with network profiles, and generator specs
 * {@code partition:shape=residual,layers=12,count=20,seed=1[,weights=mixed]}. Messages name the
 * spec key or parameter and its value.
 */
public final class InstanceSources {
    private InstanceSources() {
    }

    /**
     * The instances of {@code paths} (files, or directories whose {@code *.json} files are read in
     * name order), then the built-in {@code examples}, then the instances of each generator spec.
     */
    public static List<Instance> load(List<Path> paths, List<String> examples, List<String> generators) throws IOException {
        List<Instance> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        out.add(InstanceJson.read(f));
                    }
                }
            } else {
                out.add(InstanceJson.read(p));
            }
        }
        for (String e : examples) {
            out.add(Examples.load(e));
        }
        for (String g : generators) {
            out.addAll(generate(g));
        }
        return out;
    }

    /**
     * Zoo models crossed with network profiles: one instance of {@code family} per model and network,
     * with the {@code device} and {@code edge} profiles, the model seen as {@code view}
     * ({@code layers} or {@code blocks}).
     */
    public static List<Instance> zoo(List<String> models, List<String> networks, String device, String edge, String view,
                              String family) {
        return zoo(models, networks, device, edge, view, family, DataType.FLOAT32, List.of());
    }

    /**
     * As {@link #zoo(List, List, String, String, String, String)}, with tensors and weights of type
     * {@code dataType}, and for the upload family one instance per mode of {@code uploadModes} (the
     * name suffixed with the mode; empty: parallel only, no suffix).
     *
     * @throws IllegalArgumentException when upload modes are given for another family
     */
    public static List<Instance> zoo(List<String> models, List<String> networks, String device, String edge, String view,
                              String family, DataType dataType, List<UploadMode> uploadModes) {
        List<Instance> out = new ArrayList<>();
        ZooInstances.View v = switch (view) {
            case "layers" -> ZooInstances.View.LAYERS;
            case "blocks" -> ZooInstances.View.BLOCKS;
            default -> throw new IllegalArgumentException("view: expected layers or blocks, got '" + view + "'");
        };
        Family f = Family.fromKey(family);
        if (!uploadModes.isEmpty() && f != Family.UPLOAD) {
            throw new IllegalArgumentException("mode: upload modes need family upload, got " + family);
        }
        for (String m : models) {
            ZooModel model = Zoo.get(m, dataType);
            for (String n : networks) {
                Instance instance = ZooInstances.of(f, model, v, n, device, edge);
                if (uploadModes.isEmpty()) {
                    out.add(instance);
                }
                for (UploadMode mode : uploadModes) {
                    out.add(ZooInstances.withUploadMode(instance, mode));
                }
            }
        }
        return out;
    }

    /** The keys each generator family understands, in the order they are listed in messages. */
    public static final Map<String, List<String>> GENERATOR_KEYS = Map.of(
            "partition", List.of("shape", "layers", "count", "seed", "weights"),
            "tiers", List.of("shape", "layers", "count", "seed", "weights"),
            "exits", List.of("shape", "layers", "count", "seed", "exits"),
            "throughput", List.of("shape", "layers", "count", "seed", "exits"),
            "upload", List.of("shape", "layers", "count", "seed", "weights", "mode"),
            "multiuser", List.of("users", "units", "options", "count", "seed", "constraints"),
            "stopping", List.of("layers", "count", "seed"));

    /**
     * Instances from a generator spec {@code FAMILY[:key=value,...]}; instance i has seed
     * {@code seed + i} (default seed 1, count 10). Families and keys ({@link #GENERATOR_KEYS}):
     * <ul>
     *   <li>{@code partition} (P1) and {@code tiers} (P1-3T): {@code shape} (chain, residual,
     *   inception, layered; default residual), {@code layers} (default 12), {@code weights}
     *   (latency, energy, mixed, any; default latency);</li>
     *   <li>{@code exits} (P2) and {@code throughput} (P3): {@code shape}, {@code layers} and
     *   {@code exits}, the most early exits (default 3);</li>
     *   <li>{@code upload} (P5): {@code shape}, {@code layers}, {@code weights} and {@code mode}
     *   (parallel, serial, preloaded; default parallel);</li>
     *   <li>{@code multiuser} (P4): {@code users} (default 4), {@code units} = K_F = K_B (default 8),
     *   {@code options} per user (default 6; a random chain with early exits) and
     *   {@code constraints} (none or some: deadlines and accuracy floors; default none);</li>
     *   <li>{@code stopping} (P6): {@code layers} (default 6).</li>
     * </ul>
     *
     * @throws IllegalArgumentException naming the key and value that are wrong
     */
    public static List<Instance> generate(String spec) {
        int colon = spec.indexOf(':');
        String family = colon < 0 ? spec : spec.substring(0, colon);
        List<String> keys = GENERATOR_KEYS.get(family);
        if (keys == null) {
            throw new IllegalArgumentException("family '" + family + "': no generator; known: "
                    + String.join(", ", new java.util.TreeSet<>(GENERATOR_KEYS.keySet())));
        }
        Map<String, String> kv = new LinkedHashMap<>();
        if (colon >= 0 && colon + 1 < spec.length()) {
            for (String part : spec.substring(colon + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected key=value, got '" + part + "'");
                }
                kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        for (String k : kv.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "' for " + family + "; known: "
                        + String.join(", ", keys));
            }
        }
        int count = parseInt("count", kv.getOrDefault("count", "10"));
        long seed = parseSeed(kv.getOrDefault("seed", "1"));
        RandomGraphs.Shape shape = parseEnum(RandomGraphs.Shape.class, "shape", kv.getOrDefault("shape", "residual"));
        RandomPartitionInstances.WeightMode weights = parseEnum(RandomPartitionInstances.WeightMode.class, "weights",
                kv.getOrDefault("weights", "latency"));
        int layers = parseInt("layers", kv.getOrDefault("layers", family.equals("stopping") ? "6" : "12"));
        int exits = parseInt("exits", kv.getOrDefault("exits", "3"));
        UploadMode mode = parseEnum(UploadMode.class, "mode", kv.getOrDefault("mode", "parallel"));
        int users = parseInt("users", kv.getOrDefault("users", "4"));
        int units = parseInt("units", kv.getOrDefault("units", "8"));
        int options = parseInt("options", kv.getOrDefault("options", "6"));
        RandomMultiUserInstances.Constraints constraints = parseEnum(RandomMultiUserInstances.Constraints.class,
                "constraints", kv.getOrDefault("constraints", "none"));
        if (layers > MAX_GENERATED_LAYERS || users > MAX_GENERATED_USERS || units > MAX_GENERATED_UNITS
                || options > MAX_GENERATED_OPTIONS || count > MAX_GENERATED_COUNT) {
            throw new IllegalArgumentException("at most layers=" + MAX_GENERATED_LAYERS + ", users="
                    + MAX_GENERATED_USERS + ", units=" + MAX_GENERATED_UNITS + ", options=" + MAX_GENERATED_OPTIONS
                    + ", count=" + MAX_GENERATED_COUNT + ", got '" + spec + "'");
        }
        String shapeName = shape.name().toLowerCase(Locale.ROOT);
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long s = seed + i;
            var meta = Json.MAPPER.createObjectNode().put("generator", family).put("seed", s);
            kv.forEach((k, v) -> {
                if (!k.equals("seed") && !k.equals("count")) {
                    meta.put(k, v);
                }
            });
            Instance instance = switch (family) {
                case "partition" -> new Instance(shapeName + "-" + layers + "-s" + s, "generated",
                        RandomPartitionInstances.partition(s, shape, layers, weights), meta);
                case "tiers" -> new Instance("tiers-" + shapeName + "-" + layers + "-s" + s, "generated",
                        RandomTiersInstances.tiers(s, shape, layers, weights), meta);
                case "exits" -> new Instance("exits-" + shapeName + "-" + layers + "-s" + s, "generated",
                        RandomExitsInstances.exits(s, shape, layers, exits), meta);
                case "throughput" -> new Instance("throughput-" + shapeName + "-" + layers + "-s" + s, "generated",
                        RandomThroughputInstances.throughput(s, shape, layers, exits), meta);
                case "upload" -> new Instance("upload-" + shapeName + "-" + layers + "-s" + s, "generated",
                        RandomUploadInstances.random(s, shape, layers, mode, weights), meta);
                case "multiuser" -> new Instance("multiuser-" + users + "x" + units + "-s" + s, "generated",
                        RandomMultiUserInstances.random(s, users, units, units, options,
                                RandomMultiUserInstances.Source.CHAIN, constraints), meta);
                case "stopping" -> new Instance("stopping-" + layers + "-s" + s, "generated",
                        RandomStoppingInstances.random(s, layers), meta);
                default -> throw new IllegalStateException(family);
            };
            out.add(instance);
        }
        return out;
    }

    /** Largest {@code layers} of a generator spec. */
    public static final int MAX_GENERATED_LAYERS = 10_000;
    /** Largest {@code users} of a generator spec. */
    public static final int MAX_GENERATED_USERS = 1_000;
    /** Largest {@code units} of a generator spec. */
    public static final int MAX_GENERATED_UNITS = 10_000;
    /** Largest {@code options} of a generator spec. */
    public static final int MAX_GENERATED_OPTIONS = 1_000;
    /** Largest {@code count} of a generator spec. */
    public static final int MAX_GENERATED_COUNT = 100_000;

    private static long parseSeed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be an integer, got '" + value + "'");
        }
    }

    private static int parseInt(String key, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive integer, got '" + value + "'");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
