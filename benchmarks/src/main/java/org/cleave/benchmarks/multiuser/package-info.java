/** JMH benchmarks of the P4 (multi-user allocation) exact solvers. */
package org.cleave.benchmarks.multiuser;
