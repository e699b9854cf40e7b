package org.cleave.instances.importers;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;

/**
 * Early exits declared for an imported model, which carries none of its own, so that it can be
 * a P2 ({@code exits}) or P3 ({@code throughput}) instance. Each exit is written
 * {@code LAYER:rate=R,accuracy=A[,flops=F]}: it hangs after the imported layer {@code LAYER}
 * (which must be a cut vertex), {@code rate} is its cumulative exit rate, {@code accuracy} the
 * accuracy of the samples stopping there and {@code flops} the FLOPs of the exit branch (default
 * 0). The final classifier is the model's output layer, with rate 1 and accuracy
 * {@code finalAccuracy}; an exit after the output layer is therefore refused. In the block view
 * an exit hangs after the block that ends at {@code LAYER} (a block carries the id of its last
 * layer, the cut vertex).
 *
 * @param exits         the intermediate exits, in the order given
 * @param finalAccuracy accuracy of the final classifier in [0, 1]
 */
public record ImportedExits(List<Exit> exits, double finalAccuracy) {
    public ImportedExits {
        exits = List.copyOf(exits);
        if (exits.isEmpty()) {
            throw new InvalidModelException("exits", "at least one exit is needed, got none");
        }
        if (!(finalAccuracy >= 0 && finalAccuracy <= 1)) {
            throw new InvalidModelException("finalAccuracy", "must be in [0, 1], got " + finalAccuracy);
        }
    }

    /**
     * Parses exit specifications {@code LAYER:rate=R,accuracy=A[,flops=F]}; exit {@code j} gets id
     * {@code exit-LAYER}. Their order does not matter; {@link #attach} checks that rates are
     * nondecreasing with depth.
     *
     * @throws InvalidModelException naming {@code exits[j]} and its field, with the value
     */
    public static ImportedExits parse(List<String> specs, double finalAccuracy) {
        List<Exit> exits = new ArrayList<>();
        for (int j = 0; j < specs.size(); j++) {
            exits.add(parse(j, specs.get(j)));
        }
        return new ImportedExits(exits, finalAccuracy);
    }

    private static Exit parse(int j, String spec) {
        String field = "exits[" + j + "]";
        String text = spec == null ? "" : spec.strip();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new InvalidModelException(field, "expected LAYER:rate=R,accuracy=A[,flops=F], got \"" + text + "\"");
        }
        String layer = text.substring(0, colon).strip();
        double rate = Double.NaN;
        double accuracy = Double.NaN;
        double flops = 0;
        for (String part : text.substring(colon + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new InvalidModelException(field, "expected KEY=VALUE (rate, accuracy, flops), got \""
                        + part.strip() + "\" in \"" + text + "\"");
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException ex) {
                throw new InvalidModelException(field + "." + key, "not a number: \"" + value + "\" in \"" + text
                        + "\"");
            }
            switch (key) {
                case "rate" -> rate = probability(field + ".rate", v, text);
                case "accuracy" -> accuracy = probability(field + ".accuracy", v, text);
                case "flops" -> {
                    if (!(v >= 0) || Double.isInfinite(v)) {
                        throw new InvalidModelException(field + ".flops", "must be a finite number >= 0, got "
                                + value + " in \"" + text + "\"");
                    }
                    flops = v;
                }
                default -> throw new InvalidModelException(field + "." + key, "unknown field (rate, accuracy,"
                        + " flops) in \"" + text + "\"");
            }
        }
        if (Double.isNaN(rate)) {
            throw new InvalidModelException(field + ".rate", "is required, missing in \"" + text + "\"");
        }
        if (Double.isNaN(accuracy)) {
            throw new InvalidModelException(field + ".accuracy", "is required, missing in \"" + text + "\"");
        }
        return new Exit("exit-" + layer, layer, flops, rate, accuracy);
    }

    private static double probability(String field, double v, String text) {
        if (!(v >= 0 && v <= 1)) {
            throw new InvalidModelException(field, "must be in [0, 1], got " + v + " in \"" + text + "\"");
        }
        return v;
    }

    /**
     * {@code layers} with these exits attached (replacing any it has).
     *
     * @throws InvalidModelException naming {@code exits[j].afterLayer} for an unknown layer, one
     *                               that is not a cut vertex, the input or the output layer
     */
    public DnnGraph attach(DnnGraph layers) {
        for (int j = 0; j < exits.size(); j++) {
            String at = exits.get(j).afterLayer();
            if (layers.contains(at) && layers.indexOf(at) == layers.outputIndex()) {
                throw new InvalidModelException("exits[" + j + "].afterLayer", "\"" + at + "\" is the output layer,"
                        + " i.e. the final classifier (rate 1); give its accuracy as finalAccuracy instead");
            }
        }
        return layers.withExits(exits);
    }
}
