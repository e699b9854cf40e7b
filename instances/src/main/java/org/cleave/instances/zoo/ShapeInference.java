package org.cleave.instances.zoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;

/**
 * Builds a network layer by layer, inferring every layer's output shape, multiply-accumulates,
 * FLOPs, output bytes and parameter bytes from its operator and its inputs' shapes.
 *
 * <p>Each method adds one layer with the given id consuming the named inputs and returns the new
 * layer's id, so a network reads as a sequence of calls:
 * <pre>{@code
 * ShapeInference n = ShapeInference.start("input", new Shape(3, 224, 224), DataType.FLOAT32);
 * String x = n.conv("conv1", n.input(), Conv.of(64, 7).stride(2).pad(3).noBias());
 * x = n.relu("relu", n.batchNorm("bn1", x));
 * }</pre>
 *
 * <p>Output sizes follow PyTorch: a convolution maps {@code n} to
 * {@code floor((n + 2p − k) / s) + 1}; pooling as {@link Pool}. Costs per sample, see
 * {@link ZooLayer} for the FLOPs convention: a convolution has
 * {@code outC · outH · outW · (inC / groups) · kH · kW} multiply-accumulates and
 * {@code outC · (inC / groups) · kH · kW (+ outC bias)} parameters; a linear layer
 * {@code in · out} MACs and {@code in · out (+ out)} parameters; batch norm {@code 2 · C}
 * parameters. Bytes are elements × {@link DataType#bytesPerElement()}. Everything is linear in
 * the number of layers. Not thread-safe; one instance per network.
 */
public final class ShapeInference {
    private final DataType dataType;
    private final String inputId;
    private final Map<String, ZooLayer> layers = new LinkedHashMap<>();

    private ShapeInference(String inputId, Shape input, DataType dataType) {
        this.dataType = dataType;
        this.inputId = inputId;
        put(inputId, LayerKind.INPUT, "input " + input, List.of(), input, 0, 0, 0);
    }

    /** A new network whose input vertex {@code inputId} carries one sample of shape {@code input}. */
    public static ShapeInference start(String inputId, Shape input, DataType dataType) {
        if (dataType == null) {
            throw new IllegalArgumentException("dataType: is required, got null");
        }
        return new ShapeInference(inputId, input, dataType);
    }

    /** The id of the input vertex. */
    public String input() {
        return inputId;
    }

    /** The data type of tensors and weights. */
    public DataType dataType() {
        return dataType;
    }

    /** The output shape of layer {@code id}. */
    public Shape shape(String id) {
        return layer(id).outputShape();
    }

    /** The layer {@code id}. */
    public ZooLayer layer(String id) {
        ZooLayer l = layers.get(id);
        if (l == null) {
            throw new IllegalArgumentException("layer: unknown id \"" + id + "\"");
        }
        return l;
    }

    /** The layers in insertion order (a topological order). */
    public List<ZooLayer> layers() {
        return List.copyOf(layers.values());
    }

    /** Total FLOPs of the layers added after {@code fromId} (exclusive), e.g. an exit branch. */
    public double flopsAfter(String fromId) {
        double sum = 0;
        boolean after = false;
        for (ZooLayer l : layers.values()) {
            if (after) {
                sum += l.flops();
            }
            after |= l.id().equals(fromId);
        }
        return sum;
    }

    /** A 2-D convolution. */
    public String conv(String id, String in, Conv c) {
        Shape s = shape(in);
        if (s.channels() % c.groups() != 0 || c.outChannels() % c.groups() != 0) {
            throw new IllegalArgumentException(id + ": groups " + c.groups() + " must divide input channels "
                    + s.channels() + " and output channels " + c.outChannels());
        }
        int h = convSize(id, s.height(), c.kernelHeight(), c.strideHeight(), c.padHeight());
        int w = convSize(id, s.width(), c.kernelWidth(), c.strideWidth(), c.padWidth());
        Shape out = new Shape(c.outChannels(), h, w);
        long perOutput = (long) (s.channels() / c.groups()) * c.kernelHeight() * c.kernelWidth();
        long macs = out.elements() * perOutput;
        long params = c.outChannels() * perOutput + (c.bias() == Conv.Bias.WITH_BIAS ? c.outChannels() : 0);
        return put(id, LayerKind.CONV, c.toString(), List.of(in), out, macs, 2.0 * macs, params);
    }

    private static int convSize(String id, int n, int k, int s, int p) {
        int span = n + 2 * p - k;
        if (span < 0) {
            throw new IllegalArgumentException(id + ": kernel " + k + " larger than the padded input " + n);
        }
        return span / s + 1;
    }

    /** A fully connected layer on a flat input. */
    public String linear(String id, String in, int outFeatures, Conv.Bias bias) {
        Shape s = shape(in);
        if (!s.isFlat()) {
            throw new IllegalArgumentException(id + ": a linear layer needs a flat input, got " + s
                    + ". Maybe flatten first");
        }
        long macs = (long) s.channels() * outFeatures;
        long params = macs + (bias == Conv.Bias.WITH_BIAS ? outFeatures : 0);
        return put(id, LayerKind.LINEAR, "linear " + s.channels() + "->" + outFeatures, List.of(in),
                Shape.flat(outFeatures), macs, 2.0 * macs, params);
    }

    /** A fully connected layer with bias. */
    public String linear(String id, String in, int outFeatures) {
        return linear(id, in, outFeatures, Conv.Bias.WITH_BIAS);
    }

    /** Batch normalisation (affine): {@code 2 · C} parameters, 2 FLOPs per element. */
    public String batchNorm(String id, String in) {
        Shape s = shape(in);
        return put(id, LayerKind.BATCH_NORM, "batchnorm " + s.channels(), List.of(in), s, 0,
                2.0 * s.elements(), 2L * s.channels());
    }

    /** Local response normalisation over {@code size} channels: {@code size + 3} FLOPs per element. */
    public String localResponseNorm(String id, String in, int size) {
        Shape s = shape(in);
        return put(id, LayerKind.LOCAL_RESPONSE_NORM, "lrn " + size, List.of(in), s, 0,
                (double) (size + 3) * s.elements(), 0);
    }

    /** ReLU: 1 FLOP per element. */
    public String relu(String id, String in) {
        return activation(id, in, "relu");
    }

    /** An element-wise activation named {@code name} (relu, relu6, leaky): 1 FLOP per element. */
    public String activation(String id, String in, String name) {
        Shape s = shape(in);
        return put(id, LayerKind.ACTIVATION, name, List.of(in), s, 0, s.elements(), 0);
    }

    /** Max pooling: one FLOP (comparison) per window element of every output. */
    public String maxPool(String id, String in, Pool p) {
        return pool(id, in, p, LayerKind.MAX_POOL, "maxpool ");
    }

    /** Average pooling: one FLOP per window element of every output. */
    public String avgPool(String id, String in, Pool p) {
        return pool(id, in, p, LayerKind.AVG_POOL, "avgpool ");
    }

    private String pool(String id, String in, Pool p, LayerKind kind, String name) {
        Shape s = shape(in);
        Shape out;
        try {
            out = new Shape(s.channels(), p.outputSize(s.height()), p.outputSize(s.width()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(id + ": " + e.getMessage());
        }
        return put(id, kind, name + p, List.of(in), out, 0, (double) out.elements() * p.kernel() * p.kernel(), 0);
    }

    /**
     * Adaptive average pooling to {@code height × width}, as {@code torch.nn.AdaptiveAvgPool2d}:
     * output cell i covers input rows {@code floor(i·H/h)} to {@code ceil((i+1)·H/h)}. One FLOP per
     * summed input element.
     */
    public String adaptiveAvgPool(String id, String in, int height, int width) {
        Shape s = shape(in);
        long rows = adaptiveSpan(s.height(), height);
        long cols = adaptiveSpan(s.width(), width);
        Shape out = new Shape(s.channels(), height, width);
        return put(id, LayerKind.ADAPTIVE_AVG_POOL, "adaptive avgpool " + height + "x" + width, List.of(in), out, 0,
                (double) s.channels() * rows * cols, 0);
    }

    private static long adaptiveSpan(int n, int out) {
        long total = 0;
        for (int i = 0; i < out; i++) {
            int start = Math.floorDiv(i * n, out);
            int end = -Math.floorDiv(-(i + 1) * n, out);
            total += end - start;
        }
        return total;
    }

    /** Element-wise sum of equally shaped tensors: {@code k − 1} FLOPs per element. */
    public String add(String id, String... in) {
        if (in.length < 2) {
            throw new IllegalArgumentException(id + ": add needs at least 2 inputs, got " + in.length);
        }
        Shape s = shape(in[0]);
        for (String other : in) {
            if (!shape(other).equals(s)) {
                throw new IllegalArgumentException(id + ": add needs equal shapes, got " + s + " and " + shape(other)
                        + " (\"" + other + "\")");
            }
        }
        return put(id, LayerKind.ADD, "add", List.of(in), s, 0, (double) (in.length - 1) * s.elements(), 0);
    }

    /** Concatenation along channels of tensors with equal height and width. */
    public String concat(String id, String... in) {
        if (in.length < 2) {
            throw new IllegalArgumentException(id + ": concat needs at least 2 inputs, got " + in.length);
        }
        Shape first = shape(in[0]);
        int channels = 0;
        for (String other : in) {
            Shape s = shape(other);
            if (s.height() != first.height() || s.width() != first.width()) {
                throw new IllegalArgumentException(id + ": concat needs equal height and width, got " + first
                        + " and " + s + " (\"" + other + "\")");
            }
            channels += s.channels();
        }
        return put(id, LayerKind.CONCAT, "concat", List.of(in), new Shape(channels, first.height(), first.width()),
                0, 0, 0);
    }

    /** Reshape to a flat vector. */
    public String flatten(String id, String in) {
        Shape s = shape(in);
        return put(id, LayerKind.FLATTEN, "flatten", List.of(in), Shape.flat(Math.toIntExact(s.elements())), 0, 0, 0);
    }

    /** Dropout: the identity at inference. */
    public String dropout(String id, String in) {
        return put(id, LayerKind.DROPOUT, "dropout", List.of(in), shape(in), 0, 0, 0);
    }

    private String put(String id, LayerKind kind, String description, List<String> inputs, Shape out, long macs,
                       double flops, long params) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("layer id: must be a non-empty string, got \"" + id + "\"");
        }
        if (layers.containsKey(id)) {
            throw new IllegalArgumentException("layer id: duplicate \"" + id + "\"");
        }
        int bytes = dataType.bytesPerElement();
        layers.put(id, new ZooLayer(id, kind, description, inputs, out, macs, flops, params,
                (double) out.elements() * bytes, (double) params * bytes));
        return id;
    }

    /** The network as a {@link DnnGraph} (no exits): layer flops, output and parameter bytes. */
    public DnnGraph toGraph() {
        return toGraph(layers());
    }

    /** {@code layers} as a {@link DnnGraph}: one vertex per layer, one arc per input. */
    static DnnGraph toGraph(List<ZooLayer> layers) {
        DnnGraph.Builder b = DnnGraph.builder();
        List<String[]> arcs = new ArrayList<>();
        for (ZooLayer l : layers) {
            b.addLayer(l.kind() == LayerKind.INPUT ? Layer.input(l.id(), l.outputBytes())
                    : new Layer(l.id(), l.flops(), l.outputBytes(), l.paramBytes()));
            for (String in : l.inputs()) {
                arcs.add(new String[] {in, l.id()});
            }
        }
        arcs.forEach(a -> b.addArc(a[0], a[1]));
        return b.build();
    }
}
