/** JMH: P1-3T warm re-solves next to P1's compiled network. */
package org.cleave.benchmarks.tiers;
