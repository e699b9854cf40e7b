package org.cleave.instances.importers.onnx;

import java.util.List;

/**
 * One vertex of an imported model: an ONNX node that depends on the data input, or one of the
 * zero-cost vertices the importer adds (see {@link Role}).
 *
 * @param id                  the layer id: the node's canonical id ({@link OnnxNodeIds}) or the
 *                            added vertex's id
 * @param role                what the vertex stands for
 * @param opType              the ONNX operator ("" for added vertices)
 * @param description         the operator with its main hyper-parameters
 * @param inputs              ids of the layers whose tensors it consumes
 * @param outputShape         shape of the tensor it sends (batch included; empty when unknown
 *                            and the bytes come from a profile)
 * @param elementType         element type of that tensor
 * @param multiplyAccumulates MACs of Conv, ConvTranspose, Gemm and MatMul, else 0
 * @param flops               FLOPs (2 × MACs for those, element-wise work for the others)
 * @param parameters          float constant elements attributed to it
 * @param outputBytes         bytes of the tensor it sends
 * @param paramBytes          bytes of those constants
 * @param measuredDeviceSeconds measured device time, NaN when none
 * @param measuredEdgeSeconds   measured edge time, NaN when none
 */
public record OnnxLayer(String id, Role role, String opType, String description, List<String> inputs,
                        List<Long> outputShape, ElementType elementType, long multiplyAccumulates, double flops,
                        long parameters, double outputBytes, double paramBytes, double measuredDeviceSeconds,
                        double measuredEdgeSeconds) {
    /** What a vertex stands for. */
    public enum Role {
        /** The (single) data input, or the virtual source of several. */
        INPUT,
        /** One of several graph inputs, fed by the virtual source. */
        GRAPH_INPUT,
        /** An ONNX node. */
        NODE,
        /** One output of a node with several read outputs (zero FLOPs). */
        NODE_OUTPUT,
        /** A graph output's tap into the virtual sink (zero FLOPs, zero bytes). */
        OUTPUT_TAP,
        /** The virtual sink joining several graph outputs. */
        SINK
    }

    public OnnxLayer {
        inputs = List.copyOf(inputs);
        outputShape = List.copyOf(outputShape);
    }
}
