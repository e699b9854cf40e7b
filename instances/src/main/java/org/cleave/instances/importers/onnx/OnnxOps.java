package org.cleave.instances.importers.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Per-operator rules: output types and shapes, multiply-accumulates and FLOPs of one ONNX node,
 * and the values of small constant results (shape arithmetic). The FLOP rules follow the zoo's
 * convention ({@code docs/import.md} lists them per operator). Shapes include the batch dimension
 * as given. Stateless.
 */
final class OnnxOps {
    /** Values of constant tensors are computed up to this many elements (shape vectors, axes, scales). */
    static final int VALUE_LIMIT = 4096;

    /** Operators whose output is a copy or rearrangement of their input: 0 FLOPs. */
    static final Set<String> MOVES = Set.of("Concat", "Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze",
            "Slice", "Dropout", "Identity", "Cast", "CastLike", "Gather", "Split", "Pad", "Expand", "Tile",
            "DepthToSpace", "SpaceToDepth", "Shape", "Size", "ConstantOfShape", "Constant", "Range");
    /** Element-wise operators on one tensor: 1 FLOP per output element. */
    static final Set<String> UNARY = Set.of("Relu", "Clip", "Sigmoid", "HardSigmoid", "LeakyRelu", "Tanh", "Exp",
            "Log", "Sqrt", "Neg", "Abs", "Erf", "Softplus", "Softsign", "Elu", "Selu", "Celu", "HardSwish", "Mish",
            "Reciprocal", "Floor", "Ceil", "Round", "Sign", "Not", "Sin", "Cos", "ThresholdedRelu", "Gelu",
            "IsNaN", "IsInf");
    /** Element-wise operators on broadcast tensors: {@code k - 1} FLOPs per output element for k inputs. */
    static final Set<String> VARIADIC = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "PRelu",
            "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor", "Mod", "BitShift");
    /** Reductions: 1 FLOP per input element. */
    static final Set<String> REDUCE = Set.of("ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd",
            "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp", "ArgMax", "ArgMin");

    private OnnxOps() {
    }

    /** A node's input: its element type, shape (null when unknown) and value (null when unknown or large). */
    record In(ElementType type, long[] shape, double[] value) {
    }

    /** An output: element type, shape and value (null when not a computed constant). */
    record Out(ElementType type, long[] shape, double[] value) {
    }

    /** The rule's result: one entry per node output, MACs and FLOPs, a one-line description. */
    record Result(List<Out> outputs, long multiplyAccumulates, double flops, String description) {
    }

    /** A rule cannot apply (unknown op, missing shape or value); the message says why. */
    static final class Unknown extends Exception {
        private static final long serialVersionUID = 1L;

        Unknown(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether {@code op} (default domain) has a rule here. */
    static boolean known(String op) {
        return MOVES.contains(op) || UNARY.contains(op) || VARIADIC.contains(op) || REDUCE.contains(op)
                || Set.of("Conv", "ConvTranspose", "Gemm", "MatMul", "BatchNormalization", "MaxPool", "AveragePool",
                        "GlobalAveragePool", "GlobalMaxPool", "LRN", "Resize", "Upsample", "Softmax", "LogSoftmax",
                        "Where", "Mean", "InstanceNormalization", "LayerNormalization").contains(op);
    }

    static Result infer(OnnxProto.Node node, List<In> in, long opset, boolean computeValues) throws Unknown {
        String op = node.opType();
        Attrs a = new Attrs(node);
        if (UNARY.contains(op) || op.equals("Identity") || op.equals("Dropout") || op.equals("Cast")
                || op.equals("CastLike")) {
            In x = input(in, 0, op);
            long[] s = shape(x, op);
            ElementType t = op.equals("Cast") ? ElementType.of((int) a.i("to", 1))
                    : op.equals("CastLike") ? input(in, 1, op).type() : x.type();
            double[] v = null;
            if (computeValues && x.value() != null) {
                v = unaryValue(op, x.value(), a, in, t);
            }
            List<Out> outs = new ArrayList<>();
            outs.add(new Out(t, s, v));
            if (op.equals("Dropout")) {
                outs.add(new Out(ElementType.BOOL, s, null));
            }
            double flops = UNARY.contains(op) ? elements(s) : 0;
            return new Result(outs, 0, flops, op.toLowerCase(Locale.ROOT));
        }
        if (VARIADIC.contains(op) || op.equals("Mean") || op.equals("Where")) {
            long[] s = shape(input(in, 0, op), op);
            for (int k = 1; k < in.size(); k++) {
                if (in.get(k) != null) {
                    s = broadcast(s, shape(in.get(k), op), node);
                }
            }
            ElementType t = Set.of("Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor")
                    .contains(op) ? ElementType.BOOL : op.equals("Where") ? input(in, 1, op).type() : in.get(0).type();
            double[] v = computeValues ? variadicValue(op, in, s) : null;
            int k = (int) in.stream().filter(x -> x != null).count();
            double perElement = op.equals("Where") ? 1 : op.equals("Mean") ? k : Math.max(1, k - 1);
            return new Result(List.of(new Out(t, s, v)), 0, perElement * elements(s), op.toLowerCase(Locale.ROOT));
        }
        return switch (op) {
            case "Conv" -> conv(node, a, in);
            case "ConvTranspose" -> convTranspose(node, a, in);
            case "Gemm" -> gemm(a, in);
            case "MatMul" -> matMul(node, in);
            case "BatchNormalization" -> {
                long[] s = shape(input(in, 0, op), op);
                List<Out> outs = new ArrayList<>();
                outs.add(new Out(in.get(0).type(), s, null));
                for (int k = 1; k < node.outputs().size(); k++) {
                    outs.add(new Out(in.get(0).type(), new long[] {s.length > 1 ? s[1] : 1}, null));
                }
                yield new Result(outs, 0, 2.0 * elements(s), "batchnorm " + (s.length > 1 ? s[1] : 1));
            }
            case "InstanceNormalization", "LayerNormalization" -> {
                long[] s = shape(input(in, 0, op), op);
                yield new Result(List.of(new Out(in.get(0).type(), s, null)), 0, 4.0 * elements(s),
                        op.toLowerCase(Locale.ROOT));
            }
            case "MaxPool", "AveragePool" -> pool(node, a, in);
            case "GlobalAveragePool", "GlobalMaxPool" -> {
                long[] s = shape(input(in, 0, op), op);
                long[] o = s.clone();
                for (int k = 2; k < o.length; k++) {
                    o[k] = 1;
                }
                yield new Result(List.of(new Out(in.get(0).type(), o, null)), 0, elements(s),
                        op.equals("GlobalAveragePool") ? "global avgpool" : "global maxpool");
            }
            case "LRN" -> {
                long[] s = shape(input(in, 0, op), op);
                long size = a.i("size", 1);
                yield new Result(List.of(new Out(in.get(0).type(), s, null)), 0, (size + 3.0) * elements(s),
                        "lrn " + size);
            }
            case "Softmax", "LogSoftmax" -> {
                long[] s = shape(input(in, 0, op), op);
                yield new Result(List.of(new Out(in.get(0).type(), s, null)), 0, 3.0 * elements(s),
                        op.toLowerCase(Locale.ROOT));
            }
            case "Resize", "Upsample" -> resize(node, a, in, opset);
            case "Concat" -> concat(node, a, in, computeValues);
            case "Reshape" -> reshape(node, a, in, computeValues);
            case "Flatten" -> {
                long[] s = shape(input(in, 0, op), op);
                int axis = axis(a.i("axis", 1), s.length + 1, node);
                long outer = 1;
                long inner = 1;
                for (int k = 0; k < s.length; k++) {
                    if (k < axis) {
                        outer *= s[k];
                    } else {
                        inner *= s[k];
                    }
                }
                yield move(in.get(0).type(), new long[] {outer, inner}, computeValues ? in.get(0).value() : null,
                        "flatten");
            }
            case "Transpose" -> {
                long[] s = shape(input(in, 0, op), op);
                long[] perm = a.ints("perm");
                if (perm == null) {
                    perm = new long[s.length];
                    for (int k = 0; k < s.length; k++) {
                        perm[k] = s.length - 1 - k;
                    }
                }
                if (perm.length != s.length) {
                    throw new Unknown("attribute perm has " + perm.length + " entries for a rank-" + s.length
                            + " input");
                }
                long[] o = new long[s.length];
                for (int k = 0; k < s.length; k++) {
                    o[k] = s[(int) perm[k]];
                }
                double[] v = null;
                if (computeValues && in.get(0).value() != null && s.length <= 1) {
                    v = in.get(0).value();
                }
                yield move(in.get(0).type(), o, v, "transpose");
            }
            case "Squeeze" -> squeeze(node, a, in, opset, computeValues);
            case "Unsqueeze" -> unsqueeze(node, a, in, opset, computeValues);
            case "Slice" -> slice(node, a, in, opset, computeValues);
            case "Gather" -> gather(node, a, in, computeValues);
            case "Shape" -> {
                long[] s = shape(input(in, 0, op), op);
                int start = (int) a.i("start", 0);
                int end = (int) a.i("end", s.length);
                start = clamp(start < 0 ? start + s.length : start, 0, s.length);
                end = clamp(end < 0 ? end + s.length : end, 0, s.length);
                double[] v = new double[Math.max(0, end - start)];
                for (int k = start; k < end; k++) {
                    v[k - start] = s[k];
                }
                yield move(ElementType.INT64, new long[] {v.length}, v, "shape");
            }
            case "Size" -> move(ElementType.INT64, new long[0],
                    new double[] {elements(shape(input(in, 0, op), op))}, "size");
            case "Constant" -> constant(node, a);
            case "ConstantOfShape" -> {
                double[] dims = value(input(in, 0, op), "input 0 (shape)");
                long[] s = toLongs(dims);
                OnnxProto.Tensor t = a.tensor("value");
                ElementType type = t == null ? ElementType.FLOAT : ElementType.of(t.dataType());
                double fill = 0;
                if (t != null) {
                    double[] tv = t.values(1);
                    fill = tv == null || tv.length == 0 ? 0 : tv[0];
                }
                double[] v = null;
                if (computeValues && elements(s) <= VALUE_LIMIT) {
                    v = new double[(int) elements(s)];
                    Arrays.fill(v, fill);
                }
                yield move(type, s, v, "constant of shape");
            }
            case "Split" -> split(node, a, in, opset);
            case "Pad" -> {
                long[] s = shape(input(in, 0, op), op);
                long[] pads = opset < 11 ? a.ints("pads") : toLongs(value(input(in, 1, op), "input 1 (pads)"));
                if (pads == null) {
                    throw new Unknown("attribute pads is missing");
                }
                long[] axes = in.size() > 3 && in.get(3) != null ? toLongs(value(in.get(3), "input 3 (axes)")) : null;
                long[] o = s.clone();
                int n = axes == null ? s.length : axes.length;
                for (int k = 0; k < n; k++) {
                    int ax = axes == null ? k : axis(axes[k], s.length, node);
                    o[ax] += pads[k] + pads[k + n];
                }
                yield move(in.get(0).type(), o, null, "pad");
            }
            case "Expand" -> {
                long[] s = shape(input(in, 0, op), op);
                long[] o = broadcast(s, toLongs(value(input(in, 1, op), "input 1 (shape)")), node);
                yield move(in.get(0).type(), o, null, "expand");
            }
            case "Tile" -> {
                long[] s = shape(input(in, 0, op), op);
                long[] r = toLongs(value(input(in, 1, op), "input 1 (repeats)"));
                long[] o = s.clone();
                for (int k = 0; k < o.length && k < r.length; k++) {
                    o[k] *= r[k];
                }
                yield move(in.get(0).type(), o, null, "tile");
            }
            case "Range" -> {
                double start = value(input(in, 0, op), "input 0 (start)")[0];
                double limit = value(input(in, 1, op), "input 1 (limit)")[0];
                double delta = value(input(in, 2, op), "input 2 (delta)")[0];
                long n = Math.max(0, (long) Math.ceil((limit - start) / delta));
                double[] v = null;
                if (computeValues && n <= VALUE_LIMIT) {
                    v = new double[(int) n];
                    for (int k = 0; k < n; k++) {
                        v[k] = start + k * delta;
                    }
                }
                yield move(in.get(0).type(), new long[] {n}, v, "range");
            }
            case "DepthToSpace", "SpaceToDepth" -> {
                long[] s = shape(input(in, 0, op), op);
                long b = a.i("blocksize", 1);
                long[] o = s.clone();
                if (op.equals("DepthToSpace")) {
                    o[1] = s[1] / (b * b);
                    o[2] = s[2] * b;
                    o[3] = s[3] * b;
                } else {
                    o[1] = s[1] * b * b;
                    o[2] = s[2] / b;
                    o[3] = s[3] / b;
                }
                yield move(in.get(0).type(), o, null, op.toLowerCase(Locale.ROOT));
            }
            default -> {
                if (REDUCE.contains(op)) {
                    yield reduce(node, a, in, opset);
                }
                throw new Unknown("no rule for operator " + op);
            }
        };
    }

    private static Result move(ElementType t, long[] s, double[] v, String description) {
        return new Result(List.of(new Out(t, s, v)), 0, 0, description);
    }

    // ---- convolution and matrix products ----

    private static Result conv(OnnxProto.Node node, Attrs a, List<In> in) throws Unknown {
        long[] x = shape(input(in, 0, "Conv"), "Conv");
        long[] w = shape(input(in, 1, "Conv"), "Conv weight");
        int spatial = x.length - 2;
        long group = a.i("group", 1);
        long[] k = a.ints("kernel_shape");
        if (k == null) {
            k = Arrays.copyOfRange(w, 2, w.length);
        }
        long[] strides = a.ints("strides", spatial, 1);
        long[] dil = a.ints("dilations", spatial, 1);
        long[] pads = a.ints("pads", 2 * spatial, 0);
        String autoPad = a.s("auto_pad", "NOTSET");
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[0];
        for (int d = 0; d < spatial; d++) {
            out[2 + d] = window(x[2 + d], k[d], strides[d], dil[d], pads[d], pads[d + spatial], autoPad, false);
        }
        if (x[1] != w[1] * group) {
            throw new Unknown("input channels " + x[1] + " != weight channels " + w[1] + " x group " + group);
        }
        long perOutput = w[1] * product(k);
        long macs = elements(out) * perOutput;
        String desc = "conv " + join(k) + "/" + strides[0] + " " + w[0] + (group > 1 ? " g" + group : "");
        return new Result(List.of(new Out(in.get(0).type(), out, null)), macs, 2.0 * macs, desc);
    }

    private static Result convTranspose(OnnxProto.Node node, Attrs a, List<In> in) throws Unknown {
        long[] x = shape(input(in, 0, "ConvTranspose"), "ConvTranspose");
        long[] w = shape(input(in, 1, "ConvTranspose"), "ConvTranspose weight");
        int spatial = x.length - 2;
        long group = a.i("group", 1);
        long[] k = a.ints("kernel_shape");
        if (k == null) {
            k = Arrays.copyOfRange(w, 2, w.length);
        }
        long[] strides = a.ints("strides", spatial, 1);
        long[] dil = a.ints("dilations", spatial, 1);
        long[] pads = a.ints("pads", 2 * spatial, 0);
        long[] outPad = a.ints("output_padding", spatial, 0);
        long[] outShape = a.ints("output_shape");
        String autoPad = a.s("auto_pad", "NOTSET");
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[1] * group;
        for (int d = 0; d < spatial; d++) {
            if (outShape != null) {
                out[2 + d] = outShape[outShape.length - spatial + d];
            } else if (autoPad.startsWith("SAME")) {
                out[2 + d] = x[2 + d] * strides[d];
            } else {
                out[2 + d] = strides[d] * (x[2 + d] - 1) + outPad[d] + (k[d] - 1) * dil[d] + 1 - pads[d]
                        - pads[d + spatial];
            }
        }
        long macs = elements(x) * w[1] * product(k);
        String desc = "convtranspose " + join(k) + "/" + strides[0] + " " + out[1];
        return new Result(List.of(new Out(in.get(0).type(), out, null)), macs, 2.0 * macs, desc);
    }

    private static Result gemm(Attrs a, List<In> in) throws Unknown {
        long[] sa = shape(input(in, 0, "Gemm"), "Gemm");
        long[] sb = shape(input(in, 1, "Gemm"), "Gemm B");
        if (sa.length != 2 || sb.length != 2) {
            throw new Unknown("Gemm needs rank-2 inputs, got " + join(sa) + " and " + join(sb));
        }
        boolean ta = a.i("transA", 0) != 0;
        boolean tb = a.i("transB", 0) != 0;
        long m = ta ? sa[1] : sa[0];
        long kk = ta ? sa[0] : sa[1];
        long n = tb ? sb[0] : sb[1];
        long macs = m * kk * n;
        return new Result(List.of(new Out(in.get(0).type(), new long[] {m, n}, null)), macs, 2.0 * macs,
                "gemm " + kk + "->" + n);
    }

    private static Result matMul(OnnxProto.Node node, List<In> in) throws Unknown {
        long[] sa = shape(input(in, 0, "MatMul"), "MatMul");
        long[] sb = shape(input(in, 1, "MatMul"), "MatMul B");
        boolean va = sa.length == 1;
        boolean vb = sb.length == 1;
        long[] a2 = va ? new long[] {1, sa[0]} : sa;
        long[] b2 = vb ? new long[] {sb[0], 1} : sb;
        long m = a2[a2.length - 2];
        long k = a2[a2.length - 1];
        long n = b2[b2.length - 1];
        if (b2[b2.length - 2] != k) {
            throw new Unknown("MatMul inner dimensions differ: " + join(sa) + " and " + join(sb));
        }
        long[] batch = broadcast(Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2), node);
        List<Long> o = new ArrayList<>();
        for (long d : batch) {
            o.add(d);
        }
        if (!va) {
            o.add(m);
        }
        if (!vb) {
            o.add(n);
        }
        long[] out = o.stream().mapToLong(Long::longValue).toArray();
        long macs = product(batch) * m * k * n;
        return new Result(List.of(new Out(in.get(0).type(), out, null)), macs, 2.0 * macs, "matmul " + k + "->" + n);
    }

    // ---- pooling, resize, reduce ----

    private static Result pool(OnnxProto.Node node, Attrs a, List<In> in) throws Unknown {
        String op = node.opType();
        long[] x = shape(input(in, 0, op), op);
        int spatial = x.length - 2;
        long[] k = a.ints("kernel_shape");
        if (k == null) {
            throw new Unknown("attribute kernel_shape is missing");
        }
        long[] strides = a.ints("strides", spatial, 1);
        long[] dil = a.ints("dilations", spatial, 1);
        long[] pads = a.ints("pads", 2 * spatial, 0);
        boolean ceil = a.i("ceil_mode", 0) != 0;
        String autoPad = a.s("auto_pad", "NOTSET");
        long[] out = x.clone();
        for (int d = 0; d < spatial; d++) {
            out[2 + d] = window(x[2 + d], k[d], strides[d], dil[d], pads[d], pads[d + spatial], autoPad, ceil);
        }
        List<Out> outs = new ArrayList<>();
        outs.add(new Out(in.get(0).type(), out, null));
        if (node.outputs().size() > 1) {
            outs.add(new Out(ElementType.INT64, out, null));
        }
        String desc = (op.equals("MaxPool") ? "maxpool " : "avgpool ") + join(k) + "/" + strides[0];
        return new Result(outs, 0, (double) elements(out) * product(k), desc);
    }

    private static long window(long n, long k, long s, long d, long pb, long pe, String autoPad, boolean ceil)
            throws Unknown {
        if (autoPad.equals("SAME_UPPER") || autoPad.equals("SAME_LOWER")) {
            return (n + s - 1) / s;
        }
        if (autoPad.equals("VALID")) {
            pb = 0;
            pe = 0;
        }
        long span = n + pb + pe - d * (k - 1) - 1;
        if (span < 0) {
            throw new Unknown("kernel " + k + " larger than the padded input " + (n + pb + pe));
        }
        long out = (ceil ? Math.floorDiv(span + s - 1, s) : Math.floorDiv(span, s)) + 1;
        if (ceil && (out - 1) * s >= n + pb) {
            out--;
        }
        return out;
    }

    private static Result resize(OnnxProto.Node node, Attrs a, List<In> in, long opset) throws Unknown {
        String op = node.opType();
        long[] x = shape(input(in, 0, op), op);
        long[] out = x.clone();
        double[] scales = null;
        long[] sizes = null;
        if (op.equals("Upsample") && opset < 9) {
            float[] f = a.floats("scales");
            if (f != null) {
                scales = new double[f.length];
                for (int k = 0; k < f.length; k++) {
                    scales[k] = f[k];
                }
            }
        } else if (op.equals("Upsample") || opset < 11) {
            scales = value(input(in, 1, op), "input 1 (scales)");
        } else {
            if (in.size() > 3 && in.get(3) != null && in.get(3).shape() != null && elements(in.get(3).shape()) > 0) {
                sizes = toLongs(value(in.get(3), "input 3 (sizes)"));
            } else if (in.size() > 2 && in.get(2) != null) {
                scales = value(in.get(2), "input 2 (scales)");
            }
        }
        long[] axes = a.ints("axes");
        int n = sizes != null ? sizes.length : scales != null ? scales.length : 0;
        if (n == 0) {
            throw new Unknown("neither scales nor sizes is given");
        }
        for (int k = 0; k < n; k++) {
            int ax = axes == null ? k : axis(axes[k], x.length, node);
            out[ax] = sizes != null ? sizes[k] : (long) Math.floor(x[ax] * scales[k]);
        }
        int resized = 0;
        for (int k = 0; k < x.length; k++) {
            if (out[k] != x[k]) {
                resized++;
            }
        }
        String mode = a.s("mode", "nearest");
        double perElement = mode.equals("nearest") ? 0
                : mode.equals("cubic") ? 2 * Math.pow(4, resized) - 1 : 2 * Math.pow(2, resized) - 1;
        return new Result(List.of(new Out(in.get(0).type(), out, null)), 0, perElement * elements(out),
                "resize " + mode + " " + join(out));
    }

    private static Result reduce(OnnxProto.Node node, Attrs a, List<In> in, long opset) throws Unknown {
        String op = node.opType();
        long[] x = shape(input(in, 0, op), op);
        boolean keep = a.i("keepdims", 1) != 0;
        long[] axes;
        if (op.startsWith("Arg")) {
            axes = new long[] {a.i("axis", 0)};
        } else if (a.ints("axes") != null) {
            axes = a.ints("axes");
        } else if (in.size() > 1 && in.get(1) != null) {
            axes = toLongs(value(in.get(1), "input 1 (axes)"));
        } else {
            axes = null;
        }
        boolean[] reduced = new boolean[x.length];
        if (axes == null || axes.length == 0) {
            if (a.i("noop_with_empty_axes", 0) != 0) {
                return new Result(List.of(new Out(in.get(0).type(), x, null)), 0, 0, op.toLowerCase(Locale.ROOT));
            }
            Arrays.fill(reduced, true);
        } else {
            for (long ax : axes) {
                reduced[axis(ax, x.length, node)] = true;
            }
        }
        List<Long> o = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            if (!reduced[k]) {
                o.add(x[k]);
            } else if (keep) {
                o.add(1L);
            }
        }
        ElementType t = op.startsWith("Arg") ? ElementType.INT64 : in.get(0).type();
        return new Result(List.of(new Out(t, o.stream().mapToLong(Long::longValue).toArray(), null)), 0,
                elements(x), op.toLowerCase(Locale.ROOT));
    }

    // ---- shape manipulation (values computed for small constants) ----

    private static Result concat(OnnxProto.Node node, Attrs a, List<In> in, boolean computeValues) throws Unknown {
        long[] first = shape(input(in, 0, "Concat"), "Concat");
        int ax = axis(a.i("axis", 0), first.length, node);
        long[] out = first.clone();
        out[ax] = 0;
        boolean values = computeValues && first.length == 1;
        List<Double> v = new ArrayList<>();
        for (In x : in) {
            long[] s = shape(x, "Concat");
            if (s.length != first.length) {
                throw new Unknown("Concat inputs of ranks " + first.length + " and " + s.length);
            }
            out[ax] += s[ax];
            if (values && x.value() != null) {
                for (double d : x.value()) {
                    v.add(d);
                }
            } else {
                values = false;
            }
        }
        double[] value = values ? v.stream().mapToDouble(Double::doubleValue).toArray() : null;
        return move(in.get(0).type(), out, value, "concat");
    }

    private static Result reshape(OnnxProto.Node node, Attrs a, List<In> in, boolean computeValues) throws Unknown {
        In x = input(in, 0, "Reshape");
        long[] s = shape(x, "Reshape");
        long[] target = in.size() > 1 ? toLongs(value(input(in, 1, "Reshape"), "input 1 (shape)")) : a.ints("shape");
        if (target == null) {
            throw new Unknown("no target shape");
        }
        boolean allowZero = a.i("allowzero", 0) != 0;
        long[] out = target.clone();
        int unknown = -1;
        long known = 1;
        for (int k = 0; k < out.length; k++) {
            if (out[k] == 0 && !allowZero) {
                if (k >= s.length) {
                    throw new Unknown("shape entry " + k + " is 0 but the input has rank " + s.length);
                }
                out[k] = s[k];
            }
            if (out[k] == -1) {
                if (unknown >= 0) {
                    throw new Unknown("two -1 entries in shape " + join(target));
                }
                unknown = k;
            } else {
                known *= out[k];
            }
        }
        if (unknown >= 0) {
            out[unknown] = known == 0 ? 0 : elements(s) / known;
        }
        if (elements(out) != elements(s)) {
            throw new Unknown("cannot reshape " + join(s) + " to " + join(target));
        }
        return move(x.type(), out, computeValues ? x.value() : null, "reshape " + join(out));
    }

    private static Result squeeze(OnnxProto.Node node, Attrs a, List<In> in, long opset, boolean computeValues)
            throws Unknown {
        In x = input(in, 0, "Squeeze");
        long[] s = shape(x, "Squeeze");
        long[] axes = opset < 13 ? a.ints("axes")
                : in.size() > 1 && in.get(1) != null ? toLongs(value(in.get(1), "input 1 (axes)")) : null;
        boolean[] drop = new boolean[s.length];
        if (axes == null) {
            for (int k = 0; k < s.length; k++) {
                drop[k] = s[k] == 1;
            }
        } else {
            for (long ax : axes) {
                drop[axis(ax, s.length, node)] = true;
            }
        }
        List<Long> o = new ArrayList<>();
        for (int k = 0; k < s.length; k++) {
            if (!drop[k]) {
                o.add(s[k]);
            }
        }
        return move(x.type(), o.stream().mapToLong(Long::longValue).toArray(), computeValues ? x.value() : null,
                "squeeze");
    }

    private static Result unsqueeze(OnnxProto.Node node, Attrs a, List<In> in, long opset, boolean computeValues)
            throws Unknown {
        In x = input(in, 0, "Unsqueeze");
        long[] s = shape(x, "Unsqueeze");
        long[] axes = opset < 13 ? a.ints("axes") : toLongs(value(input(in, 1, "Unsqueeze"), "input 1 (axes)"));
        if (axes == null) {
            throw new Unknown("no axes");
        }
        int rank = s.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long ax : axes) {
            inserted[axis(ax, rank, node)] = true;
        }
        long[] out = new long[rank];
        int j = 0;
        for (int k = 0; k < rank; k++) {
            out[k] = inserted[k] ? 1 : s[j++];
        }
        return move(x.type(), out, computeValues ? x.value() : null, "unsqueeze");
    }

    private static Result slice(OnnxProto.Node node, Attrs a, List<In> in, long opset, boolean computeValues)
            throws Unknown {
        In x = input(in, 0, "Slice");
        long[] s = shape(x, "Slice");
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (opset < 10) {
            starts = a.ints("starts");
            ends = a.ints("ends");
            axes = a.ints("axes");
        } else {
            starts = toLongs(value(input(in, 1, "Slice"), "input 1 (starts)"));
            ends = toLongs(value(input(in, 2, "Slice"), "input 2 (ends)"));
            axes = in.size() > 3 && in.get(3) != null ? toLongs(value(in.get(3), "input 3 (axes)")) : null;
            steps = in.size() > 4 && in.get(4) != null ? toLongs(value(in.get(4), "input 4 (steps)")) : null;
        }
        if (starts == null || ends == null) {
            throw new Unknown("starts or ends missing");
        }
        long[] out = s.clone();
        long[] from = new long[s.length];
        long[] step = new long[s.length];
        Arrays.fill(step, 1);
        for (int k = 0; k < starts.length; k++) {
            int ax = axes == null ? k : axis(axes[k], s.length, node);
            long st = steps == null ? 1 : steps[k];
            if (st == 0) {
                throw new Unknown("step 0");
            }
            long dim = s[ax];
            long b = starts[k] < 0 ? starts[k] + dim : starts[k];
            long e = ends[k] < 0 ? ends[k] + dim : ends[k];
            long n;
            if (st > 0) {
                b = Math.max(0, Math.min(b, dim));
                e = Math.max(0, Math.min(e, dim));
                n = e > b ? (e - b + st - 1) / st : 0;
            } else {
                b = Math.max(-1, Math.min(b, dim - 1));
                e = Math.max(-1, Math.min(e, dim - 1));
                n = b > e ? (b - e - st - 1) / -st : 0;
            }
            out[ax] = n;
            from[ax] = b;
            step[ax] = st;
        }
        double[] v = null;
        if (computeValues && x.value() != null && s.length == 1) {
            v = new double[(int) out[0]];
            for (int k = 0; k < v.length; k++) {
                v[k] = x.value()[(int) (from[0] + k * step[0])];
            }
        }
        return move(x.type(), out, v, "slice");
    }

    private static Result gather(OnnxProto.Node node, Attrs a, List<In> in, boolean computeValues) throws Unknown {
        In data = input(in, 0, "Gather");
        In idx = input(in, 1, "Gather");
        long[] s = shape(data, "Gather");
        long[] is = shape(idx, "Gather indices");
        int ax = axis(a.i("axis", 0), s.length, node);
        long[] out = new long[s.length - 1 + is.length];
        int j = 0;
        for (int k = 0; k < ax; k++) {
            out[j++] = s[k];
        }
        for (long d : is) {
            out[j++] = d;
        }
        for (int k = ax + 1; k < s.length; k++) {
            out[j++] = s[k];
        }
        double[] v = null;
        if (computeValues && data.value() != null && idx.value() != null && s.length == 1) {
            v = new double[idx.value().length];
            for (int k = 0; k < v.length; k++) {
                long i = (long) idx.value()[k];
                if (i < 0) {
                    i += s[0];
                }
                if (i < 0 || i >= s[0]) {
                    throw new Unknown("index " + (long) idx.value()[k] + " out of range for " + s[0] + " elements");
                }
                v[k] = data.value()[(int) i];
            }
        }
        return move(data.type(), out, v, "gather");
    }

    private static Result split(OnnxProto.Node node, Attrs a, List<In> in, long opset) throws Unknown {
        long[] s = shape(input(in, 0, "Split"), "Split");
        int ax = axis(a.i("axis", 0), s.length, node);
        int outputs = node.outputs().size();
        long[] parts = opset < 13 ? a.ints("split")
                : in.size() > 1 && in.get(1) != null ? toLongs(value(in.get(1), "input 1 (split)")) : null;
        if (parts == null) {
            parts = new long[outputs];
            long chunk = (s[ax] + outputs - 1) / outputs;
            long left = s[ax];
            for (int k = 0; k < outputs; k++) {
                parts[k] = Math.min(chunk, left);
                left -= parts[k];
            }
        }
        if (parts.length != outputs) {
            throw new Unknown("split has " + parts.length + " parts for " + outputs + " outputs");
        }
        List<Out> outs = new ArrayList<>();
        for (long p : parts) {
            long[] o = s.clone();
            o[ax] = p;
            outs.add(new Out(in.get(0).type(), o, null));
        }
        return new Result(outs, 0, 0, "split " + outputs);
    }

    private static Result constant(OnnxProto.Node node, Attrs a) throws Unknown {
        OnnxProto.Tensor t = a.tensor("value");
        if (t != null) {
            return move(ElementType.of(t.dataType()), t.dims(), t.values(VALUE_LIMIT), "constant");
        }
        OnnxProto.Attribute attr = node.attributes().get("value_float");
        if (attr != null) {
            return move(ElementType.FLOAT, new long[0], new double[] {attr.f()}, "constant");
        }
        attr = node.attributes().get("value_int");
        if (attr != null) {
            return move(ElementType.INT64, new long[0], new double[] {attr.i()}, "constant");
        }
        attr = node.attributes().get("value_floats");
        if (attr != null) {
            double[] v = new double[attr.floats().length];
            for (int k = 0; k < v.length; k++) {
                v[k] = attr.floats()[k];
            }
            return move(ElementType.FLOAT, new long[] {v.length}, v, "constant");
        }
        attr = node.attributes().get("value_ints");
        if (attr != null) {
            double[] v = Arrays.stream(attr.ints()).asDoubleStream().toArray();
            return move(ElementType.INT64, new long[] {v.length}, v, "constant");
        }
        throw new Unknown("Constant without a value attribute Cleave reads (value, value_float(s), value_int(s))");
    }

    // ---- element-wise values of small constants ----

    private static double[] unaryValue(String op, double[] x, Attrs a, List<In> in, ElementType to) {
        double[] v = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double d = x[k];
            v[k] = switch (op) {
                case "Identity", "Dropout" -> d;
                case "Cast", "CastLike" -> to.isFloating() ? d : to == ElementType.BOOL ? (d != 0 ? 1 : 0)
                        : d < 0 ? Math.ceil(d) : Math.floor(d);
                case "Neg" -> -d;
                case "Abs" -> Math.abs(d);
                case "Sqrt" -> Math.sqrt(d);
                case "Floor" -> Math.floor(d);
                case "Ceil" -> Math.ceil(d);
                case "Relu" -> Math.max(0, d);
                case "Exp" -> Math.exp(d);
                case "Log" -> Math.log(d);
                case "Reciprocal" -> 1 / d;
                case "Not" -> d == 0 ? 1 : 0;
                case "Sign" -> Math.signum(d);
                case "Round" -> Math.rint(d);
                default -> Double.NaN;
            };
            if (Double.isNaN(v[k]) && !Double.isNaN(d)) {
                return null;
            }
        }
        return v;
    }

    private static double[] variadicValue(String op, List<In> in, long[] outShape) {
        long n = elements(outShape);
        if (n > VALUE_LIMIT) {
            return null;
        }
        for (In x : in) {
            if (x != null && x.value() == null) {
                return null;
            }
        }
        double[] v = new double[(int) n];
        boolean integer = !in.get(0).type().isFloating();
        for (int k = 0; k < n; k++) {
            double r = at(in.get(0), outShape, k);
            for (int j = 1; j < in.size(); j++) {
                if (in.get(j) == null) {
                    continue;
                }
                double y = at(in.get(j), outShape, k);
                if (op.equals("Where")) {
                    r = r != 0 ? at(in.get(1), outShape, k) : at(in.get(2), outShape, k);
                    break;
                }
                r = switch (op) {
                    case "Add", "Sum", "Mean" -> r + y;
                    case "Sub" -> r - y;
                    case "Mul" -> r * y;
                    case "Div" -> integer ? (y == 0 ? Double.NaN : (double) ((long) r / (long) y)) : r / y;
                    case "Pow" -> Math.pow(r, y);
                    case "Max" -> Math.max(r, y);
                    case "Min" -> Math.min(r, y);
                    case "Equal" -> r == y ? 1 : 0;
                    case "Less" -> r < y ? 1 : 0;
                    case "Greater" -> r > y ? 1 : 0;
                    case "LessOrEqual" -> r <= y ? 1 : 0;
                    case "GreaterOrEqual" -> r >= y ? 1 : 0;
                    case "And" -> r != 0 && y != 0 ? 1 : 0;
                    case "Or" -> r != 0 || y != 0 ? 1 : 0;
                    case "Mod" -> y == 0 ? Double.NaN : r - y * Math.floor(r / y);
                    default -> Double.NaN;
                };
            }
            if (op.equals("Mean")) {
                r /= in.size();
            }
            if (Double.isNaN(r)) {
                return null;
            }
            v[k] = r;
        }
        return v;
    }

    /** The element of {@code x} that broadcasts to flat index {@code k} of {@code outShape}. */
    private static double at(In x, long[] outShape, int k) {
        long[] s = x.shape();
        double[] v = x.value();
        if (v.length == 1) {
            return v[0];
        }
        int offset = outShape.length - s.length;
        long index = 0;
        long rest = k;
        long stride = 1;
        for (int d = outShape.length - 1; d >= 0; d--) {
            long coord = rest % outShape[d];
            rest /= outShape[d];
            int sd = d - offset;
            if (sd >= 0) {
                if (s[sd] != 1) {
                    index += coord * stride;
                }
                stride *= s[sd];
            }
        }
        return v[(int) index];
    }

    // ---- helpers ----

    static long[] broadcast(long[] x, long[] y, OnnxProto.Node node) throws Unknown {
        int r = Math.max(x.length, y.length);
        long[] o = new long[r];
        for (int k = 0; k < r; k++) {
            long a = k - (r - x.length) >= 0 ? x[k - (r - x.length)] : 1;
            long b = k - (r - y.length) >= 0 ? y[k - (r - y.length)] : 1;
            if (a != b && a != 1 && b != 1) {
                throw new Unknown("shapes " + join(x) + " and " + join(y) + " do not broadcast");
            }
            o[k] = a == 1 ? b : a;
        }
        return o;
    }

    private static In input(List<In> in, int k, String what) throws Unknown {
        if (k >= in.size() || in.get(k) == null) {
            throw new Unknown(what + " input " + k + " is missing");
        }
        return in.get(k);
    }

    private static long[] shape(In x, String what) throws Unknown {
        if (x == null || x.shape() == null) {
            throw new Unknown(what + ": an input's shape is unknown");
        }
        return x.shape();
    }

    private static double[] value(In x, String what) throws Unknown {
        if (x.value() == null) {
            throw new Unknown(what + " is not a constant Cleave can evaluate");
        }
        return x.value();
    }

    static long[] toLongs(double[] v) {
        long[] o = new long[v.length];
        for (int k = 0; k < v.length; k++) {
            o[k] = v[k] >= 9.2e18 ? Long.MAX_VALUE : v[k] <= -9.2e18 ? Long.MIN_VALUE : (long) v[k];
        }
        return o;
    }

    private static int axis(long ax, int rank, OnnxProto.Node node) throws Unknown {
        long a = ax < 0 ? ax + rank : ax;
        if (a < 0 || a >= rank) {
            throw new Unknown("axis " + ax + " out of range for rank " + rank);
        }
        return (int) a;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static long elements(long[] s) {
        long n = 1;
        for (long d : s) {
            n *= d;
        }
        return n;
    }

    private static long product(long[] s) {
        return elements(s);
    }

    static String join(long[] s) {
        return InputShapes.format(s);
    }

    /** Typed access to a node's attributes with defaults. */
    private static final class Attrs {
        private final OnnxProto.Node node;

        Attrs(OnnxProto.Node node) {
            this.node = node;
        }

        long i(String name, long dflt) {
            OnnxProto.Attribute a = node.attributes().get(name);
            return a == null ? dflt : a.i();
        }

        String s(String name, String dflt) {
            OnnxProto.Attribute a = node.attributes().get(name);
            return a == null || a.s().isEmpty() ? dflt : a.s();
        }

        long[] ints(String name) {
            OnnxProto.Attribute a = node.attributes().get(name);
            return a == null ? null : a.ints();
        }

        long[] ints(String name, int n, long dflt) {
            long[] v = ints(name);
            if (v == null || v.length < n) {
                v = new long[n];
                Arrays.fill(v, dflt);
            }
            return v;
        }

        float[] floats(String name) {
            OnnxProto.Attribute a = node.attributes().get(name);
            return a == null ? null : a.floats();
        }

        OnnxProto.Tensor tensor(String name) {
            OnnxProto.Attribute a = node.attributes().get(name);
            return a == null ? null : a.t();
        }
    }
}
