package org.cleave.cli.map;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Problem;
import org.cleave.instances.io.Instance;
import org.cleave.cli.InstanceArgument;
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
 * {@code cleave map FILE --from 0.1Mbps --to 10Gbps [--plot map.png|map.svg]}: the exact P1
 * bandwidth map. Prints each uplink interval with its optimal plan (the device/edge split and the
 * tensors sent) and its cost {@code a + b / R_up}; with {@code --plot}, draws the optimal cost
 * against the uplink rate (log scale) with the breakpoints marked.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Exact P1 bandwidth map: the optimal plan and cost on every uplink interval.")
public final class MapCommand implements Callable<Integer> {
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

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw cost against bandwidth into FILE"
            + " (.png or .svg).")
    Path plot;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (plot != null && format(plot) == null) {
            throw new IllegalArgumentException("--plot: the file name must end in .png or .svg, got '" + plot + "'");
        }
        Instance instance = source.load();
        Problem<?> problem = instance.problem();
        if (!(problem instanceof PartitionProblem p)) {
            throw new IllegalArgumentException("cleave map takes a P1 (partition) instance; " + instance.name()
                    + " is " + problem.family().key());
        }
        BandwidthMap map = BandwidthMap.of(p, fromBitsPerSecond, toBitsPerSecond);
        print(out, instance, p, map);
        if (plot != null) {
            draw(instance.name(), map, plot);
            out.printf("plot       %s%n", plot);
        }
        return 0;
    }

    private static void print(PrintWriter out, Instance instance, PartitionProblem p, BandwidthMap map) {
        DnnGraph g = p.graph();
        out.printf(Locale.ROOT, "instance   %s (partition, P1), %d layers%n", instance.name(), g.size());
        out.printf(Locale.ROOT, "range      %s .. %s uplink; cost = a + b / R_up (R_up in bit/s)%n",
                rate(map.pieces().get(0).fromUplinkBitsPerSecond()),
                rate(map.pieces().get(map.pieces().size() - 1).toUplinkBitsPerSecond()));
        out.printf(Locale.ROOT, "pieces     %d (%d breakpoints, %d min-cut calls)%n%n", map.pieces().size(),
                map.pieces().size() - 1, map.minCutCalls());
        out.printf(Locale.ROOT, "%-12s %-12s %-16s %-16s %-16s %-16s %-7s %s%n", "from", "to", "cost at from",
                "cost at to", "a", "b (bit)", "device", "plan");
        for (BandwidthMap.Piece piece : map.pieces()) {
            PartitionCost cost = p.evaluate(piece.plan());
            int device = g.size() - piece.plan().edgeCount();
            String plan = piece.plan().edgeCount() == 0 ? "device only"
                    : "send " + abbreviate(cost.sentTensors()) + ", edge from " + piece.plan().edgeLayerIds(g).get(0);
            out.printf(Locale.ROOT, "%-12s %-12s %-16.9g %-16.9g %-16.9g %-16.9g %-7d %s%n",
                    rate(piece.fromUplinkBitsPerSecond()), rate(piece.toUplinkBitsPerSecond()),
                    piece.costAt(piece.fromUplinkBitsPerSecond()), piece.costAt(piece.toUplinkBitsPerSecond()),
                    piece.fixedCost(), piece.sentBitCost(), device, plan);
        }
    }

    private static String abbreviate(List<String> ids) {
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

    private static void draw(String title, BandwidthMap map, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title("Optimal P1 cost, " + title)
                .xAxisTitle("uplink (bit/s)").yAxisTitle("optimal cost (w_T*T + w_E*E)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(true);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (BandwidthMap.Piece piece : map.pieces()) {
            double lo = Math.log(piece.fromUplinkBitsPerSecond());
            double hi = Math.log(piece.toUplinkBitsPerSecond());
            for (int k = 0; k <= 40; k++) {
                double r = Math.exp(lo + (hi - lo) * k / 40);
                xs.add(r);
                ys.add(piece.costAt(r));
            }
        }
        XYSeries curve = chart.addSeries("optimal cost", xs, ys);
        curve.setMarker(SeriesMarkers.NONE);
        double[] breaks = map.breakpoints();
        if (breaks.length > 0) {
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            for (double b : breaks) {
                bx.add(b);
                by.add(map.costAt(b));
            }
            XYSeries points = chart.addSeries("breakpoints (plan changes)", bx, by);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
        }
        String path = file.toAbsolutePath().toString();
        if ("png".equals(format(file))) {
            BitmapEncoder.saveBitmap(chart, path, BitmapEncoder.BitmapFormat.PNG);
        } else {
            VectorGraphicsEncoder.saveVectorGraphic(chart, path, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
    }
}
