/** JMH benchmarks of the P2 (early exits) solvers. */
package org.cleave.benchmarks.exits;
