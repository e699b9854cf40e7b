package org.cleave.instances.zoo;

import java.util.List;
import org.cleave.core.model.Checks;

/**
 * One layer of a zoo model as shape inference produced it: the operator, its inputs, its output
 * shape and its costs. This is the rich, zoo-side description behind each
 * {@link org.cleave.core.model.Layer} of {@link ZooModel#layerGraph()}.
 *
 * <p><b>FLOPs convention.</b> {@code multiplyAccumulates} counts the multiply-accumulate
 * operations (MACs) of convolutions and linear layers only (bias additions not counted), the
 * figure papers quote as "MACs" or, loosely, "FLOPs". {@code flops} is what the solvers use,
 * floating-point operations: {@code 2 × multiplyAccumulates} for convolutions and linear layers,
 * plus the element-wise work of the other operators (batch norm 2 per element, activation 1,
 * pooling one per window element, add {@code k − 1} per element for {@code k} inputs, local
 * response normalisation {@code size + 3} per element, adaptive pooling one per summed input
 * element; concat, flatten and dropout 0).
 *
 * @param id                  unique id (torchvision's module path where there is one)
 * @param kind                the operator
 * @param description         the operator with its hyper-parameters, e.g. {@code conv 3x3/2 64}
 * @param inputs              ids of the layers whose output this layer consumes
 * @param outputShape         per-sample output shape
 * @param multiplyAccumulates MACs of a convolution or linear layer, 0 for other operators
 * @param flops               floating-point operations per sample (see above)
 * @param parameters          number of learnable parameters (torchvision's count: batch-norm
 *                            running statistics are buffers, not parameters)
 * @param outputBytes         bytes of the output tensor per sample
 * @param paramBytes          bytes of the parameters
 */
public record ZooLayer(String id, LayerKind kind, String description, List<String> inputs, Shape outputShape,
                       long multiplyAccumulates, double flops, long parameters, double outputBytes,
                       double paramBytes) {
    public ZooLayer {
        Checks.identifier("id", id);
        Checks.present("kind", kind);
        Checks.present("description", description);
        inputs = List.copyOf(Checks.present("inputs", inputs));
        Checks.present("outputShape", outputShape);
        Checks.nonNegative("multiplyAccumulates", multiplyAccumulates);
        Checks.nonNegative("flops", flops);
        Checks.nonNegative("parameters", parameters);
        Checks.nonNegative("outputBytes", outputBytes);
        Checks.nonNegative("paramBytes", paramBytes);
    }
}
