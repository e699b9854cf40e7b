/** Benchmarks of {@code cleave serve}'s request handling ({@link org.cleave.workflows.serve.Server}). */
package org.cleave.benchmarks.serve;
