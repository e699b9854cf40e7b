/** The P1-3T (device–edge–cloud) instance format ({@link org.cleave.instances.tiers.TiersCodec}). */
package org.cleave.instances.tiers;
