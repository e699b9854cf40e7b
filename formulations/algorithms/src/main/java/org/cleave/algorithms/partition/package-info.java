/**
 * Pure-Java solvers of P1 (single-user partition): min-cut, chain scan, enumeration of order
 * ideals, and the device-only, edge-only and topological single-cut baselines.
 */
package org.cleave.algorithms.partition;
