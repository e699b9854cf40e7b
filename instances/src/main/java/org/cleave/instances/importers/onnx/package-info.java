/**
 * The ONNX importer: a minimal protobuf reader of ONNX model files ({@code OnnxProto}), constant
 * folding of weights and shape arithmetic, per-layer shapes, FLOPs and parameters
 * ({@link org.cleave.instances.importers.onnx.OnnxImporter}), measured per-node profiles
 * ({@link org.cleave.instances.importers.onnx.OnnxProfile}), and the canonical node ids and input
 * shapes shared with the profiler ({@link org.cleave.instances.importers.onnx.OnnxNodeIds},
 * {@link org.cleave.instances.importers.onnx.InputShapes}). The rules are documented in
 * {@code docs/import.md}.
 */
package org.cleave.instances.importers.onnx;
