package org.cleave.core.upload;

/** The four resources of the P5 timeline; each runs one activity at a time. */
public enum Resource {
    /** The end device's processor. */
    DEVICE,
    /** The single uplink shared by feature tensors and parameters (FIFO with feature priority). */
    UPLINK,
    /** The edge server's processor. */
    EDGE,
    /** The downlink carrying the result back. */
    DOWNLINK
}
