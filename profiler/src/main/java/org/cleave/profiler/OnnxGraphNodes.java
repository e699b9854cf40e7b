package org.cleave.profiler;

import org.cleave.instances.importers.onnx.OnnxNodeIds;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of an ONNX model's main graph, decoded from the protobuf bytes by field number, and the
 * rewrite that names every node by its canonical id.
 *
 * <p>Field numbers (onnx.proto): {@code ModelProto.graph = 7}, {@code GraphProto.node = 1},
 * {@code NodeProto.input = 1}, {@code output = 2}, {@code name = 3}, {@code op_type = 4}. Every other
 * field is copied through byte for byte.
 */
final class OnnxGraphNodes {
    static final int MODEL_GRAPH = 7;
    static final int GRAPH_NODE = 1;
    static final int NODE_OUTPUT = 2;
    static final int NODE_NAME = 3;
    static final int NODE_OP_TYPE = 4;

    /** One node of the main graph: its position, its name as written (may be empty), op and outputs. */
    record Node(int index, String name, String opType, List<String> outputs) {
        Node {
            outputs = List.copyOf(outputs);
        }
    }

    private OnnxGraphNodes() {
    }

    /** Decodes the main graph's nodes; a file that is not an ONNX model is an IllegalArgumentException. */
    static List<Node> decode(byte[] model, String modelName) {
        try {
            ByteString graph = null;
            CodedInputStream in = CodedInputStream.newInstance(model);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == lengthDelimited(MODEL_GRAPH)) {
                    graph = in.readBytes(); // a repeated optional message: the last one wins
                } else {
                    in.skipField(tag);
                }
            }
            if (graph == null) {
                throw new IllegalArgumentException("model " + modelName
                        + ": not an ONNX model (ModelProto.graph, field 7, is absent)");
            }
            List<Node> nodes = new ArrayList<>();
            CodedInputStream g = graph.newCodedInput();
            for (int tag = g.readTag(); tag != 0; tag = g.readTag()) {
                if (tag == lengthDelimited(GRAPH_NODE)) {
                    nodes.add(decodeNode(nodes.size(), g.readBytes()));
                } else {
                    g.skipField(tag);
                }
            }
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("model " + modelName
                        + ": not an ONNX model with nodes (GraphProto.node, field 1, is empty)");
            }
            return List.copyOf(nodes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("model " + modelName + ": not a readable ONNX model ("
                    + firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("model " + modelName + ": " + firstLine(e.getMessage()));
        }
    }

    private static Node decodeNode(int index, ByteString bytes) throws IOException {
        String name = "";
        String opType = "";
        List<String> outputs = new ArrayList<>();
        CodedInputStream in = bytes.newCodedInput();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == lengthDelimited(NODE_NAME)) {
                name = in.readStringRequireUtf8();
            } else if (tag == lengthDelimited(NODE_OP_TYPE)) {
                opType = in.readStringRequireUtf8();
            } else if (tag == lengthDelimited(NODE_OUTPUT)) {
                outputs.add(in.readStringRequireUtf8());
            } else {
                in.skipField(tag);
            }
        }
        return new Node(index, name, opType, outputs);
    }

    /** The canonical id of every node, by index: {@link OnnxNodeIds#of}, the importer's own rule. */
    static List<String> canonicalIds(List<Node> nodes) {
        return OnnxNodeIds.of(nodes.stream().map(Node::name).toList(),
                nodes.stream().map(n -> n.outputs().isEmpty() ? "" : n.outputs().get(0)).toList());
    }

    /**
     * The model bytes with main-graph node {@code i} named {@code names.get(i)}; every other field is
     * copied unchanged.
     */
    static byte[] renameNodes(byte[] model, List<String> names) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(model.length + 16 * names.size());
            CodedOutputStream out = CodedOutputStream.newInstance(buffer);
            CodedInputStream in = CodedInputStream.newInstance(model);
            in.setSizeLimit(Integer.MAX_VALUE);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == lengthDelimited(MODEL_GRAPH)) {
                    out.writeBytes(MODEL_GRAPH, renameInGraph(in.readBytes(), names));
                } else {
                    in.skipField(tag, out);
                }
            }
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("model: not a readable ONNX model (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static ByteString renameInGraph(ByteString graph, List<String> names) throws IOException {
        ByteString.Output buffer = ByteString.newOutput(graph.size() + 16 * names.size());
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        CodedInputStream in = graph.newCodedInput();
        int index = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == lengthDelimited(GRAPH_NODE)) {
                out.writeBytes(GRAPH_NODE, renameNode(in.readBytes(), names.get(index++)));
            } else {
                in.skipField(tag, out);
            }
        }
        out.flush();
        return buffer.toByteString();
    }

    private static ByteString renameNode(ByteString node, String name) throws IOException {
        ByteString.Output buffer = ByteString.newOutput(node.size() + name.length() + 4);
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        CodedInputStream in = node.newCodedInput();
        boolean named = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == lengthDelimited(NODE_NAME)) {
                in.skipField(tag);
                if (!named) {
                    out.writeString(NODE_NAME, name);
                    named = true;
                }
            } else {
                in.skipField(tag, out);
            }
        }
        if (!named) {
            out.writeString(NODE_NAME, name);
        }
        out.flush();
        return buffer.toByteString();
    }

    private static int lengthDelimited(int field) {
        return field << 3 | 2; // wire type 2: length-delimited
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
