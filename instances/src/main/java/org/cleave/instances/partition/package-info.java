/**
 * P1 (single-user partition) instance files: {@link org.cleave.instances.partition.PartitionCodec}
 * reads and writes the family's fields and its plans.
 */
package org.cleave.instances.partition;
