/** Benchmarks of the ground-truth workflow: labelled states per second. */
package org.cleave.benchmarks.groundtruth;
