package org.cleave.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random DNN graphs of four shapes. Every graph has an input vertex {@code in} followed
 * by exactly {@code layers} further layers; FLOPs are log-uniform in [1e6, 1e10], output bytes
 * log-uniform in [1e2, 1e7] and parameter bytes log-uniform in [1e3, 1e8]. The same random
 * generator state gives the same graph.
 */
public final class RandomGraphs {
    /** Graph shapes. */
    public enum Shape {
        /** A path: the Neurosurgeon setting. */
        CHAIN,
        /** ResNet-like residual blocks: a two-layer branch joined to an identity or projection shortcut. */
        RESIDUAL,
        /** Inception-like modules: 2–4 parallel branches of 1–2 layers joined by a concat. */
        INCEPTION,
        /** Random layered DAG: every layer has a predecessor in the previous level, plus random skips. */
        LAYERED
    }

    private RandomGraphs() {
    }

    /** A graph of the given shape with {@code layers >= 1} layers after the input. */
    public static DnnGraph generate(Shape shape, int layers, SplittableRandom rng) {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        return switch (shape) {
            case CHAIN -> chain(layers, rng);
            case RESIDUAL -> residual(layers, rng);
            case INCEPTION -> inception(layers, rng);
            case LAYERED -> layered(layers, rng);
        };
    }

    /** A chain in → l1 → … → l{layers}. */
    public static DnnGraph chain(int layers, SplittableRandom rng) {
        Draft d = new Draft(rng);
        String cur = d.input();
        for (int i = 0; i < layers; i++) {
            cur = d.layer(cur);
        }
        return d.build();
    }

    /** Residual blocks, then chain layers to reach the count. */
    public static DnnGraph residual(int layers, SplittableRandom rng) {
        Draft d = new Draft(rng);
        String cur = d.layer(d.input());
        int left = layers - 1;
        while (left >= 3) {
            boolean projection = left >= 4 && rng.nextBoolean();
            String a = d.layer(cur);
            String b = d.layer(a);
            String shortcut = projection ? d.layer(cur) : cur;
            cur = d.join(List.of(b, shortcut));
            left -= projection ? 4 : 3;
        }
        for (; left > 0; left--) {
            cur = d.layer(cur);
        }
        return d.build();
    }

    /** Inception modules, then chain layers to reach the count. */
    public static DnnGraph inception(int layers, SplittableRandom rng) {
        Draft d = new Draft(rng);
        String cur = d.layer(d.input());
        int left = layers - 1;
        while (left >= 3) {
            int budget = Math.min(left - 1, 8);
            int branches = 2 + rng.nextInt(Math.min(3, budget - 1));
            List<String> ends = new ArrayList<>();
            int used = 0;
            for (int b = 0; b < branches; b++) {
                int remainingBranches = branches - b - 1;
                int length = (budget - used - 1 >= remainingBranches + 1 && rng.nextBoolean()) ? 2 : 1;
                String end = cur;
                for (int i = 0; i < length; i++) {
                    end = d.layer(end);
                }
                used += length;
                ends.add(end);
            }
            cur = d.join(ends);
            left -= used + 1;
        }
        for (; left > 0; left--) {
            cur = d.layer(cur);
        }
        return d.build();
    }

    /** A random layered DAG whose sinks are joined by a final layer. */
    public static DnnGraph layered(int layers, SplittableRandom rng) {
        Draft d = new Draft(rng);
        List<List<String>> levels = new ArrayList<>();
        String input = d.input();
        levels.add(List.of(input));
        List<String> all = new ArrayList<>();
        int left = layers - 1;
        while (left > 0) {
            int width = Math.min(left, 1 + rng.nextInt(3));
            List<String> level = new ArrayList<>();
            List<String> previous = levels.get(levels.size() - 1);
            for (int i = 0; i < width; i++) {
                String parent = previous.get(rng.nextInt(previous.size()));
                String v = d.layer(parent);
                for (String earlier : all) {
                    if (!earlier.equals(parent) && rng.nextDouble() < 0.15) {
                        d.arc(earlier, v);
                    }
                }
                level.add(v);
            }
            all.addAll(level);
            levels.add(level);
            left -= width;
        }
        List<String> sinks = d.sinks();
        d.join(sinks.isEmpty() ? List.of(input) : sinks);
        return d.build();
    }

    /** Collects layers and arcs with random attributes. */
    private static final class Draft {
        private final SplittableRandom rng;
        private final DnnGraph.Builder builder = DnnGraph.builder();
        private final List<String> ids = new ArrayList<>();
        private final List<String[]> arcs = new ArrayList<>();

        Draft(SplittableRandom rng) {
            this.rng = rng;
        }

        String input() {
            String id = "in";
            builder.addLayer(Layer.input(id, logUniform(1e3, 1e6)));
            ids.add(id);
            return id;
        }

        String layer(String parent) {
            String id = "l" + ids.size();
            builder.addLayer(new Layer(id, logUniform(1e6, 1e10), logUniform(1e2, 1e7), logUniform(1e3, 1e8)));
            ids.add(id);
            arc(parent, id);
            return id;
        }

        String join(List<String> parents) {
            String id = layer(parents.get(0));
            for (int i = 1; i < parents.size(); i++) {
                arc(parents.get(i), id);
            }
            return id;
        }

        void arc(String from, String to) {
            builder.addArc(from, to);
            arcs.add(new String[] {from, to});
        }

        List<String> sinks() {
            java.util.Set<String> withOut = new java.util.HashSet<>();
            for (String[] a : arcs) {
                withOut.add(a[0]);
            }
            return ids.stream().filter(id -> !withOut.contains(id) && !id.equals("in")).toList();
        }

        double logUniform(double lo, double hi) {
            return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
        }

        DnnGraph build() {
            return builder.build();
        }
    }
}
