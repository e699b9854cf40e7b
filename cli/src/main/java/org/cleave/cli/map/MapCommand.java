package org.cleave.cli.map;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cleave.algorithms.exits.ExitsBandwidthMap;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.algorithms.partition.UplinkMap;
import org.cleave.cli.InstanceArgument;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Problem;
import org.cleave.instances.io.Instance;
import org.cleave.workflows.io.OutputFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cleave map FILE --from 0.1Mbps --to 10Gbps [--exits ID[,ID...]|none] [--plot map.png|map.svg]}:
 * the exact bandwidth map of a P1 or a P2 instance.
 *
 * <ul>
 *   <li>P1 (partition): each uplink interval with its optimal plan (the device/edge split and the
 *   tensors sent) and its cost {@code a + b / R_up} ({@link BandwidthMap}).</li>
 *   <li>P2 (exits): for the exit set named by {@code --exits} (required; exit ids as in the file,
 *   comma-separated, or {@code none} for the full model without early exits), the least expected
 *   cost over placements on each interval ({@link ExitsBandwidthMap}): variant (a)'s objective
 *   {@code w_T·T + w_E·E}, or for variant (b) (right-sizing, at most one exit, model truncated
 *   there) the expected latency. The accuracy of the exit set is printed with whether it meets
 *   the floor; the latency bound is not imposed (a constrained optimum has no concave map) but
 *   reported per interval. {@code --exits best}: the best exit set on each interval
 *   ({@link ExitsBandwidthMap#best}): for variant (a) the P2 optimum without the latency bound, for
 *   variant (b) its exact optimum (the most accurate exit whose least latency meets the bound).</li>
 * </ul>
 * With {@code --plot}, draws the mapped cost against the uplink rate (log scale) with the
 * breakpoints marked.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = {"Exact bandwidth map: the optimal plan and cost on every uplink interval.",
                "P1 (partition) instances: the optimal cost. P2 (exits) instances: with --exits, the least expected"
                        + " cost of that exit set over placements (variant (a): w_T*T + w_E*E; variant (b): the"
                        + " expected latency of the model truncated at the exit), or with --exits best the best exit"
                        + " set on each interval (variant (a): meeting the accuracy floor, latency bound not imposed;"
                        + " variant (b): the most accurate exit meeting the latency bound). Where the bound is not"
                        + " imposed it is reported per interval."})
public final class MapCommand implements Callable<Integer> {
    /** The spelling of the empty exit set in {@code --exits}. */
    static final String NO_EXITS = "none";
    /** The spelling of "the best exit set on each interval" in {@code --exits}. */
    static final String BEST = "best";

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    InstanceArgument source;

    @Option(names = "--from", paramLabel = "RATE", defaultValue = "0.1Mbps", converter = BandwidthConverter.class,
            description = "Lowest uplink rate, e.g. 0.1Mbps (default ${DEFAULT-VALUE}).")
    double fromBitsPerSecond;

    @Option(names = "--to", paramLabel = "RATE", defaultValue = "10Gbps", converter = BandwidthConverter.class,
            description = "Highest uplink rate, e.g. 10Gbps (default ${DEFAULT-VALUE}).")
    double toBitsPerSecond;

    @Option(names = "--exits", paramLabel = "ID[,ID...]|none|best", description = "P2 (exits) instances only,"
            + " required there: the fixed set of active early exits (ids as in the file, comma-separated; variant (b)"
            + " takes at most one), 'none' for the full model without early exits, or 'best' for the best exit set"
            + " on each interval (variant (a): all 2^m exit sets meeting the floor, latency bound not imposed;"
            + " variant (b): the most accurate exit whose least latency meets the bound).")
    String exits;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw cost against bandwidth into FILE"
            + " (.png or .svg).")
    Path plot;

    @Option(names = "--force", description = "Replace an existing --plot file (without it an existing file is never"
            + " overwritten).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (plot != null && format(plot) == null) {
            throw new IllegalArgumentException("--plot: the file name must end in .png or .svg, got '" + plot + "'");
        }
        if (!(toBitsPerSecond > fromBitsPerSecond) || Double.isInfinite(toBitsPerSecond)) {
            throw new IllegalArgumentException("--to: must be finite and above --from = " + fromBitsPerSecond
                    + " bit/s, got " + toBitsPerSecond + " bit/s");
        }
        if (plot != null) {
            OutputFiles.check("--plot", plot, force, source.inputs());
        }
        Instance instance = source.load();
        Problem<?> problem = instance.problem();
        UplinkMap<?> mapped;
        String title;
        String yAxis;
        if (problem instanceof PartitionProblem p) {
            if (exits != null) {
                throw new IllegalArgumentException("--exits applies to P2 (exits) instances; " + instance.name()
                        + " is partition (P1), which has no exits");
            }
            BandwidthMap map = BandwidthMap.of(p, fromBitsPerSecond, toBitsPerSecond);
            print(out, instance, p, map);
            mapped = map;
            title = "Optimal P1 cost, " + instance.name();
            yAxis = "optimal cost (w_T*T + w_E*E)";
        } else if (problem instanceof ExitsProblem p) {
            Optional<List<String>> fixed = exitSet(p, exits);
            ExitsBandwidthMap exitsMap = fixed.isPresent()
                    ? ExitsBandwidthMap.of(p, fixed.get(), fromBitsPerSecond, toBitsPerSecond)
                    : ExitsBandwidthMap.best(p, fromBitsPerSecond, toBitsPerSecond);
            ExitsMapReport.print(out, instance, exitsMap);
            mapped = exitsMap;
            String set = exitsMap.fixedExits().map(ids -> ids.isEmpty() ? "no early exit"
                    : "exits " + String.join(",", ids)).orElse("best exit set");
            boolean latency = exitsMap.mapped() == ExitsBandwidthMap.Mapped.EXPECTED_LATENCY;
            title = (latency ? "Least expected P2 latency (truncated), " : "Least expected P2 cost, ")
                    + instance.name() + ", " + set;
            yAxis = latency ? "least expected latency (s)" : "least expected cost (w_T*T + w_E*E)";
        } else {
            throw new IllegalArgumentException("cleave map takes a P1 (partition) or P2 (exits) instance; "
                    + instance.name() + " is " + problem.family().key());
        }
        if (plot != null) {
            draw(title, yAxis, mapped, plot);
            out.printf("plot       %s%n", plot);
        }
        return 0;
    }

    /**
     * The exit ids of {@code --exits}: {@code none} is the empty set, {@code best} gives an empty
     * optional (every exit set), otherwise comma-separated ids.
     *
     * @throws IllegalArgumentException without {@code --exits}, or for an empty id
     */
    static Optional<List<String>> exitSet(ExitsProblem p, String option) {
        List<String> modelExits = p.graph().exits().stream().map(e -> e.id()).toList();
        if (option == null) {
            throw new IllegalArgumentException("a P2 (exits) instance needs --exits: the fixed exit set to map,"
                    + " comma-separated ids of the model's exits " + modelExits + ", --exits " + NO_EXITS
                    + " for the full model without early exits, or --exits " + BEST + " for the best exit set on each"
                    + " interval");
        }
        String text = option.trim();
        if (text.equals(NO_EXITS) || text.equals(BEST)) {
            if (modelExits.contains(text)) {
                throw new IllegalArgumentException("--exits " + text + ": the model has an exit called '" + text
                        + "', so the word is ambiguous here; rename that exit");
            }
            return text.equals(NO_EXITS) ? Optional.of(List.of()) : Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (String id : text.split(",", -1)) {
            if (id.isBlank()) {
                throw new IllegalArgumentException("--exits: expected comma-separated exit ids " + modelExits
                        + " or '" + NO_EXITS + "', got '" + option + "'");
            }
            ids.add(id.trim());
        }
        if (p.variant() instanceof ExitsProblem.RightSizing && ids.size() > 1) {
            throw new IllegalArgumentException("--exits: variant (b) (right-sizing) truncates the model at one exit,"
                    + " got " + ids.size() + ": " + option);
        }
        StopProfile.resolve(p.graph(), ids);
        return Optional.of(ids);
    }

    private static void print(PrintWriter out, Instance instance, PartitionProblem p, BandwidthMap map) {
        DnnGraph g = p.graph();
        out.printf(Locale.ROOT, "instance   %s (partition, P1), %d layers%n", instance.name(), g.size());
        printRange(out, map);
        out.printf(Locale.ROOT, "%-12s %-12s %-16s %-16s %-16s %-16s %-7s %s%n", "from", "to", "cost at from",
                "cost at to", "a", "b (bit)", "device", "plan");
        for (BandwidthMap.Piece piece : map.pieces()) {
            PartitionCost cost = p.evaluate(piece.plan());
            int device = g.size() - piece.plan().edgeCount();
            out.printf(Locale.ROOT, "%-12s %-12s %-16.9g %-16.9g %-16.9g %-16.9g %-7d %s%n",
                    rate(piece.fromUplinkBitsPerSecond()), rate(piece.toUplinkBitsPerSecond()),
                    piece.costAt(piece.fromUplinkBitsPerSecond()), piece.costAt(piece.toUplinkBitsPerSecond()),
                    piece.fixedCost(), piece.sentBitCost(), device, plan(g, piece.plan(), cost.sentTensors()));
        }
    }

    /** The lines every map prints above its table: the range and the number of pieces. */
    static void printRange(PrintWriter out, UplinkMap<?> map) {
        List<? extends UplinkMap.Interval> pieces = map.pieces();
        out.printf(Locale.ROOT, "range      %s .. %s uplink; cost = a + b / R_up (R_up in bit/s)%n",
                rate(pieces.get(0).fromUplinkBitsPerSecond()),
                rate(pieces.get(pieces.size() - 1).toUplinkBitsPerSecond()));
        out.printf(Locale.ROOT, "pieces     %d (%d breakpoints, %d min-cut calls)%n%n", pieces.size(),
                pieces.size() - 1, map.minCutCalls());
    }

    /** "device only", or the tensors sent and the first edge layer. */
    static String plan(DnnGraph g, Placement x, List<String> sentTensors) {
        return x.edgeCount() == 0 ? "device only"
                : "send " + abbreviate(sentTensors) + ", edge from " + x.edgeLayerIds(g).get(0);
    }

    static String abbreviate(List<String> ids) {
        return ids.size() <= 4 ? String.join(",", ids)
                : String.join(",", ids.subList(0, 4)) + ",... (" + ids.size() + " tensors)";
    }

    /** A rate with an SI prefix, e.g. {@code 18.88Mbps}. */
    static String rate(double bitsPerSecond) {
        String[] units = {"bps", "kbps", "Mbps", "Gbps", "Tbps"};
        int u = 0;
        double v = bitsPerSecond;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "") + units[u];
    }

    private static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") ? "png" : name.endsWith(".svg") ? "svg" : null;
    }

    private static void draw(String title, String yAxis, UplinkMap<?> map, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("uplink (bit/s)").yAxisTitle(yAxis).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(true);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<? extends UplinkMap.Interval> pieces = map.pieces();
        for (UplinkMap.Interval piece : pieces) {
            double lo = Math.log(piece.fromUplinkBitsPerSecond());
            double hi = Math.log(piece.toUplinkBitsPerSecond());
            for (int k = 0; k <= 40; k++) {
                double r = Math.exp(lo + (hi - lo) * k / 40);
                xs.add(r);
                ys.add(piece.costAt(r));
            }
        }
        XYSeries curve = chart.addSeries("mapped cost", xs, ys);
        curve.setMarker(SeriesMarkers.NONE);
        if (pieces.size() > 1) {
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            for (UplinkMap.Interval piece : pieces.subList(0, pieces.size() - 1)) {
                bx.add(piece.toUplinkBitsPerSecond());
                by.add(piece.costAt(piece.toUplinkBitsPerSecond()));
            }
            XYSeries points = chart.addSeries("breakpoints (plan changes)", bx, by);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
        }
        if ("png".equals(format(file))) {
            OutputFiles.write("--plot", file, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
        } else {
            OutputFiles.write("--plot", file, o -> VectorGraphicsEncoder.saveVectorGraphic(chart, o,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        }
    }
}
