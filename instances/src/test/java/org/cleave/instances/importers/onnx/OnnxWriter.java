package org.cleave.instances.importers.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small hand-made ONNX models for tests, by field number (the numbers {@link OnnxProto}
 * reads): float tensors only, int and ints attributes. Dimensions {@code <= 0} are written as the
 * symbolic dimension {@code N}.
 */
final class OnnxWriter {
    private final long opset;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> inits = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();

    OnnxWriter(long opset) {
        this.opset = opset;
    }

    /** A float graph input. */
    OnnxWriter input(String name, long... dims) {
        inputs.add(valueInfo(name, dims));
        return this;
    }

    /** A graph output (shape left to inference). */
    OnnxWriter output(String name) {
        outputs.add(message(o -> o.writeString(1, name)));
        return this;
    }

    /** A float initializer of zeros. */
    OnnxWriter initializer(String name, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        byte[] raw = new byte[(int) n * 4];
        inits.add(message(o -> {
            for (long d : dims) {
                o.writeInt64(1, d);
            }
            o.writeInt32(2, 1);
            o.writeString(8, name);
            o.writeBytes(9, ByteString.copyFrom(raw));
        }));
        return this;
    }

    /** A node; {@code ints} are attributes "name", value array (one value: an int attribute). */
    OnnxWriter node(String name, String op, List<String> in, List<String> out, Object... attrs) {
        nodes.add(message(o -> {
            for (String i : in) {
                o.writeString(1, i);
            }
            for (String x : out) {
                o.writeString(2, x);
            }
            o.writeString(3, name);
            o.writeString(4, op);
            for (int k = 0; k < attrs.length; k += 2) {
                String an = (String) attrs[k];
                long[] v = (long[]) attrs[k + 1];
                o.writeByteArray(5, message(a -> {
                    a.writeString(1, an);
                    if (v.length == 1) {
                        a.writeInt64(3, v[0]);
                        a.writeInt32(20, 2);
                    } else {
                        for (long x : v) {
                            a.writeInt64(8, x);
                        }
                        a.writeInt32(20, 7);
                    }
                }));
            }
        }));
        return this;
    }

    /** The model's bytes. */
    byte[] bytes() {
        return message(m -> {
            m.writeInt64(1, 8);
            m.writeByteArray(7, message(g -> {
                for (byte[] n : nodes) {
                    g.writeByteArray(1, n);
                }
                g.writeString(2, "test");
                for (byte[] t : inits) {
                    g.writeByteArray(5, t);
                }
                for (byte[] i : inputs) {
                    g.writeByteArray(11, i);
                }
                for (byte[] o : outputs) {
                    g.writeByteArray(12, o);
                }
            }));
            m.writeByteArray(8, message(s -> {
                s.writeString(1, "");
                s.writeInt64(2, opset);
            }));
        });
    }

    private static byte[] valueInfo(String name, long... dims) {
        return message(v -> {
            v.writeString(1, name);
            v.writeByteArray(2, message(t -> t.writeByteArray(1, message(tt -> {
                tt.writeInt32(1, 1);
                tt.writeByteArray(2, message(s -> {
                    for (long d : dims) {
                        s.writeByteArray(1, message(dim -> {
                            if (d > 0) {
                                dim.writeInt64(1, d);
                            } else {
                                dim.writeString(2, "N");
                            }
                        }));
                    }
                }));
            }))));
        });
    }

    private interface Body {
        void write(CodedOutputStream o) throws IOException;
    }

    private static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream o = CodedOutputStream.newInstance(bytes);
            body.write(o);
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
