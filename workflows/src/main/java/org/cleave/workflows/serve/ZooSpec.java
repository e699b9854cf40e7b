package org.cleave.workflows.serve;

import java.util.Locale;
import org.cleave.core.model.Checks;
import org.cleave.core.solve.Family;
import org.cleave.instances.io.Instance;
import org.cleave.instances.zoo.DataType;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;

/**
 * A zoo model with profiles, as {@code cleave zoo export} takes them: the instance is made by
 * {@link ZooInstances#of}, exactly as that command makes it.
 *
 * @param model   a zoo model name ({@code cleave zoo list})
 * @param family  {@link Family#PARTITION} or {@link Family#EXITS} (a multi-exit model)
 * @param view    {@code layers} (the layer DAG) or {@code blocks} (the block chain)
 * @param network network profile name, e.g. {@code 4g}
 * @param device  device profile name, e.g. {@code rpi4}
 * @param edge    edge profile name, e.g. {@code gpu}
 * @param dtype   {@code float32}, {@code float16} or {@code int8}
 */
public record ZooSpec(String model, Family family, String view, String network, String device, String edge,
                      String dtype) {
    public ZooSpec {
        Checks.identifier("model", model);
        Checks.present("family", family);
        Checks.identifier("view", view);
        Checks.identifier("network", network);
        Checks.identifier("device", device);
        Checks.identifier("edge", edge);
        Checks.identifier("dtype", dtype);
        if (!view.equals("layers") && !view.equals("blocks")) {
            throw new IllegalArgumentException("view: must be layers or blocks, got \"" + view + "\"");
        }
    }

    /** {@code model} with {@code zoo export}'s defaults: P1, layer DAG, 4g, rpi4, gpu, float32. */
    public static ZooSpec of(String model) {
        return new ZooSpec(model, Family.PARTITION, "layers", "4g", "rpi4", "gpu", "float32");
    }

    /** The instance. */
    public Instance instance() {
        return ZooInstances.of(family, Zoo.get(model, DataType.fromKey(dtype)),
                view.equals("layers") ? ZooInstances.View.LAYERS : ZooInstances.View.BLOCKS, network, device, edge);
    }

    @Override
    public String toString() {
        return model + " (" + family.key().toLowerCase(Locale.ROOT) + ", " + view + ", " + network + ", " + device
                + ", " + edge + ", " + dtype + ")";
    }
}
