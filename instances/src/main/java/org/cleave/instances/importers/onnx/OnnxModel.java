package org.cleave.instances.importers.onnx;

import java.util.List;
import java.util.Map;
import org.cleave.core.model.DnnGraph;
import org.cleave.instances.zoo.BlockView;

/**
 * An imported ONNX model: its layers, the layer-level DAG the solvers use and its block view.
 * Immutable. Units: FLOPs, bytes (at the imported input shapes, batch included), seconds.
 *
 * @param fileName          the file's name
 * @param sha256            SHA-256 of the file's bytes, lower-case hex
 * @param irVersion         the ONNX IR version
 * @param opset             the default domain's opset version
 * @param nodeCount         nodes of the main graph
 * @param inputShapes       the concrete shapes of the data inputs
 * @param layers            the layers in topological order, the input first
 * @param layerGraph        the DAG
 * @param blockView         its block-level chain
 * @param parameters        float constant elements the file holds (initializers, {@code Constant}
 *                          values, {@code ConstantOfShape} outputs)
 * @param unattachedParameters those of them that no layer consumes (folded into shape arithmetic
 *                          or unused)
 * @param operatorCounts    nodes per operator, folded ones included
 * @param warnings          one line each (e.g. an operator without a FLOP rule)
 */
public record OnnxModel(String fileName, String sha256, long irVersion, long opset, int nodeCount,
                        InputShapes inputShapes, List<OnnxLayer> layers, DnnGraph layerGraph, BlockView blockView,
                        long parameters, long unattachedParameters, Map<String, Integer> operatorCounts,
                        List<String> warnings) {
    public OnnxModel {
        layers = List.copyOf(layers);
        operatorCounts = Map.copyOf(operatorCounts);
        warnings = List.copyOf(warnings);
    }

    /** The layers that stand for ONNX nodes (the rest are zero-cost vertices the importer adds). */
    public long nodeLayerCount() {
        return layers.stream().filter(l -> l.role() == OnnxLayer.Role.NODE).count();
    }

    /** Nodes folded away: they depend only on constants (or were dead). */
    public int foldedNodeCount() {
        return nodeCount - (int) nodeLayerCount();
    }

    /** Multiply-accumulates of Conv, ConvTranspose, Gemm and MatMul layers. */
    public long multiplyAccumulates() {
        return layers.stream().mapToLong(OnnxLayer::multiplyAccumulates).sum();
    }

    /** FLOPs of all layers. */
    public double flops() {
        return layers.stream().mapToDouble(OnnxLayer::flops).sum();
    }

    /** The block-level chain. */
    public DnnGraph blockGraph() {
        return blockView.graph();
    }

    /** The model's name: the file name without {@code .onnx}. */
    public String name() {
        return fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }
}
