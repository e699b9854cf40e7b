/** {@code cleave import}: bring an ONNX model, a layer profile or an MSR layer graph in as an instance. */
package org.cleave.cli.imports;
