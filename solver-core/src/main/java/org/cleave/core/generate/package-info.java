/**
 * Seeded random generators of DNN graphs (chains, residual blocks, inception modules, layered
 * DAGs) and of problem instances, for differential tests and benchmarks.
 */
package org.cleave.core.generate;
