/** JMH benchmarks of the P1 (single-user partitioning) solvers. */
package org.cleave.benchmarks.partition;
