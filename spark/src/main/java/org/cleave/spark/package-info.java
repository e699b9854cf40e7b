/**
 * Cleave on Apache Spark: distributed ground truth ({@link org.cleave.spark.GroundTruthJob}) and
 * distributed solver comparisons ({@link org.cleave.spark.CompareJob}) with the same options,
 * rows and reports as {@code cleave groundtruth} and {@code cleave compare}. The labelling and
 * solving code is the workflows library's; this package only splits the work into Spark tasks,
 * writes the results and commits them.
 */
package org.cleave.spark;
