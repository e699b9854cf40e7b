/** JMH benchmarks of the P3 (heavy-load throughput) solvers. */
package org.cleave.benchmarks.throughput;
