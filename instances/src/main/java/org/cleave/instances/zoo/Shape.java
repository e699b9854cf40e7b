package org.cleave.instances.zoo;

/**
 * The shape of one sample's tensor, channels × height × width (the batch dimension is left out:
 * every zoo figure is per sample). A flat vector of n features is {@code n × 1 × 1}.
 *
 * @param channels channels (or features of a flat vector), {@code >= 1}
 * @param height   rows, {@code >= 1}
 * @param width    columns, {@code >= 1}
 */
public record Shape(int channels, int height, int width) {
    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("shape: every dimension must be >= 1, got "
                    + channels + "x" + height + "x" + width);
        }
    }

    /** A flat vector of {@code features} elements. */
    public static Shape flat(int features) {
        return new Shape(features, 1, 1);
    }

    /** Number of elements. */
    public long elements() {
        return (long) channels * height * width;
    }

    /** Whether the tensor is a flat vector ({@code height = width = 1}). */
    public boolean isFlat() {
        return height == 1 && width == 1;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
