/** {@code cleave profile}: measured per-node profiles of ONNX models (printing only; the work is in the profiler module). */
package org.cleave.cli.profile;
