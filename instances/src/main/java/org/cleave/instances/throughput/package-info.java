/**
 * The P3 instance format: {@link org.cleave.instances.throughput.ThroughputCodec} (family key
 * {@code throughput}).
 */
package org.cleave.instances.throughput;
