package org.cleave.instances.zoo;

/** The operator of a zoo layer. */
public enum LayerKind {
    /** The raw sample. */
    INPUT,
    /** 2-D convolution (grouped and depthwise included). */
    CONV,
    /** Fully connected layer. */
    LINEAR,
    /** Batch normalisation (inference: a per-channel scale and shift). */
    BATCH_NORM,
    /** Local response normalisation across channels. */
    LOCAL_RESPONSE_NORM,
    /** Element-wise activation (ReLU, ReLU6, leaky ReLU). */
    ACTIVATION,
    /** Max pooling. */
    MAX_POOL,
    /** Average pooling. */
    AVG_POOL,
    /** Adaptive average pooling to a fixed output size. */
    ADAPTIVE_AVG_POOL,
    /** Element-wise sum of several tensors (a residual join). */
    ADD,
    /** Channel concatenation (an inception join). */
    CONCAT,
    /** Reshape to a flat vector. */
    FLATTEN,
    /** Dropout (identity at inference). */
    DROPOUT
}
