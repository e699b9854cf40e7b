package org.cleave.instances.importers.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.zoo.BlockView;

/**
 * Imports an ONNX model file as a layer DAG with exact tensor sizes, FLOPs and parameters.
 *
 * <p><b>Layers and folding.</b> A node is a <em>layer</em> when one of its inputs depends on a data
 * input. Every other node depends only on constants (initializers, {@code Constant},
 * {@code ConstantOfShape}, and {@code Shape}/{@code Size} of a tensor whose shape is static) and is
 * folded: it sends nothing. Float constants (initializers, {@code Constant} values,
 * {@code ConstantOfShape} outputs) are the parameters; each is attributed, through any folded nodes,
 * to the first layer in topological order that consumes it ({@code paramBytes}). Integer constants
 * are metadata. Graph inputs that are also initializers (opset ≤ 9) are constants. Layers that do
 * not lead to a graph output are dropped.
 *
 * <p><b>Tensors.</b> A layer's {@code outputBytes} is its output tensor. A node with several read
 * outputs (e.g. {@code Split}) sends the bundle of them (their sum) and gets one zero-FLOP vertex
 * {@code <node>:<output>} per read output whose tensor is that output; consumers hang off those
 * vertices, so a consumer on the other tier pays for the outputs it reads. A plan that puts such a
 * vertex on the edge while its node runs on the device ships the whole bundle, a real but never
 * better execution: the optimum is exact. Several data inputs get a virtual source {@code input}
 * (bytes = all inputs) feeding one zero-FLOP vertex per input, by the same argument. Several graph
 * outputs get one zero-byte tap {@code output:<tensor>} each and a virtual sink {@code output}
 * (zero FLOPs, bytes = all outputs): its tensor is the result bundle, downloaded when the sink is on
 * the edge. That is exact when all outputs are computed on the same tier; when some are computed on
 * the device and others on the edge it charges the device-side outputs' download as well
 * (documented in {@code docs/import.md}, "Several outputs").
 *
 * <p><b>Refused.</b> Control flow ({@code If}, {@code Loop}, {@code Scan}) and external-data
 * tensors: an {@link InvalidInstanceException} naming the node or tensor. Every malformed input is
 * an {@link InvalidInstanceException} with one line naming the file, node or field and value.
 * Linear in the file size and the number of nodes.
 */
public final class OnnxImporter {
    private static final Set<String> CONTROL_FLOW = Set.of("If", "Loop", "Scan");

    private OnnxImporter() {
    }

    /** Imports {@code file} at the given input shapes, without profiles. */
    public static OnnxModel read(Path file, InputShapes shapes) {
        return read(file, shapes, null, null);
    }

    /**
     * Imports {@code file}; measured seconds of {@code device} and {@code edge} (either may be
     * {@code null}) are attached to the layers, and their {@code outputBytes} stand in for output
     * shapes that cannot be inferred.
     */
    public static OnnxModel read(Path file, InputShapes shapes, OnnxProfile device, OnnxProfile edge) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInstanceException(file + ": cannot read: " + e.getMessage());
        }
        return read(bytes, file.getFileName().toString(), file.toString(), shapes, device, edge);
    }

    /** Imports a model from its bytes; {@code fileName} and {@code source} name it. */
    public static OnnxModel read(byte[] bytes, String fileName, String source, InputShapes shapes,
                                 OnnxProfile device, OnnxProfile edge) {
        OnnxProto.Model model;
        try {
            model = OnnxProto.parseModel(bytes);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInstanceException(source + ": not an ONNX model or truncated (protobuf: "
                    + oneLine(e.getMessage()) + ")");
        }
        if (model.graph() == null || model.graph().nodes().isEmpty()) {
            throw new InvalidInstanceException(source + ": not an ONNX model: ModelProto.graph (field 7) is "
                    + (model.graph() == null ? "missing" : "empty"));
        }
        String sha = sha256(bytes);
        return new Walk(model, source, fileName, sha, shapes == null ? InputShapes.NONE : shapes, device, edge).run();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** What the walk knows about one tensor. */
    private static final class Info {
        ElementType type = ElementType.UNDEFINED;
        long[] shape;
        double[] value;
        boolean constant;
        /** Float constant roots this constant derives from. */
        BitSet roots = new BitSet();
        /** The producing layer node (index) for data tensors, -1 for inputs / constants. */
        int producer = -1;
        /** For a data input, its index among the data inputs. */
        int dataInput = -1;
    }

    private static final class Walk {
        private final OnnxProto.Model model;
        private final OnnxProto.Graph graph;
        private final String source;
        private final String fileName;
        private final String sha;
        private final InputShapes shapes;
        private final OnnxProfile device;
        private final OnnxProfile edge;
        private final long opset;
        private final Map<String, Info> tensors = new HashMap<>();
        private final List<long[]> rootElements = new ArrayList<>();
        private final List<ElementType> rootTypes = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Walk(OnnxProto.Model model, String source, String fileName, String sha, InputShapes shapes,
             OnnxProfile device, OnnxProfile edge) {
            this.model = model;
            this.graph = model.graph();
            this.source = source;
            this.fileName = fileName;
            this.sha = sha;
            this.shapes = shapes;
            this.device = device;
            this.edge = edge;
            Long v = model.opsets().getOrDefault("", model.opsets().get("ai.onnx"));
            this.opset = v == null ? 1 : v;
        }

        private InvalidInstanceException error(String message) {
            return new InvalidInstanceException(source + ": " + message);
        }

        private int root(ElementType type, long elements) {
            rootTypes.add(type);
            rootElements.add(new long[] {elements});
            return rootTypes.size() - 1;
        }

        OnnxModel run() {
            if (graph.sparseInitializers() > 0) {
                throw error("graph.sparse_initializer: " + graph.sparseInitializers()
                        + " sparse initializers; sparse tensors are not supported");
            }
            for (OnnxProto.Tensor t : graph.initializers()) {
                if (t.external()) {
                    throw error("initializer \"" + t.name() + "\": its data is in an external file"
                            + " (data_location EXTERNAL); external-data tensors are not supported");
                }
                Info i = new Info();
                i.type = ElementType.of(t.dataType());
                i.shape = t.dims();
                i.value = t.values(OnnxOps.VALUE_LIMIT);
                i.constant = true;
                if (i.type.isFloating()) {
                    i.roots.set(root(i.type, t.elements()));
                }
                tensors.put(t.name(), i);
            }
            List<OnnxProto.ValueInfo> dataInputs = new ArrayList<>();
            for (OnnxProto.ValueInfo v : graph.inputs()) {
                if (!tensors.containsKey(v.name())) {
                    dataInputs.add(v);
                }
            }
            if (dataInputs.isEmpty()) {
                throw error("graph.input: every input is an initializer; the model has no data input");
            }
            for (String named : shapes.shapes().keySet()) {
                if (dataInputs.stream().noneMatch(v -> v.name().equals(named))) {
                    throw error("input shape " + named + ": the model has no data input of that name; its data"
                            + " inputs are " + dataInputs.stream().map(OnnxProto.ValueInfo::name).toList());
                }
            }
            Map<String, long[]> concrete = new LinkedHashMap<>();
            for (int k = 0; k < dataInputs.size(); k++) {
                OnnxProto.ValueInfo v = dataInputs.get(k);
                long[] s = inputShape(v);
                concrete.put(v.name(), s);
                Info i = new Info();
                i.type = ElementType.of(v.elemType());
                i.shape = s;
                i.dataInput = k;
                tensors.put(v.name(), i);
            }
            List<OnnxProto.Node> nodes = graph.nodes();
            List<String> ids = OnnxNodeIds.of(nodes.stream().map(OnnxProto.Node::name).toList(),
                    nodes.stream().map(n -> n.outputs().isEmpty() ? "" : n.outputs().get(0)).toList());
            checkProfile(device, "device", ids, concrete);
            checkProfile(edge, "edge", ids, concrete);
            int[] order = topologicalOrder(nodes, ids);
            Map<String, OnnxProto.ValueInfo> declared = new HashMap<>();
            graph.valueInfos().forEach(v -> declared.put(v.name(), v));
            graph.outputs().forEach(v -> declared.put(v.name(), v));

            boolean[] isLayer = new boolean[nodes.size()];
            OnnxOps.Result[] results = new OnnxOps.Result[nodes.size()];
            BitSet[] nodeRoots = new BitSet[nodes.size()];
            double[] profiledBytes = new double[nodes.size()];
            Arrays.fill(profiledBytes, -1);
            Map<String, Integer> ops = new TreeMap<>();
            for (int n : order) {
                OnnxProto.Node node = nodes.get(n);
                String id = ids.get(n);
                ops.merge(node.opType(), 1, Integer::sum);
                boolean defaultDomain = node.domain().isEmpty() || node.domain().equals("ai.onnx");
                if (CONTROL_FLOW.contains(node.opType()) && defaultDomain
                        || node.attributes().values().stream().anyMatch(a -> a.graphs() > 0)) {
                    throw error("node " + id + " (" + node.opType() + "): control flow and subgraphs are not"
                            + " supported; export the model with the branch or loop unrolled");
                }
                List<OnnxOps.In> ins = new ArrayList<>();
                boolean data = false;
                BitSet roots = new BitSet();
                for (String t : node.inputs()) {
                    if (t.isEmpty()) {
                        ins.add(null);
                        continue;
                    }
                    Info i = tensors.get(t);
                    ins.add(new OnnxOps.In(i.type, i.shape, i.constant ? i.value : null));
                    if (i.constant) {
                        roots.or(i.roots);
                    } else {
                        data = true;
                    }
                }
                if ((node.opType().equals("Shape") || node.opType().equals("Size")) && defaultDomain
                        && !ins.isEmpty() && ins.get(0) != null && ins.get(0).shape() != null) {
                    data = false;
                    roots.clear();
                }
                isLayer[n] = data;
                nodeRoots[n] = roots;
                OnnxOps.Result r = null;
                String why = null;
                if (defaultDomain && OnnxOps.known(node.opType())) {
                    try {
                        r = OnnxOps.infer(node, ins, opset, !data);
                    } catch (OnnxOps.Unknown e) {
                        why = e.getMessage();
                    } catch (RuntimeException e) {
                        why = "malformed attributes or inputs (" + e + ")";
                    }
                } else {
                    why = "no FLOP rule for operator " + (defaultDomain ? "" : node.domain() + ".") + node.opType();
                    if (data) {
                        warnings.add("node " + id + ": operator " + node.opType()
                                + " has no FLOP rule; imported with 0 FLOPs");
                    }
                }
                if (r == null) {
                    r = fallback(node, id, ins, declared, data, why, n, profiledBytes);
                }
                results[n] = r;
                for (int k = 0; k < node.outputs().size(); k++) {
                    String t = node.outputs().get(k);
                    if (t.isEmpty()) {
                        continue;
                    }
                    Info o = new Info();
                    OnnxOps.Out out = k < r.outputs().size() ? r.outputs().get(k) : null;
                    if (out != null) {
                        o.type = out.type();
                        o.shape = out.shape();
                        o.value = data ? null : out.value();
                    }
                    o.constant = !data;
                    if (!data) {
                        o.roots = (BitSet) roots.clone();
                        boolean fresh = node.opType().equals("Constant")
                                || node.opType().equals("ConstantOfShape");
                        if (fresh && o.type.isFloating()) {
                            if (o.shape == null) {
                                throw error("node " + id + " (" + node.opType() + "): cannot tell its output shape: "
                                        + why);
                            }
                            o.roots.set(root(o.type, OnnxOps.elements(o.shape)));
                        }
                    } else {
                        o.producer = n;
                    }
                    tensors.put(t, o);
                }
            }
            return build(nodes, ids, order, isLayer, results, nodeRoots, profiledBytes, concrete, dataInputs, ops);
        }

        private OnnxOps.Result fallback(OnnxProto.Node node, String id, List<OnnxOps.In> ins,
                                        Map<String, OnnxProto.ValueInfo> declared, boolean data, String why, int n,
                                        double[] profiledBytes) {
            List<OnnxOps.Out> outs = new ArrayList<>();
            boolean allKnown = true;
            for (String t : node.outputs()) {
                OnnxProto.ValueInfo v = declared.get(t);
                long[] s = null;
                if (v != null && v.hasShape() && v.dims().stream().allMatch(OnnxProto.Dim::known)) {
                    s = v.dims().stream().mapToLong(OnnxProto.Dim::value).toArray();
                }
                allKnown &= s != null || t.isEmpty();
                outs.add(new OnnxOps.Out(v == null ? ElementType.UNDEFINED : ElementType.of(v.elemType()), s, null));
            }
            if (data && !allKnown) {
                OnnxProfile.Row row = device != null && device.rows().containsKey(id) ? device.rows().get(id)
                        : edge != null ? edge.rows().get(id) : null;
                if (row == null) {
                    throw error("node " + id + " (" + node.opType() + "): cannot infer its output shape ("
                            + why + ") and no measured profile gives its outputBytes");
                }
                profiledBytes[n] = row.outputBytes();
            }
            return new OnnxOps.Result(outs, 0, 0, node.opType());
        }

        private long[] inputShape(OnnxProto.ValueInfo v) {
            long[] given = shapes.shapes().get(v.name());
            if (given != null) {
                if (v.hasShape() && v.dims().size() != given.length) {
                    throw error("input shape " + v.name() + ": the model's input has rank " + v.dims().size() + " ("
                            + v.dims() + "), got " + InputShapes.format(given));
                }
                for (int d = 0; d < given.length && v.hasShape(); d++) {
                    if (v.dims().get(d).known() && v.dims().get(d).value() != given[d]) {
                        throw error("input shape " + v.name() + ": dimension " + d + " is fixed to "
                                + v.dims().get(d).value() + " in the model, got " + given[d]);
                    }
                }
                return given;
            }
            if (!v.hasShape()) {
                throw error("input " + v.name() + ": the model gives no shape; give one, e.g. " + v.name()
                        + "=1x3x224x224");
            }
            List<String> dynamic = new ArrayList<>();
            for (int d = 0; d < v.dims().size(); d++) {
                if (!v.dims().get(d).known()) {
                    dynamic.add(d + " (" + v.dims().get(d) + ")");
                }
            }
            if (!dynamic.isEmpty()) {
                throw error("input " + v.name() + " has dynamic dimensions " + String.join(", ", dynamic)
                        + " of " + v.dims() + "; give its concrete shape as an input shape " + v.name() + "=...");
            }
            return v.dims().stream().mapToLong(OnnxProto.Dim::value).toArray();
        }

        private int[] topologicalOrder(List<OnnxProto.Node> nodes, List<String> ids) {
            Map<String, Integer> producer = new HashMap<>();
            for (int n = 0; n < nodes.size(); n++) {
                for (String t : nodes.get(n).outputs()) {
                    if (t.isEmpty()) {
                        continue;
                    }
                    if (tensors.containsKey(t) || producer.put(t, n) != null) {
                        throw error("node " + ids.get(n) + ": output \"" + t + "\" is produced twice");
                    }
                }
            }
            int[] missing = new int[nodes.size()];
            List<List<Integer>> consumers = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                consumers.add(new ArrayList<>());
            }
            for (int n = 0; n < nodes.size(); n++) {
                Set<Integer> from = new HashSet<>();
                for (String t : nodes.get(n).inputs()) {
                    if (t.isEmpty() || tensors.containsKey(t)) {
                        continue;
                    }
                    Integer p = producer.get(t);
                    if (p == null) {
                        throw error("node " + ids.get(n) + " (" + nodes.get(n).opType() + "): input \"" + t
                                + "\" is neither a graph input, an initializer nor a node output");
                    }
                    if (from.add(p)) {
                        missing[n]++;
                        consumers.get(p).add(n);
                    }
                }
            }
            PriorityQueue<Integer> ready = new PriorityQueue<>();
            for (int n = 0; n < nodes.size(); n++) {
                if (missing[n] == 0) {
                    ready.add(n);
                }
            }
            int[] order = new int[nodes.size()];
            int k = 0;
            while (!ready.isEmpty()) {
                int n = ready.poll();
                order[k++] = n;
                for (int c : consumers.get(n)) {
                    if (--missing[c] == 0) {
                        ready.add(c);
                    }
                }
            }
            if (k != nodes.size()) {
                for (int n = 0; n < nodes.size(); n++) {
                    if (missing[n] > 0) {
                        throw error("node " + ids.get(n) + ": the graph has a cycle through it");
                    }
                }
            }
            return order;
        }

        private OnnxModel build(List<OnnxProto.Node> nodes, List<String> ids, int[] order, boolean[] isLayer,
                                OnnxOps.Result[] results, BitSet[] nodeRoots, double[] profiledBytes,
                                Map<String, long[]> concrete, List<OnnxProto.ValueInfo> dataInputs,
                                Map<String, Integer> ops) {
            // graph outputs that are data tensors
            List<String> outputs = new ArrayList<>();
            for (OnnxProto.ValueInfo v : graph.outputs()) {
                Info i = tensors.get(v.name());
                if (i == null) {
                    throw error("graph.output \"" + v.name() + "\": no node produces it");
                }
                if (!i.constant && !outputs.contains(v.name())) {
                    outputs.add(v.name());
                }
            }
            if (outputs.isEmpty()) {
                throw error("graph.output: no output depends on a data input");
            }
            // liveness: layers that lead to a graph output
            boolean[] live = new boolean[nodes.size()];
            ArrayDeque<Integer> work = new ArrayDeque<>();
            for (String t : outputs) {
                int p = tensors.get(t).producer;
                if (p >= 0 && !live[p]) {
                    live[p] = true;
                    work.add(p);
                }
            }
            while (!work.isEmpty()) {
                int n = work.poll();
                for (String t : nodes.get(n).inputs()) {
                    Info i = t.isEmpty() ? null : tensors.get(t);
                    if (i != null && !i.constant && i.producer >= 0 && !live[i.producer] && isLayer[n]) {
                        live[i.producer] = true;
                        work.add(i.producer);
                    }
                }
            }
            // read outputs per layer node
            Map<String, Set<Integer>> readers = new HashMap<>();
            for (int n : order) {
                if (!isLayer[n] || !live[n]) {
                    continue;
                }
                for (String t : nodes.get(n).inputs()) {
                    Info i = t.isEmpty() ? null : tensors.get(t);
                    if (i != null && !i.constant) {
                        readers.computeIfAbsent(t, x -> new LinkedHashSet<>()).add(n);
                    }
                }
            }
            Map<String, String> vertexOf = new HashMap<>();
            List<OnnxLayer> layers = new ArrayList<>();
            Set<String> used = new HashSet<>();
            Map<String, Double> bytesOf = new HashMap<>();
            // source
            double inputBytesTotal = 0;
            for (OnnxProto.ValueInfo v : dataInputs) {
                Info i = tensors.get(v.name());
                double b = i.type.bytes(OnnxOps.elements(i.shape));
                bytesOf.put(v.name(), b);
                inputBytesTotal += b;
            }
            if (dataInputs.size() == 1) {
                String name = dataInputs.get(0).name();
                Info i = tensors.get(name);
                String id = unique(name, used);
                layers.add(new OnnxLayer(id, OnnxLayer.Role.INPUT, "", "input " + InputShapes.format(i.shape),
                        List.of(), boxed(i.shape), i.type, 0, 0, 0, bytesOf.get(name), 0, Double.NaN, Double.NaN));
                vertexOf.put(name, id);
            } else {
                String src = unique("input", used);
                layers.add(new OnnxLayer(src, OnnxLayer.Role.INPUT, "", "virtual source of " + dataInputs.size()
                        + " inputs", List.of(), List.of(), ElementType.UNDEFINED, 0, 0, 0, inputBytesTotal, 0,
                        Double.NaN, Double.NaN));
                for (OnnxProto.ValueInfo v : dataInputs) {
                    Info i = tensors.get(v.name());
                    String id = unique(v.name(), used);
                    layers.add(new OnnxLayer(id, OnnxLayer.Role.GRAPH_INPUT, "", "input " + InputShapes.format(i.shape),
                            List.of(src), boxed(i.shape), i.type, 0, 0, 0, bytesOf.get(v.name()), 0,
                            device != null ? 0 : Double.NaN, edge != null ? 0 : Double.NaN));
                    vertexOf.put(v.name(), id);
                }
            }
            BitSet attributed = new BitSet();
            Set<String> graphOutputs = new HashSet<>(outputs);
            for (int n : order) {
                if (!isLayer[n] || !live[n]) {
                    continue;
                }
                OnnxProto.Node node = nodes.get(n);
                OnnxOps.Result r = results[n];
                String id = ids.get(n);
                if (!used.add(id)) {
                    throw error("node " + id + ": its id collides with an input's name");
                }
                LinkedHashSet<String> preds = new LinkedHashSet<>();
                for (String t : node.inputs()) {
                    Info i = t.isEmpty() ? null : tensors.get(t);
                    if (i != null && !i.constant) {
                        preds.add(vertexOf.get(t));
                    }
                }
                BitSet fresh = (BitSet) nodeRoots[n].clone();
                fresh.andNot(attributed);
                attributed.or(fresh);
                long params = 0;
                double paramBytes = 0;
                for (int k = fresh.nextSetBit(0); k >= 0; k = fresh.nextSetBit(k + 1)) {
                    params += rootElements.get(k)[0];
                    paramBytes += rootTypes.get(k).bytes(rootElements.get(k)[0]);
                }
                List<Integer> read = new ArrayList<>();
                for (int k = 0; k < node.outputs().size(); k++) {
                    String t = node.outputs().get(k);
                    if (!t.isEmpty() && (readers.containsKey(t) || graphOutputs.contains(t))) {
                        read.add(k);
                    }
                }
                double total = 0;
                double[] outBytes = new double[node.outputs().size()];
                for (int k : read) {
                    OnnxOps.Out o = k < r.outputs().size() ? r.outputs().get(k) : null;
                    if (o == null || o.shape() == null) {
                        outBytes[k] = profiledBytes[n] >= 0 && read.size() == 1 ? profiledBytes[n] : -1;
                        if (outBytes[k] < 0) {
                            throw error("node " + id + " (" + node.opType() + "): the size of output \""
                                    + node.outputs().get(k) + "\" is unknown");
                        }
                    } else {
                        outBytes[k] = o.type().bytes(OnnxOps.elements(o.shape()));
                    }
                    total += outBytes[k];
                }
                OnnxOps.Out first = read.isEmpty() || read.get(0) >= r.outputs().size() ? null
                        : r.outputs().get(read.get(0));
                List<Long> shape = read.size() == 1 && first != null && first.shape() != null ? boxed(first.shape())
                        : List.of();
                ElementType type = first == null ? ElementType.UNDEFINED : first.type();
                double[] measured = measured(id);
                layers.add(new OnnxLayer(id, OnnxLayer.Role.NODE, node.opType(), r.description(),
                        List.copyOf(preds), shape, type, r.multiplyAccumulates(), r.flops(), params, total, paramBytes,
                        measured[0], measured[1]));
                if (read.size() == 1) {
                    vertexOf.put(node.outputs().get(read.get(0)), id);
                } else {
                    for (int k : read) {
                        String t = node.outputs().get(k);
                        String vid = unique(id + ":" + t, used);
                        OnnxOps.Out o = r.outputs().get(k);
                        layers.add(new OnnxLayer(vid, OnnxLayer.Role.NODE_OUTPUT, "", "output " + k + " of " + id,
                                List.of(id), boxed(o.shape()), o.type(), 0, 0, 0, outBytes[k], 0,
                                Double.isNaN(measured[0]) ? Double.NaN : 0, Double.isNaN(measured[1]) ? Double.NaN : 0));
                        vertexOf.put(t, vid);
                    }
                }
            }
            if (outputs.size() > 1) {
                double sinkBytes = 0;
                List<String> taps = new ArrayList<>();
                boolean dev = device != null;
                boolean edg = edge != null;
                for (String t : outputs) {
                    Info i = tensors.get(t);
                    OnnxLayer p = layers.stream().filter(l -> l.id().equals(vertexOf.get(t))).findFirst().orElseThrow();
                    double b = i.shape == null ? p.outputBytes() : i.type.bytes(OnnxOps.elements(i.shape));
                    sinkBytes += b;
                    String tap = unique("output:" + t, used);
                    layers.add(new OnnxLayer(tap, OnnxLayer.Role.OUTPUT_TAP, "", "graph output " + t,
                            List.of(vertexOf.get(t)), List.of(), i.type, 0, 0, 0, 0, 0, dev ? 0 : Double.NaN,
                            edg ? 0 : Double.NaN));
                    taps.add(tap);
                }
                layers.add(new OnnxLayer(unique("output", used), OnnxLayer.Role.SINK, "", "virtual sink of "
                        + outputs.size() + " outputs", taps, List.of(), ElementType.UNDEFINED, 0, 0, 0, sinkBytes, 0,
                        dev ? 0 : Double.NaN, edg ? 0 : Double.NaN));
            }
            long total = 0;
            for (int k = 0; k < rootElements.size(); k++) {
                total += rootElements.get(k)[0];
            }
            long attached = layers.stream().mapToLong(OnnxLayer::parameters).sum();
            DnnGraph g = toGraph(layers);
            BlockView blocks;
            try {
                blocks = BlockView.of(g);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            return new OnnxModel(fileName, sha, model.irVersion(), opset, nodes.size(), new InputShapes(concrete),
                    layers, g, blocks, total, total - attached, ops, warnings);
        }

        private double[] measured(String id) {
            double d = Double.NaN;
            double e = Double.NaN;
            if (device != null) {
                OnnxProfile.Row r = device.rows().get(id);
                if (r == null) {
                    throw error("device profile " + device.source() + ": node " + id + " has no row; was the profile"
                            + " made from this model?");
                }
                d = r.medianSeconds();
            }
            if (edge != null) {
                OnnxProfile.Row r = edge.rows().get(id);
                if (r == null) {
                    throw error("edge profile " + edge.source() + ": node " + id + " has no row; was the profile"
                            + " made from this model?");
                }
                e = r.medianSeconds();
            }
            return new double[] {d, e};
        }

        private void checkProfile(OnnxProfile p, String tier, List<String> ids, Map<String, long[]> concrete) {
            if (p == null) {
                return;
            }
            String declaredSha = p.get("modelSha256");
            if (!declaredSha.equalsIgnoreCase(sha)) {
                throw new InvalidInstanceException(p.source() + ": modelSha256 is " + (declaredSha.isEmpty()
                        ? "missing" : declaredSha) + " but " + fileName + " has " + sha + "; a profile of another"
                        + " model?");
            }
            InputShapes run;
            try {
                run = InputShapes.parse(p.get("inputShapes"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInstanceException(p.source() + ": inputShapes: " + e.getMessage());
            }
            InputShapes here = new InputShapes(concrete);
            if (!run.equals(here)) {
                throw new InvalidInstanceException(p.source() + ": inputShapes is " + run + " but the import uses "
                        + here + "; profile and import must use the same input shapes");
            }
            Set<String> known = new HashSet<>(ids);
            for (String node : p.rows().keySet()) {
                if (!known.contains(node)) {
                    throw new InvalidInstanceException(p.source() + ": node " + node + " (" + tier + " profile) is not"
                            + " a node of " + fileName);
                }
            }
        }

        private static String unique(String id, Set<String> used) {
            String u = id;
            for (int k = 2; !used.add(u); k++) {
                u = id + "~" + k;
            }
            return u;
        }

        private static List<Long> boxed(long[] s) {
            return s == null ? List.of() : Arrays.stream(s).boxed().toList();
        }

        private static DnnGraph toGraph(List<OnnxLayer> layers) {
            DnnGraph.Builder b = DnnGraph.builder();
            for (OnnxLayer l : layers) {
                b.addLayer(l.role() == OnnxLayer.Role.INPUT ? Layer.input(l.id(), l.outputBytes())
                        : new Layer(l.id(), l.flops(), l.outputBytes(), l.paramBytes(), opt(l.measuredDeviceSeconds()),
                                opt(l.measuredEdgeSeconds())));
            }
            for (OnnxLayer l : layers) {
                for (String p : l.inputs()) {
                    b.addArc(p, l.id());
                }
            }
            return b.build();
        }

        private static OptionalDouble opt(double v) {
            return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
    }
}
