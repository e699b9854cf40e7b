package org.cleave.cli.zoo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cleave.workflows.options.OptionErrors;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.upload.UploadMode;
import org.cleave.instances.zoo.ZooInstances;
import org.cleave.instances.importers.LayerProfiles;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.cleave.instances.profiles.DeviceProfile;
import org.cleave.instances.profiles.EdgeProfile;
import org.cleave.instances.profiles.NetworkProfile;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.BlockView;
import org.cleave.instances.zoo.DataType;
import org.cleave.instances.zoo.ExitStatistic;
import org.cleave.instances.zoo.GraphExport;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooLayer;
import org.cleave.instances.zoo.ZooModel;
import org.cleave.workflows.io.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cleave zoo}: the model zoo. {@code list} the models, {@code show MODEL} a layer (or block)
 * table, {@code export MODEL} a P1 instance (JSON) or the graph (DOT, GraphML, CSV layer profile),
 * {@code profiles} the network, device and edge profiles with their sources.
 */
@Command(name = "zoo", mixinStandardHelpOptions = true,
        description = "The model zoo: list, show and export networks; list the profiles.",
        subcommands = {ZooCommand.ListModels.class, ZooCommand.Show.class, ZooCommand.Export.class,
                ZooCommand.ListProfiles.class})
public final class ZooCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The graph views a model can be shown or exported in. */
    enum View {
        /** The layer-level DAG. */
        layers,
        /** The block-level chain. */
        blocks
    }

    /** Export formats. */
    enum Format {
        /** A P1 instance file. */
        json,
        /** Graphviz DOT. */
        dot,
        /** GraphML. */
        graphml,
        /** The CSV layer-profile format of {@link LayerProfiles}. */
        csv
    }

    static DataType dataType(String key) {
        return DataType.fromKey(key);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the zoo's models.")
    static final class ListModels implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-18s %6s %6s %13s %9s %5s  %s%n", "model", "layers", "blocks", "parameters", "GMACs",
                    "exits", "description");
            for (String name : Zoo.names()) {
                ZooModel m = Zoo.get(name);
                out.printf(Locale.ROOT, "%-18s %6d %6d %,13d %9.3f %5d  %s%n", name, m.layerGraph().size(),
                        m.blockGraph().size(), m.parameters(), m.convLinearMultiplyAccumulates() / 1e9,
                        m.exits().size(), m.description());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a model's layer table (MACs: conv+linear multiply-accumulates; FLOPs as the"
                    + " solvers use them, 2 x MACs plus element-wise work).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "MODEL", description = "a model name (see 'cleave zoo list')")
        String model;
        @Option(names = "--view", defaultValue = "layers", description = "layers or blocks (default: ${DEFAULT-VALUE})")
        View view;
        @Option(names = "--dtype", defaultValue = "float32", description = "float32, float16 or int8 (default: ${DEFAULT-VALUE})")
        String dtype;

        @Override
        public Integer call() {
            ZooModel m = Zoo.get(model, dataType(dtype));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %s%nsource: %s%n", m.name(), m.description(), m.source());
            out.printf(Locale.ROOT, "parameters %,d, conv+linear MACs %,d, FLOPs %,.0f, %d layers, %d blocks%n",
                    m.parameters(), m.convLinearMultiplyAccumulates(), m.flops(), m.layers().size(),
                    m.blockGraph().size());
            if (view == View.layers) {
                out.printf("%-28s %-32s %-14s %15s %15s %13s %11s  %s%n", "id", "operator", "output", "MACs", "FLOPs",
                        "outputBytes", "params", "inputs");
                for (ZooLayer l : m.layers()) {
                    out.printf(Locale.ROOT, "%-28s %-32s %-14s %,15d %,15.0f %,13.0f %,11d  %s%n", l.id(),
                            l.description(), l.outputShape(), l.multiplyAccumulates(), l.flops(), l.outputBytes(),
                            l.parameters(), String.join(" ", l.inputs()));
                }
            } else {
                BlockView blocks = m.blockView();
                out.printf("%-28s %7s %15s %13s %13s%n", "block", "layers", "FLOPs", "outputBytes", "paramBytes");
                for (BlockView.Block b : blocks.blocks()) {
                    Layer l = blocks.graph().layer(blocks.graph().indexOf(b.id()));
                    out.printf(Locale.ROOT, "%-28s %7d %,15.0f %,13.0f %,13.0f%n", b.id(), b.layerIds().size(),
                            l.flops(), l.outputBytes(), l.paramBytes());
                }
            }
            if (!m.exits().isEmpty()) {
                out.printf("exits (statistics: %s)%n", m.exitStatisticsSource());
                m.exits().forEach(e -> out.printf(Locale.ROOT, "  %-8s after %-22s FLOPs %,14.0f  rate %.4f  accuracy %.4f%n",
                        e.id(), e.afterLayer(), e.flops(), e.exitRate(), e.accuracy()));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a model as a P1 instance (json) or its graph (dot, graphml, csv).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "MODEL", description = "a model name (see 'cleave zoo list')")
        String model;
        @Option(names = "--network", defaultValue = "4g", description = "network profile (default: ${DEFAULT-VALUE})")
        String network;
        @Option(names = "--device", defaultValue = "rpi4", description = "device profile (default: ${DEFAULT-VALUE})")
        String device;
        @Option(names = "--edge", defaultValue = "gpu", description = "edge profile (default: ${DEFAULT-VALUE})")
        String edge;
        @Option(names = "--view", defaultValue = "layers", description = "layers or blocks (default: ${DEFAULT-VALUE})")
        View view;
        @Option(names = "--format", defaultValue = "json", description = "json, dot, graphml or csv (default: ${DEFAULT-VALUE})")
        Format format;
        @Option(names = "--family", defaultValue = "partition", converter = FamilyConverter.class,
                description = "instance family for json: partition, exits, throughput (these two need a"
                        + " multi-exit model) or upload (P5: edge-side weights are uploaded; default: ${DEFAULT-VALUE})")
        Family family;
        @Option(names = "--upload-mode", paramLabel = "MODE",
                description = "with --family upload: parallel (MJOA-MU, the default), serial or preloaded")
        String uploadMode;
        @Option(names = "--dtype", defaultValue = "float32", description = "float32, float16 or int8 (default: ${DEFAULT-VALUE})")
        String dtype;
        @Option(names = "--exit-rates", split = ",", paramLabel = "R",
                description = "cumulative exit rates, one per exit (the final one 1), overriding the defaults")
        List<Double> exitRates;
        @Option(names = "--exit-accuracies", split = ",", paramLabel = "A",
                description = "accuracies, one per exit, overriding the defaults (with --exit-rates)")
        List<Double> exitAccuracies;
        @Option(names = "--tiers", split = ",", paramLabel = "TIER",
                description = "device,edge,cloud: a three-tier instance for json (P1-3T, family tiers;"
                        + " with --family exits on a multi-exit model P2-3T, family exits-tiers; with"
                        + " --family throughput P3-3T, family throughput-tiers)")
        List<String> tiers;
        @Option(names = "--wan", defaultValue = "fiber",
                description = "edge-cloud link profile with --tiers: fiber, metro or dsl (default: ${DEFAULT-VALUE})")
        String wan;
        @Option(names = "--cloud", defaultValue = "a100",
                description = "cloud profile with --tiers: a100 or v100 (default: ${DEFAULT-VALUE})")
        String cloud;
        @Option(names = "--objective", paramLabel = "latency|energy",
                description = "json, partition and exits: minimise latency (w_T = 1) or device energy (w_E = 1)"
                        + " (default: latency)")
        String objective;
        @Option(names = "--right-sizing", paramLabel = "L", converter = org.cleave.cli.DurationConverter.class,
                description = "json, family exits: Edgent's right-sizing variant (b), the most accurate single exit"
                        + " whose latency meets the bound L, e.g. 100ms (default: variant (a), least cost)")
        java.time.Duration rightSizing;
        @Option(names = "--frame-rate", paramLabel = "Q",
                description = "json, family throughput: the frame rate Q to sustain, frames per second (period <= 1/Q)")
        Double frameRate;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output file (default: standard output)")
        Path output;

        @Option(names = "--force", description = "replace an existing --output file (without it an existing file is"
                + " never overwritten)")
        boolean force;

        @Override
        public Integer call() {
            if (output != null) {
                OutputFiles.check("--output", output, force, List.of());
            }
            ZooModel m = Zoo.get(model, dataType(dtype));
            m = overrideExits(m);
            DnnGraph graph = view == View.layers ? m.layerGraph() : m.blockGraph();
            String text = switch (format) {
                case json -> InstanceJson.write(instance(m));
                case dot -> GraphExport.export(graph, GraphExport.Format.DOT);
                case graphml -> GraphExport.export(graph, GraphExport.Format.GRAPHML);
                case csv -> LayerProfiles.toCsv(graph);
            };
            if (output == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                OutputFiles.writeString("--output", output, text);
                spec.commandLine().getOut().printf("wrote %s (%s, %s view, %d vertices)%n", output, format, view,
                        graph.size());
            }
            return 0;
        }

        private ZooModel overrideExits(ZooModel m) {
            if (exitRates == null && exitAccuracies == null) {
                return m;
            }
            if (m.exits().isEmpty()) {
                throw new IllegalArgumentException("--exit-rates: model " + m.name() + " has no exits");
            }
            List<Double> rates = exitRates != null ? exitRates : m.exits().stream().map(e -> e.exitRate()).toList();
            List<Double> accs = exitAccuracies != null ? exitAccuracies
                    : m.exits().stream().map(e -> e.accuracy()).toList();
            if (rates.size() != m.exits().size() || accs.size() != m.exits().size()) {
                throw new IllegalArgumentException("--exit-rates/--exit-accuracies: " + m.name() + " has "
                        + m.exits().size() + " exits, got " + rates.size() + " rates and " + accs.size()
                        + " accuracies");
            }
            List<ExitStatistic> stats = new ArrayList<>();
            for (int j = 0; j < rates.size(); j++) {
                stats.add(new ExitStatistic(rates.get(j), accs.get(j)));
            }
            return m.withExitStatistics(stats, "given on the command line");
        }

        private Instance instance(ZooModel m) {
            ZooInstances.View v = view == View.layers ? ZooInstances.View.LAYERS : ZooInstances.View.BLOCKS;
            if (tiers != null) {
                if (!tiers.equals(org.cleave.instances.tiers.ZooTierInstances.TIERS)) {
                    throw new IllegalArgumentException("--tiers: only device,edge,cloud is supported, got "
                            + String.join(",", tiers));
                }
                if (family == Family.EXITS || family == Family.EXITS_TIERS) {
                    if (rightSizing != null) {
                        throw new IllegalArgumentException("--right-sizing: not with --tiers (P2-3T has variant (a)"
                                + " only)");
                    }
                    CostWeights w = settings().weights().orElse(CostWeights.LATENCY);
                    return OptionErrors.under(() -> org.cleave.instances.tiers.ZooTierInstances.exitsOf(m, v, network,
                            wan, device, edge, cloud, w), "--wan", "--cloud", "--network", "--device", "--edge",
                            "--family");
                }
                if (family == Family.THROUGHPUT || family == Family.THROUGHPUT_TIERS) {
                    java.util.OptionalDouble q = frameRate == null ? java.util.OptionalDouble.empty()
                            : java.util.OptionalDouble.of(frameRate);
                    return OptionErrors.under(java.util.Map.of("frameRatePerSecond", "--frame-rate", "wan", "--wan",
                            "cloud", "--cloud", "network", "--network", "device", "--device", "edge", "--edge"),
                            () -> org.cleave.instances.tiers.ZooTierInstances.throughput(m, v, network, wan, device,
                                    edge, cloud, q));
                }
                if (family != Family.PARTITION && family != Family.TIERS) {
                    throw new IllegalArgumentException("--family: with --tiers, partition (P1-3T, the default), exits"
                            + " (P2-3T) or throughput (P3-3T), got " + family.key());
                }
                return OptionErrors.under(() -> org.cleave.instances.tiers.ZooTierInstances.of(m, v, network, wan,
                        device, edge, cloud), "--wan", "--cloud", "--network", "--device", "--edge");
            }
            if (uploadMode != null && family != Family.UPLOAD) {
                throw new IllegalArgumentException("--upload-mode: only with --family upload, got --family "
                        + family.key());
            }
            Instance zoo = OptionErrors.under(() -> ZooInstances.of(family, m,
                    view == View.layers ? ZooInstances.View.LAYERS : ZooInstances.View.BLOCKS, network, device, edge),
                    "--family");
            Instance i = uploadMode == null ? zoo : ZooInstances.withUploadMode(zoo,
                    OptionErrors.named("--upload-mode", "mode", () -> UploadMode.fromKey(uploadMode)));
            return OptionErrors.under(java.util.Map.of("objective", "--objective", "rightSizing", "--right-sizing",
                    "frameRate", "--frame-rate"), () -> ZooInstances.withSettings(i, settings()));
        }

        private ZooInstances.Settings settings() {
            CostWeights weights = null;
            if (objective != null) {
                weights = switch (objective) {
                    case "latency" -> CostWeights.LATENCY;
                    case "energy" -> CostWeights.ENERGY;
                    default -> throw new IllegalArgumentException("--objective: latency or energy, got " + objective);
                };
            }
            return new ZooInstances.Settings(java.util.Optional.ofNullable(weights),
                    rightSizing == null ? java.util.OptionalDouble.empty()
                            : java.util.OptionalDouble.of(rightSizing.toNanos() / 1e9),
                    frameRate == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(frameRate));
        }
    }

    /** Parses a family key. */
    static final class FamilyConverter implements picocli.CommandLine.ITypeConverter<Family> {
        @Override
        public Family convert(String value) {
            return Family.fromKey(value);
        }
    }

    @Command(name = "profiles", mixinStandardHelpOptions = true,
            description = "List the network, device and edge profiles with their sources.")
    static final class ListProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("networks (uplink / downlink Mbit/s, one-way latency s)");
            for (NetworkProfile n : Profiles.networks()) {
                out.printf(Locale.ROOT, "  %-12s %9.2f %9.2f %7.4f  %s%n", n.name(), n.link().uplinkBitsPerSecond() / 1e6,
                        n.link().downlinkBitsPerSecond() / 1e6, n.link().latencySeconds(), n.source());
            }
            out.println("devices (GFLOP/s, compute / transmit / idle W)");
            for (DeviceProfile d : Profiles.devices()) {
                out.printf(Locale.ROOT, "  %-12s %9.1f %6.2f %6.2f %6.2f  %s%n", d.name(), d.device().flopsPerSecond() / 1e9,
                        d.device().computeWatts(), d.device().transmitWatts(), d.device().idleWatts(), d.source());
            }
            out.println("edge servers (GFLOP/s)");
            for (EdgeProfile e : Profiles.edges()) {
                out.printf(Locale.ROOT, "  %-12s %9.1f  %s%n", e.name(), e.edge().flopsPerSecond() / 1e9, e.source());
            }
            return 0;
        }
    }
}
