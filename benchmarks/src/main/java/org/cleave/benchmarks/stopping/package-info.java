/** JMH benchmarks of the P6 (model placement and online splitting under fading) solvers. */
package org.cleave.benchmarks.stopping;
