/**
 * Measured per-node profiles of ONNX models with ONNX Runtime (CPU): {@link
 * org.cleave.profiler.OnnxProfiler} runs a model with graph optimisations off and sequential
 * execution, so that every executed ONNX node is one profiler event, and reports per node the
 * median and spread of its kernel time and its output bytes; {@link org.cleave.profiler.ProfileCsv}
 * writes and reads the profile CSV that {@code cleave import} consumes.
 *
 * <p>This module is the only one that puts ONNX Runtime's native library on the class path.
 */
package org.cleave.profiler;
