package org.cleave.instances.importers.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal decoder of the ONNX protobuf messages Cleave reads, by field number with
 * {@link CodedInputStream} (no generated code). Field numbers are those of ONNX's {@code onnx.proto}:
 * ModelProto (ir_version 1, graph 7, opset_import 8), OperatorSetIdProto (domain 1, version 2),
 * GraphProto (node 1, name 2, initializer 5, input 11, output 12, value_info 13,
 * sparse_initializer 15), NodeProto (input 1, output 2, name 3, op_type 4, attribute 5, domain 7),
 * AttributeProto (name 1, f 2, i 3, s 4, t 5, g 6, floats 7, ints 8, strings 9, tensors 10,
 * graphs 11, type 20), TensorProto (dims 1, data_type 2, float_data 4, int32_data 5, string_data 6,
 * int64_data 7, name 8, raw_data 9, double_data 10, uint64_data 11, external_data 13,
 * data_location 14), ValueInfoProto (name 1, type 2), TypeProto (tensor_type 1), TypeProto.Tensor
 * (elem_type 1, shape 2), TensorShapeProto (dim 1), Dimension (dim_value 1, dim_param 2). Unknown
 * fields are skipped. Tensor payloads are kept as slices of the file's bytes and decoded only on
 * demand ({@link Tensor#values(int)}).
 */
final class OnnxProto {
    private OnnxProto() {
    }

    /** A model: IR version, opsets by domain ("" = the default domain) and the main graph. */
    record Model(long irVersion, Map<String, Long> opsets, Graph graph) {
    }

    /** The main graph. */
    record Graph(String name, List<Node> nodes, List<Tensor> initializers, List<ValueInfo> inputs,
                 List<ValueInfo> outputs, List<ValueInfo> valueInfos, int sparseInitializers) {
    }

    /** A node. */
    record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                Map<String, Attribute> attributes) {
    }

    /** An attribute; only the fields its type uses are set. {@code graphs} counts g and graphs. */
    record Attribute(String name, int type, float f, long i, String s, Tensor t, float[] floats, long[] ints,
                     int graphs) {
    }

    /**
     * A tensor: type, dims and its data as one of the payload fields. {@code raw} is a slice of the
     * file; {@code floats}, {@code int32s}, {@code int64s}, {@code doubles} hold the typed fields
     * that were present (empty arrays otherwise).
     */
    record Tensor(String name, int dataType, long[] dims, ByteBuffer raw, float[] floats, long[] int32s,
                  long[] int64s, double[] doubles, int strings, boolean external) {

        /** Number of elements: the product of the dims (1 for a scalar). */
        long elements() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }

        /**
         * The values as doubles when the tensor holds at most {@code limit} elements of a numeric
         * type, else {@code null}. Integers beyond 2^53 lose precision, which only matters for
         * "infinite" slice bounds and is harmless there.
         */
        double[] values(int limit) {
            long n = elements();
            if (n > limit || external || n < 0) {
                return null;
            }
            int count = (int) n;
            double[] v = new double[count];
            if (raw != null && raw.remaining() > 0) {
                ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                ElementType t = ElementType.of(dataType);
                if (b.remaining() < (long) count * t.wholeBytes()) {
                    return null;
                }
                for (int k = 0; k < count; k++) {
                    v[k] = switch (t) {
                        case FLOAT -> b.getFloat();
                        case DOUBLE -> b.getDouble();
                        case INT64, UINT64 -> b.getLong();
                        case INT32 -> b.getInt();
                        case UINT32 -> Integer.toUnsignedLong(b.getInt());
                        case INT16 -> b.getShort();
                        case UINT16 -> Short.toUnsignedInt(b.getShort());
                        case INT8 -> b.get();
                        case UINT8, BOOL -> Byte.toUnsignedInt(b.get());
                        case FLOAT16 -> OnnxProto.half(b.getShort());
                        case BFLOAT16 -> Float.intBitsToFloat(Short.toUnsignedInt(b.getShort()) << 16);
                        default -> Double.NaN;
                    };
                }
                return v;
            }
            if (floats.length == count) {
                for (int k = 0; k < count; k++) {
                    v[k] = floats[k];
                }
            } else if (int64s.length == count) {
                for (int k = 0; k < count; k++) {
                    v[k] = int64s[k];
                }
            } else if (doubles.length == count) {
                System.arraycopy(doubles, 0, v, 0, count);
            } else if (int32s.length == count) {
                ElementType t = ElementType.of(dataType);
                for (int k = 0; k < count; k++) {
                    v[k] = t == ElementType.FLOAT16 ? OnnxProto.half((short) int32s[k])
                            : t == ElementType.BFLOAT16 ? Float.intBitsToFloat((int) int32s[k] << 16) : int32s[k];
                }
            } else if (count == 0) {
                return v;
            } else {
                return null;
            }
            return v;
        }
    }

    /** The value of IEEE 754 half-precision bits. */
    static float half(short bits) {
        int h = bits & 0xffff;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** A graph input, output or value_info: a tensor type with an optional shape. */
    record ValueInfo(String name, int elemType, List<Dim> dims, boolean hasShape) {
    }

    /** One dimension: a value ({@code >= 0}), a symbolic name, or neither (unknown). */
    record Dim(long value, String param) {
        boolean known() {
            return value > 0;
        }

        @Override
        public String toString() {
            return value > 0 ? Long.toString(value) : param.isEmpty() ? "?" : param;
        }
    }

    /**
     * Decodes a model from the file's bytes.
     *
     * @throws InvalidProtocolBufferException on a wire-format error (truncated or not protobuf)
     */
    static Model parseModel(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setRecursionLimit(200);
        long ir = 0;
        Map<String, Long> opsets = new LinkedHashMap<>();
        Graph graph = null;
        ByteBuffer whole = ByteBuffer.wrap(bytes);
        in.enableAliasing(true);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> ir = in.readInt64();
                case 7 -> graph = parseGraph(in, whole);
                case 8 -> {
                    int old = enter(in);
                    String domain = "";
                    long version = 0;
                    for (int t = in.readTag(); t != 0; t = in.readTag()) {
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case 1 -> domain = in.readString();
                            case 2 -> version = in.readInt64();
                            default -> in.skipField(t);
                        }
                    }
                    in.popLimit(old);
                    opsets.put(domain, version);
                }
                default -> in.skipField(tag);
            }
        }
        return new Model(ir, opsets, graph);
    }

    /** Enters the length-delimited sub-message at the stream's position; returns the old limit. */
    private static int enter(CodedInputStream in) throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("negative message length " + length);
        }
        return in.pushLimit(length);
    }

    private static Graph parseGraph(CodedInputStream in, ByteBuffer whole) throws IOException {
        int outerLimit = enter(in);
        String name = "";
        List<Node> nodes = new ArrayList<>();
        List<Tensor> inits = new ArrayList<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        List<ValueInfo> infos = new ArrayList<>();
        int sparse = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> nodes.add(parseNode(in, whole));
                case 2 -> name = in.readString();
                case 5 -> inits.add(parseTensor(in, whole));
                case 11 -> inputs.add(parseValueInfo(in, whole));
                case 12 -> outputs.add(parseValueInfo(in, whole));
                case 13 -> infos.add(parseValueInfo(in, whole));
                case 15 -> {
                    sparse++;
                    in.skipField(tag);
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(outerLimit);
        return new Graph(name, nodes, inits, inputs, outputs, infos, sparse);
    }

    private static Node parseNode(CodedInputStream in, ByteBuffer whole) throws IOException {
        int outerLimit = enter(in);
        String name = "";
        String op = "";
        String domain = "";
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(in.readString());
                case 2 -> outputs.add(in.readString());
                case 3 -> name = in.readString();
                case 4 -> op = in.readString();
                case 5 -> {
                    Attribute a = parseAttribute(in, whole);
                    attrs.put(a.name(), a);
                }
                case 7 -> domain = in.readString();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(outerLimit);
        return new Node(name, op, domain, inputs, outputs, attrs);
    }

    private static Attribute parseAttribute(CodedInputStream in, ByteBuffer whole) throws IOException {
        int outerLimit = enter(in);
        String name = "";
        int type = 0;
        float f = 0;
        long i = 0;
        String s = "";
        Tensor t = null;
        FloatList floats = new FloatList();
        LongList ints = new LongList();
        int graphs = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            switch (field) {
                case 1 -> name = in.readString();
                case 2 -> f = in.readFloat();
                case 3 -> i = in.readInt64();
                case 4 -> s = new String(in.readByteArray(), StandardCharsets.UTF_8);
                case 5 -> t = parseTensor(in, whole);
                case 6, 11 -> {
                    graphs++;
                    in.skipField(tag);
                }
                case 7 -> readFloats(in, wire, floats);
                case 8 -> readVarints(in, wire, ints);
                case 20 -> type = in.readInt32();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(outerLimit);
        return new Attribute(name, type, f, i, s, t, floats.toArray(), ints.toArray(), graphs);
    }

    private static Tensor parseTensor(CodedInputStream in, ByteBuffer whole) throws IOException {
        int outerLimit = enter(in);
        String name = "";
        int type = 0;
        LongList dims = new LongList();
        ByteBuffer raw = null;
        FloatList floats = new FloatList();
        LongList int32s = new LongList();
        LongList int64s = new LongList();
        List<Double> doubles = new ArrayList<>();
        int strings = 0;
        boolean external = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            switch (field) {
                case 1 -> readVarints(in, wire, dims);
                case 2 -> type = in.readInt32();
                case 4 -> readFloats(in, wire, floats);
                case 5 -> readVarints(in, wire, int32s);
                case 6 -> {
                    strings++;
                    in.skipField(tag);
                }
                case 7, 11 -> readVarints(in, wire, int64s);
                case 8 -> name = in.readString();
                case 9 -> {
                    int length = in.readRawVarint32();
                    int start = in.getTotalBytesRead();
                    in.skipRawBytes(length);
                    raw = ByteBuffer.wrap(whole.array(), start, length).slice();
                }
                case 10 -> {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int length = in.readRawVarint32();
                        int limit = in.pushLimit(length);
                        while (in.getBytesUntilLimit() > 0) {
                            doubles.add(in.readDouble());
                        }
                        in.popLimit(limit);
                    } else {
                        doubles.add(in.readDouble());
                    }
                }
                case 13 -> {
                    external = true;
                    in.skipField(tag);
                }
                case 14 -> external |= in.readInt32() == 1;
                default -> in.skipField(tag);
            }
        }
        in.popLimit(outerLimit);
        double[] d = doubles.stream().mapToDouble(Double::doubleValue).toArray();
        return new Tensor(name, type, dims.toArray(), raw, floats.toArray(), int32s.toArray(), int64s.toArray(), d,
                strings, external);
    }

    private static ValueInfo parseValueInfo(CodedInputStream in, ByteBuffer whole) throws IOException {
        int outerLimit = enter(in);
        String name = "";
        int elem = 0;
        List<Dim> dims = new ArrayList<>();
        boolean hasShape = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readString();
                case 2 -> {
                    int typeLimit = enter(in);
                    for (int t = in.readTag(); t != 0; t = in.readTag()) {
                        if (WireFormat.getTagFieldNumber(t) != 1) {
                            in.skipField(t);
                            continue;
                        }
                        int tensorLimit = enter(in);
                        for (int u = in.readTag(); u != 0; u = in.readTag()) {
                            switch (WireFormat.getTagFieldNumber(u)) {
                                case 1 -> elem = in.readInt32();
                                case 2 -> {
                                    hasShape = true;
                                    int shapeLimit = enter(in);
                                    for (int v = in.readTag(); v != 0; v = in.readTag()) {
                                        if (WireFormat.getTagFieldNumber(v) != 1) {
                                            in.skipField(v);
                                            continue;
                                        }
                                        int dimLimit = enter(in);
                                        long value = 0;
                                        String param = "";
                                        for (int w = in.readTag(); w != 0; w = in.readTag()) {
                                            switch (WireFormat.getTagFieldNumber(w)) {
                                                case 1 -> value = in.readInt64();
                                                case 2 -> param = in.readString();
                                                default -> in.skipField(w);
                                            }
                                        }
                                        in.popLimit(dimLimit);
                                        dims.add(new Dim(value, param));
                                    }
                                    in.popLimit(shapeLimit);
                                }
                                default -> in.skipField(u);
                            }
                        }
                        in.popLimit(tensorLimit);
                    }
                    in.popLimit(typeLimit);
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(outerLimit);
        return new ValueInfo(name, elem, dims, hasShape);
    }

    private static void readFloats(CodedInputStream in, int wire, FloatList out) throws IOException {
        if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int length = in.readRawVarint32();
            int limit = in.pushLimit(length);
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readFloat());
            }
            in.popLimit(limit);
        } else {
            out.add(in.readFloat());
        }
    }

    private static void readVarints(CodedInputStream in, int wire, LongList out) throws IOException {
        if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int length = in.readRawVarint32();
            int limit = in.pushLimit(length);
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readInt64());
            }
            in.popLimit(limit);
        } else {
            out.add(in.readInt64());
        }
    }

    private static final class FloatList {
        private float[] a = new float[4];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    private static final class LongList {
        private long[] a = new long[4];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
