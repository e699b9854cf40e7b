package org.cleave.instances.zoo;

/**
 * Hyper-parameters of a 2-D convolution, as in {@code torch.nn.Conv2d} (dilation 1). Start from
 * {@link #of(int, int)} and refine with the withers.
 *
 * @param outChannels output channels
 * @param kernelHeight kernel rows
 * @param kernelWidth  kernel columns
 * @param strideHeight stride along rows
 * @param strideWidth  stride along columns
 * @param padHeight    zero padding added above and below
 * @param padWidth     zero padding added left and right
 * @param groups       groups; {@code groups = inChannels = outChannels} is a depthwise convolution
 * @param bias         whether the layer has a bias
 */
public record Conv(int outChannels, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
                   int padHeight, int padWidth, int groups, Bias bias) {

    /** Whether a layer has a bias vector. */
    public enum Bias {
        /** One bias per output channel or feature. */
        WITH_BIAS,
        /** No bias (followed by batch norm). */
        NO_BIAS
    }

    public Conv {
        if (outChannels < 1 || kernelHeight < 1 || kernelWidth < 1 || strideHeight < 1 || strideWidth < 1
                || padHeight < 0 || padWidth < 0 || groups < 1) {
            throw new IllegalArgumentException("conv: sizes must be positive and padding >= 0, got " + this);
        }
        if (bias == null) {
            throw new IllegalArgumentException("conv.bias: is required, got null");
        }
    }

    /** A square {@code kernel × kernel} convolution, stride 1, no padding, one group, with bias. */
    public static Conv of(int outChannels, int kernel) {
        return new Conv(outChannels, kernel, kernel, 1, 1, 0, 0, 1, Bias.WITH_BIAS);
    }

    /** A {@code kernelHeight × kernelWidth} convolution, stride 1, no padding, with bias. */
    public static Conv of(int outChannels, int kernelHeight, int kernelWidth) {
        return new Conv(outChannels, kernelHeight, kernelWidth, 1, 1, 0, 0, 1, Bias.WITH_BIAS);
    }

    /** This convolution with stride {@code s} in both directions. */
    public Conv stride(int s) {
        return new Conv(outChannels, kernelHeight, kernelWidth, s, s, padHeight, padWidth, groups, bias);
    }

    /** This convolution with padding {@code p} on all sides. */
    public Conv pad(int p) {
        return pad(p, p);
    }

    /** This convolution with padding {@code ph} above/below and {@code pw} left/right. */
    public Conv pad(int ph, int pw) {
        return new Conv(outChannels, kernelHeight, kernelWidth, strideHeight, strideWidth, ph, pw, groups, bias);
    }

    /** This convolution with {@code g} groups. */
    public Conv groups(int g) {
        return new Conv(outChannels, kernelHeight, kernelWidth, strideHeight, strideWidth, padHeight, padWidth, g, bias);
    }

    /** This convolution without bias. */
    public Conv noBias() {
        return new Conv(outChannels, kernelHeight, kernelWidth, strideHeight, strideWidth, padHeight, padWidth, groups,
                Bias.NO_BIAS);
    }

    @Override
    public String toString() {
        String k = kernelHeight == kernelWidth ? kernelHeight + "x" + kernelHeight : kernelHeight + "x" + kernelWidth;
        String s = strideHeight == strideWidth ? "/" + strideHeight : "/" + strideHeight + "," + strideWidth;
        String p = padHeight == padWidth ? " p" + padHeight : " p" + padHeight + "," + padWidth;
        return "conv " + k + s + p + " " + outChannels + (groups > 1 ? " g" + groups : "")
                + (bias == Bias.NO_BIAS ? " nobias" : "");
    }
}
