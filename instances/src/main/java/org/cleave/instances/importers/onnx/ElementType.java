package org.cleave.instances.importers.onnx;

/**
 * ONNX tensor element types ({@code TensorProto.DataType}) with their size, which sets a tensor's
 * bytes. 4-bit types take half a byte per element.
 */
public enum ElementType {
    /** Not set (0). */
    UNDEFINED(0, 0, false),
    /** fp32 (1). */
    FLOAT(1, 4, true),
    /** uint8 (2). */
    UINT8(2, 1, false),
    /** int8 (3). */
    INT8(3, 1, false),
    /** uint16 (4). */
    UINT16(4, 2, false),
    /** int16 (5). */
    INT16(5, 2, false),
    /** int32 (6). */
    INT32(6, 4, false),
    /** int64 (7). */
    INT64(7, 8, false),
    /** string (8): no fixed size. */
    STRING(8, 0, false),
    /** bool (9). */
    BOOL(9, 1, false),
    /** fp16 (10). */
    FLOAT16(10, 2, true),
    /** fp64 (11). */
    DOUBLE(11, 8, true),
    /** uint32 (12). */
    UINT32(12, 4, false),
    /** uint64 (13). */
    UINT64(13, 8, false),
    /** complex64 (14). */
    COMPLEX64(14, 8, false),
    /** complex128 (15). */
    COMPLEX128(15, 16, false),
    /** bfloat16 (16). */
    BFLOAT16(16, 2, true),
    /** float8e4m3fn (17). */
    FLOAT8E4M3FN(17, 1, true),
    /** float8e4m3fnuz (18). */
    FLOAT8E4M3FNUZ(18, 1, true),
    /** float8e5m2 (19). */
    FLOAT8E5M2(19, 1, true),
    /** float8e5m2fnuz (20). */
    FLOAT8E5M2FNUZ(20, 1, true),
    /** uint4 (21), half a byte. */
    UINT4(21, 0.5, false),
    /** int4 (22), half a byte. */
    INT4(22, 0.5, false);

    private static final ElementType[] BY_CODE = values();
    private final int code;
    private final double bytes;
    private final boolean floating;

    ElementType(int code, double bytes, boolean floating) {
        this.code = code;
        this.bytes = bytes;
        this.floating = floating;
    }

    /** The type with ONNX code {@code code}, {@link #UNDEFINED} for codes Cleave does not know. */
    public static ElementType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNDEFINED;
    }

    /** The ONNX code. */
    public int code() {
        return code;
    }

    /** Bytes per element (0.5 for 4-bit types, 0 for strings and undefined). */
    public double bytesPerElement() {
        return bytes;
    }

    /** Whole bytes per element in raw data (1 for 4-bit types, read two per byte). */
    int wholeBytes() {
        return (int) Math.max(1, bytes);
    }

    /** Whether it is a floating-point type (its constants are parameters). */
    public boolean isFloating() {
        return floating;
    }

    /** Bytes of {@code elements} elements (4-bit types round up to whole bytes). */
    public double bytes(long elements) {
        return bytes == 0.5 ? (elements + 1) / 2 : elements * bytes;
    }

    /** Lower-case name as ONNX spells it, e.g. {@code float}, {@code int64}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
