package org.cleave.cli.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;
import org.cleave.core.solve.Family;
import org.cleave.instances.importers.ImportedExits;
import org.cleave.instances.importers.ImportedInstances;
import org.cleave.instances.importers.LayerProfiles;
import org.cleave.instances.importers.MsrLayerGraphs;
import org.cleave.instances.importers.ProfiledModel;
import org.cleave.instances.importers.onnx.InputShapes;
import org.cleave.instances.importers.onnx.OnnxImporter;
import org.cleave.instances.importers.onnx.OnnxLayer;
import org.cleave.instances.importers.onnx.OnnxModel;
import org.cleave.instances.importers.onnx.OnnxProfile;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.cleave.instances.zoo.BlockView;
import org.cleave.instances.zoo.GraphExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cleave import MODEL}: an ONNX model ({@code .onnx}), a layer profile ({@code .csv} or
 * {@code .json}, {@link LayerProfiles}) or an MSR layer graph ({@code msr-*.json},
 * {@link MsrLayerGraphs}) as a P1 or P5 instance, its layer or block table ({@code --show}) or its
 * graph (DOT, GraphML, CSV). Measured ONNX profiles ({@code --device-profile},
 * {@code --edge-profile}) set per-layer seconds on their tier. Declared early exits
 * ({@code --exit}, {@code --final-accuracy}; {@link ImportedExits}) make P2 and P3 instances.
 * Printing only; the import is library code in {@code org.cleave.instances.importers}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an ONNX model, a layer profile (CSV/JSON) or an MSR layer graph as an instance,"
                + " a layer table (--show) or a graph (--format dot|graphml|csv).")
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL", description = "MODEL.onnx, PROFILE.csv, PROFILE.json or msr-*.json")
    Path model;
    @Option(names = "--input-shape", split = ",", paramLabel = "NAME=D1xD2x...",
            description = "concrete shape of a graph input (ONNX), e.g. x=1x3x640x640; repeat or separate by commas")
    List<String> inputShapes;
    @Option(names = "--device-profile", paramLabel = "CSV", description = "measured profile from 'cleave profile' on the device")
    Path deviceProfile;
    @Option(names = "--edge-profile", paramLabel = "CSV", description = "measured profile from 'cleave profile' on the edge")
    Path edgeProfile;
    @Option(names = "--device", defaultValue = "rpi4", description = "device profile (default: ${DEFAULT-VALUE})")
    String device;
    @Option(names = "--edge", defaultValue = "gpu", description = "edge profile (default: ${DEFAULT-VALUE})")
    String edge;
    @Option(names = "--network", defaultValue = "4g", description = "network profile (default: ${DEFAULT-VALUE})")
    String network;
    @Option(names = "--family", defaultValue = "partition",
            description = "partition, upload, exits or throughput (default: ${DEFAULT-VALUE}); exits and throughput"
                    + " need --exit and --final-accuracy")
    String family;
    @Option(names = "--exit", paramLabel = "LAYER:rate=R,accuracy=A[,flops=F]",
            description = "an early exit after the cut-vertex layer LAYER: cumulative exit rate R, accuracy A of the"
                    + " samples stopping there, exit-branch FLOPs F (default 0); repeat for more exits, shallowest"
                    + " first")
    List<String> exits;
    @Option(names = "--final-accuracy", paramLabel = "A",
            description = "accuracy of the final classifier (the output layer, exit rate 1); required with --exit")
    Double finalAccuracy;
    @Option(names = "--view", defaultValue = "layers", description = "layers or blocks (default: ${DEFAULT-VALUE})")
    String view;
    @Option(names = "--format", defaultValue = "json", description = "json (instance), dot, graphml or csv (default: ${DEFAULT-VALUE})")
    String format;
    @Option(names = "--show", description = "print the layer (or block) table instead of writing an instance")
    boolean show;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output file (default: standard output)")
    Path output;

    /** An imported model, whatever its source. */
    private record Imported(String name, DnnGraph layers, BlockView blocks, OnnxModel onnx, ObjectNode meta) {
    }

    @Override
    public Integer call() {
        boolean blocks = switch (view) {
            case "layers" -> false;
            case "blocks" -> true;
            default -> throw new IllegalArgumentException("--view: must be layers or blocks, got \"" + view + "\"");
        };
        if (!List.of("json", "dot", "graphml", "csv").contains(format)) {
            throw new IllegalArgumentException("--format: must be json, dot, graphml or csv, got \"" + format + "\"");
        }
        Family fam = Family.fromKey(family);
        ImportedExits declared = declaredExits(fam);
        Imported m = load();
        if (declared != null) {
            DnnGraph layers;
            try {
                layers = declared.attach(m.layers());
            } catch (InvalidModelException ex) {
                throw flagged(ex);
            }
            m = new Imported(m.name(), layers, BlockView.of(layers), m.onnx(), m.meta());
        }
        DnnGraph graph = blocks ? m.blocks().graph() : m.layers();
        PrintWriter out = spec.commandLine().getOut();
        if (show) {
            show(out, m, blocks);
            return 0;
        }
        String text = switch (format) {
            case "dot" -> GraphExport.export(graph, GraphExport.Format.DOT);
            case "graphml" -> GraphExport.export(graph, GraphExport.Format.GRAPHML);
            case "csv" -> LayerProfiles.toCsv(graph);
            default -> {
                ObjectNode meta = m.meta().deepCopy();
                meta.put("view", view);
                yield InstanceJson.write(ImportedInstances.of(fam, graph, declared, m.name() + "-" + view, meta,
                        network, device, edge));
            }
        };
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            write(output, text);
            out.printf("wrote %s (%s, %s view, %d vertices)%n", output, format, view, graph.size());
        }
        if (m.onnx() != null) {
            m.onnx().warnings().forEach(w -> spec.commandLine().getErr().println("cleave: warning: " + w));
        }
        return 0;
    }

    /** The declared exits, or null; checks that options and family fit together. */
    private ImportedExits declaredExits(Family fam) {
        boolean multiExit = fam == Family.EXITS || fam == Family.THROUGHPUT;
        if (exits == null || exits.isEmpty()) {
            if (finalAccuracy != null) {
                throw new IllegalArgumentException("--final-accuracy: applies with --exit only, got "
                        + finalAccuracy + " and no --exit");
            }
            if (multiExit) {
                throw new IllegalArgumentException("--exit: family " + fam.key() + " needs early exits, and an"
                        + " imported model has none; give --exit LAYER:rate=R,accuracy=A and --final-accuracy A");
            }
            return null;
        }
        if (!multiExit && !show && format.equals("json")) {
            throw new IllegalArgumentException("--exit: applies to --family exits or throughput, got --family "
                    + fam.key());
        }
        if (finalAccuracy == null) {
            throw new IllegalArgumentException("--final-accuracy: required with --exit (accuracy of the final"
                    + " classifier, in [0, 1])");
        }
        try {
            return ImportedExits.parse(exits, finalAccuracy);
        } catch (InvalidModelException ex) {
            throw flagged(ex);
        }
    }

    /** A library message about the declared exits, led by the option it came from. */
    private static InvalidModelException flagged(InvalidModelException ex) {
        return ex.withPrefix(ex.field().startsWith("finalAccuracy") ? "--final-accuracy " : "--exit ");
    }

    private Imported load() {
        String lower = model.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("MODEL: no such file " + model);
        }
        if (!lower.endsWith(".onnx") && (inputShapes != null || deviceProfile != null || edgeProfile != null)) {
            throw new IllegalArgumentException("--input-shape/--device-profile/--edge-profile: apply to .onnx"
                    + " models only, got " + model);
        }
        if (lower.endsWith(".onnx")) {
            InputShapes shapes = InputShapes.NONE;
            if (inputShapes != null) {
                for (String s : inputShapes) {
                    shapes = shapes.plus(InputShapes.parse(s));
                }
            }
            OnnxProfile d = deviceProfile == null ? null : OnnxProfile.read(deviceProfile);
            OnnxProfile e = edgeProfile == null ? null : OnnxProfile.read(edgeProfile);
            OnnxModel m = OnnxImporter.read(model, shapes, d, e);
            ObjectNode meta = Json.MAPPER.createObjectNode();
            meta.put("generator", "cleave import");
            meta.put("model", m.fileName());
            meta.put("modelSha256", m.sha256());
            meta.put("inputShapes", m.inputShapes().toString());
            meta.put("onnxOpset", m.opset());
            meta.put("onnxNodes", m.nodeCount());
            meta.put("parameters", m.parameters());
            meta.put("convLinearMultiplyAccumulates", m.multiplyAccumulates());
            meta.put("flopsConvention", "layer flops = FLOPs = 2 x Conv/ConvTranspose/Gemm/MatMul multiply-accumulates"
                    + " + element-wise work (docs/import.md)");
            meta.put("deviceTimes", d == null ? "FLOP rate of the device profile" : "measured: " + d.source()
                    + " (" + d.get("machine") + ")");
            meta.put("edgeTimes", e == null ? "FLOP rate of the edge profile" : "measured: " + e.source()
                    + " (" + e.get("machine") + ")");
            return new Imported(m.name(), m.layerGraph(), m.blockView(), m, meta);
        }
        ProfiledModel p;
        if (lower.endsWith(".json") && looksLikeMsr()) {
            p = MsrLayerGraphs.read(model, MsrLayerGraphs.AuxBranch.DROP);
        } else if (lower.endsWith(".csv") && looksLikeOnnxProfile()) {
            throw new IllegalArgumentException("MODEL: " + model + " is a measured ONNX profile, not a model;"
                    + " import the .onnx file and pass this file as --device-profile or --edge-profile");
        } else {
            p = LayerProfiles.read(model);
        }
        BlockView bv = BlockView.of(p.graph());
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("generator", "cleave import");
        meta.put("model", model.getFileName().toString());
        meta.put("modelSource", p.source());
        String name = model.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new Imported(name, p.graph(), bv, null, meta);
    }

    private boolean looksLikeMsr() {
        try {
            String head = Files.readString(model, StandardCharsets.UTF_8);
            return head.contains("\"nodes\"") && head.contains("\"arcs\"");
        } catch (IOException e) {
            throw new IllegalArgumentException("MODEL: cannot read " + model + ": " + e.getMessage());
        }
    }

    private boolean looksLikeOnnxProfile() {
        try {
            return Files.readString(model, StandardCharsets.UTF_8).startsWith("# cleave-profile");
        } catch (IOException e) {
            throw new IllegalArgumentException("MODEL: cannot read " + model + ": " + e.getMessage());
        }
    }

    private static void show(PrintWriter out, Imported m, boolean blocks) {
        showTable(out, m, blocks);
        for (Exit e : m.layers().exits()) {
            out.printf(Locale.ROOT, "exit %s after %s: rate %s, accuracy %s, FLOPs %,.0f%n", e.id(), e.afterLayer(),
                    e.exitRate(), e.accuracy(), e.flops());
        }
    }

    private static void showTable(PrintWriter out, Imported m, boolean blocks) {
        OnnxModel o = m.onnx();
        if (o != null) {
            out.printf(Locale.ROOT, "%s: ONNX IR %d, opset %d, input %s, sha256 %s%n", o.fileName(), o.irVersion(),
                    o.opset(), o.inputShapes(), o.sha256());
            out.printf(Locale.ROOT, "%d nodes, %d layers after folding (%d vertices), %d blocks, parameters %,d,"
                            + " conv/linear MACs %,d, FLOPs %,.0f%n", o.nodeCount(), o.nodeLayerCount(),
                    o.layers().size(), o.blockGraph().size(), o.parameters(), o.multiplyAccumulates(), o.flops());
        } else {
            out.printf("%s: %d layers, %d blocks%n", m.name(), m.layers().size(), m.blocks().graph().size());
        }
        if (blocks) {
            BlockView bv = m.blocks();
            out.printf("%-36s %7s %15s %13s %13s%n", "block", "layers", "FLOPs", "outputBytes", "paramBytes");
            for (BlockView.Block b : bv.blocks()) {
                Layer l = bv.graph().layer(bv.graph().indexOf(b.id()));
                out.printf(Locale.ROOT, "%-36s %7d %,15.0f %,13.0f %,13.0f%n", b.id(), b.layerIds().size(), l.flops(),
                        l.outputBytes(), l.paramBytes());
            }
            return;
        }
        if (o != null) {
            out.printf("%-36s %-26s %-18s %15s %15s %13s %11s %12s %12s  %s%n", "id", "operator", "output", "MACs",
                    "FLOPs", "outputBytes", "params", "deviceS", "edgeS", "inputs");
            for (OnnxLayer l : o.layers()) {
                String shape = l.outputShape().isEmpty() ? "-" : String.join("x",
                        l.outputShape().stream().map(String::valueOf).toList());
                out.printf(Locale.ROOT, "%-36s %-26s %-18s %,15d %,15.0f %,13.0f %,11d %12s %12s  %s%n", l.id(),
                        l.description(), shape, l.multiplyAccumulates(), l.flops(), l.outputBytes(), l.parameters(),
                        seconds(l.measuredDeviceSeconds()), seconds(l.measuredEdgeSeconds()),
                        String.join(" ", l.inputs()));
            }
            return;
        }
        DnnGraph g = m.layers();
        out.printf("%-36s %15s %13s %13s %12s %12s%n", "id", "FLOPs", "outputBytes", "paramBytes", "deviceS", "edgeS");
        for (Layer l : g.layers()) {
            out.printf(Locale.ROOT, "%-36s %,15.0f %,13.0f %,13.0f %12s %12s%n", l.id(), l.flops(), l.outputBytes(),
                    l.paramBytes(), l.measuredDeviceSeconds().isPresent()
                            ? seconds(l.measuredDeviceSeconds().getAsDouble()) : "-",
                    l.measuredEdgeSeconds().isPresent() ? seconds(l.measuredEdgeSeconds().getAsDouble()) : "-");
        }
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.3e", s);
    }

    /** Writes {@code text} to a temporary file beside {@code file}, then moves it over: never a half file. */
    static void write(Path file, String text) {
        Path tmp = null;
        try {
            tmp = org.cleave.instances.io.AtomicWrites.createSibling(file);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file stays; the message below names the real problem
                }
            }
            throw new IllegalArgumentException("--output: cannot write " + file + ": " + e.getMessage());
        }
    }

}
