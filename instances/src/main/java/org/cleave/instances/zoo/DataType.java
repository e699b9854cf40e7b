package org.cleave.instances.zoo;

/** The element type of tensors and weights, which sets output and parameter bytes. */
public enum DataType {
    /** IEEE 754 single precision, 4 bytes (the default). */
    FLOAT32(4),
    /** IEEE 754 half precision, 2 bytes. */
    FLOAT16(2),
    /** 8-bit integers (quantised inference), 1 byte. */
    INT8(1);

    private final int bytesPerElement;

    DataType(int bytesPerElement) {
        this.bytesPerElement = bytesPerElement;
    }

    /** Bytes per element. */
    public int bytesPerElement() {
        return bytesPerElement;
    }

    /** The data type named {@code key} ({@code float32}, {@code float16}, {@code int8}). */
    public static DataType fromKey(String key) {
        for (DataType t : values()) {
            if (t.name().equalsIgnoreCase(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("data type: unknown \"" + key + "\"; known: float32, float16, int8");
    }
}
