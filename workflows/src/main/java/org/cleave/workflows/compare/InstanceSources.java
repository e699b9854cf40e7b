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
import org.cleave.core.partition.RandomPartitionInstances;
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

    /**
     * Instances from a generator spec {@code partition[:key=value,...]} with the keys {@code shape},
     * {@code layers}, {@code count}, {@code seed} and {@code weights}; instance i has seed
     * {@code seed + i}.
     *
     * @throws IllegalArgumentException naming the key and value that are wrong
     */
    public static List<Instance> generate(String spec) {
        int colon = spec.indexOf(':');
        String family = colon < 0 ? spec : spec.substring(0, colon);
        if (!family.equals("partition")) {
            throw new IllegalArgumentException("family '" + family + "': only 'partition' generator specs are supported so far");
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
            if (!List.of("shape", "layers", "count", "seed", "weights").contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k
                        + "'; known: shape, layers, count, seed, weights");
            }
        }
        RandomGraphs.Shape shape = parseEnum(RandomGraphs.Shape.class, "shape", kv.getOrDefault("shape", "residual"));
        RandomPartitionInstances.WeightMode weights = parseEnum(RandomPartitionInstances.WeightMode.class, "weights",
                kv.getOrDefault("weights", "latency"));
        int layers = parseInt("layers", kv.getOrDefault("layers", "12"));
        int count = parseInt("count", kv.getOrDefault("count", "10"));
        long seed = parseSeed(kv.getOrDefault("seed", "1"));
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long s = seed + i;
            var meta = Json.MAPPER.createObjectNode().put("generator", "RandomPartitionInstances.partition")
                    .put("shape", shape.name()).put("layers", layers).put("seed", s).put("weights", weights.name());
            out.add(new Instance(shape.name().toLowerCase(Locale.ROOT) + "-" + layers + "-s" + s, "generated",
                    RandomPartitionInstances.partition(s, shape, layers, weights), meta));
        }
        return out;
    }

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
