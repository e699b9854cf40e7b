package org.cleave.instances.zoo;

/**
 * Hyper-parameters of a square 2-D max or average pooling window, as in {@code torch.nn.MaxPool2d}
 * and {@code AvgPool2d}, with Darknet's asymmetric "same" padding available through
 * {@code padAfter}.
 *
 * @param kernel    window side
 * @param stride    stride
 * @param padBefore padding above and left
 * @param padAfter  padding below and right (PyTorch: equal to {@code padBefore})
 * @param rounding  how the output size is rounded ({@code ceil_mode})
 */
public record Pool(int kernel, int stride, int padBefore, int padAfter, Rounding rounding) {

    /** Output size rounding: PyTorch's {@code ceil_mode}, Chainer's {@code cover_all}. */
    public enum Rounding {
        /** {@code floor((n + pads − k) / s) + 1}. */
        FLOOR,
        /** {@code ceil((n + pads − k) / s) + 1}, minus one if the last window starts in the padding. */
        CEIL
    }

    public Pool {
        if (kernel < 1 || stride < 1 || padBefore < 0 || padAfter < 0) {
            throw new IllegalArgumentException("pool: sizes must be positive and padding >= 0, got " + this);
        }
        if (rounding == null) {
            throw new IllegalArgumentException("pool.rounding: is required, got null");
        }
    }

    /** A {@code kernel × kernel} window with stride {@code stride}, no padding, floor rounding. */
    public static Pool of(int kernel, int stride) {
        return new Pool(kernel, stride, 0, 0, Rounding.FLOOR);
    }

    /** This window with symmetric padding {@code p}. */
    public Pool pad(int p) {
        return new Pool(kernel, stride, p, p, rounding);
    }

    /** This window with ceiling rounding. */
    public Pool ceil() {
        return new Pool(kernel, stride, padBefore, padAfter, Rounding.CEIL);
    }

    /** Output size along one dimension of input size {@code n}. */
    int outputSize(int n) {
        int span = n + padBefore + padAfter - kernel;
        if (span < 0) {
            throw new IllegalArgumentException("pool: window " + kernel + " larger than the padded input " + n);
        }
        if (rounding == Rounding.FLOOR) {
            return span / stride + 1;
        }
        int out = (span + stride - 1) / stride + 1;
        if ((long) (out - 1) * stride >= n + padBefore) {
            out--;
        }
        return out;
    }

    @Override
    public String toString() {
        String p = padBefore == padAfter ? (padBefore == 0 ? "" : " p" + padBefore) : " p" + padBefore + "," + padAfter;
        return kernel + "x" + kernel + "/" + stride + p + (rounding == Rounding.CEIL ? " ceil" : "");
    }
}
