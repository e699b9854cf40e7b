package org.cleave.workflows.compare;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cleave.workflows.io.OutputFiles;
import org.cleave.workflows.report.Table;
import org.cleave.workflows.units.Engineering;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * Writes a comparison: {@code results.csv} and {@code results.jsonl} (one row per run),
 * {@code summary.md} (the run header and a table per solver: runs, wins, mean and geometric-mean
 * time, mean and maximum gap), and two plots as PNG and SVG: the Dolan–Moré performance profile
 * of solve time ({@code profile}) and gap against time for the solvers that honour a time limit
 * and the heuristics ({@code gap-time}); a solver has one colour in both plots ({@link #colours}),
 * and runs a solver refused ({@link Comparison.Row#notApplicable}) are listed apart, not plotted. Dolan and Moré, "Benchmarking optimization software with performance
 * profiles", Math. Program. 91 (2002), doi:10.1007/s101070100263.
 */
public final class ComparisonReport {
    /** A run counts as solved in the performance profile when its gap is at most this. */
    public static final double SOLVED_GAP = 1e-6;
    /** Geometric means use max(time, this) so that zero times do not vanish the mean. */
    public static final double TIME_FLOOR_SECONDS = 1e-6;

    /** The columns of {@code results.csv} and {@code results.jsonl}, in order. */
    public static final List<String> COLUMNS = List.of("instance", "family", "solver", "kind", "repetition", "seed", "status",
            "objective", "bound", "best_bound", "gap", "wall_seconds", "verified", "statistics", "message");

    private ComparisonReport() {
    }

    /**
     * Per-solver aggregates over the runs where the solver was applicable; the runs where it refused
     * the instance's shape or size ({@link Comparison.Row#notApplicable}) are only counted in
     * {@code notApplicable}: they are neither losses nor part of a mean.
     *
     * @param runs          applicable runs
     * @param notApplicable runs refused as {@code INVALID_INPUT}
     */
    public record SolverSummary(String solver, String kind, int runs, int withPlan, int wins, double meanSeconds,
                                double geometricMeanSeconds, double meanGap, double maxGap, int notApplicable) {
    }

    /** The files {@link #write} puts into its directory. */
    public static final List<String> FILES = List.of("results.csv", "results.jsonl", "summary.md", "profile.png",
            "profile.svg", "gap-time.png", "gap-time.svg");

    /**
     * Writes every output ({@link #FILES}) into {@code dir} (created if missing; its parent must
     * exist); returns the per-solver summaries. Everything is rendered first and moved into place
     * only when all outputs are ready ({@link OutputFiles.Batch}), so a failure leaves the folder
     * as it was. Existing files are replaced: the caller checks them first
     * ({@link OutputFiles#checkDirectory}).
     */
    public static List<SolverSummary> write(List<Comparison.Row> rows, Map<String, String> header, Path dir)
            throws IOException {
        StringBuilder csv = new StringBuilder(Table.CSV.header(COLUMNS));
        StringBuilder jsonl = new StringBuilder();
        for (Comparison.Row r : rows) {
            List<Object> values = values(r);
            csv.append(Table.CSV.row(COLUMNS, values));
            jsonl.append(Table.JSONL.row(COLUMNS, values));
        }
        List<SolverSummary> summaries = summarise(rows);
        System.setProperty("java.awt.headless", "true");
        XYChart profile = profile(rows);
        XYChart gapTime = gapTime(rows);
        OutputFiles.createDirectory("out", dir);
        new OutputFiles.Batch("out")
                .addString(dir.resolve("results.csv"), csv)
                .addString(dir.resolve("results.jsonl"), jsonl)
                .addString(dir.resolve("summary.md"), markdown(rows, header, summaries))
                .add(dir.resolve("profile.png"), o -> BitmapEncoder.saveBitmap(profile, o, BitmapEncoder.BitmapFormat.PNG))
                .add(dir.resolve("profile.svg"), o -> VectorGraphicsEncoder.saveVectorGraphic(profile, o,
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG))
                .add(dir.resolve("gap-time.png"), o -> BitmapEncoder.saveBitmap(gapTime, o, BitmapEncoder.BitmapFormat.PNG))
                .add(dir.resolve("gap-time.svg"), o -> VectorGraphicsEncoder.saveVectorGraphic(gapTime, o,
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG))
                .commit();
        return summaries;
    }

    private static List<Object> values(Comparison.Row r) {
        String stats = r.statistics().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
        return Arrays.asList(r.instance(), r.family(), r.solver(), r.kind(), r.repetition(), r.seed(), r.status(),
                r.objective(), r.bound(), r.bestBound(), r.gap(), r.wallSeconds(), r.verified(), stats, r.message());
    }

    /** Per-solver aggregates, in order of first appearance. */
    public static List<SolverSummary> summarise(List<Comparison.Row> rows) {
        Map<String, Double> bestObjective = new LinkedHashMap<>();
        for (Comparison.Row r : rows) {
            if (!Double.isNaN(r.objective()) && r.verified()) {
                bestObjective.merge(r.instance() + "#" + r.repetition(), r.objective(),
                        r.sense() == org.cleave.core.solve.Sense.MINIMIZE ? Math::min : Math::max);
            }
        }
        Map<String, List<Comparison.Row>> bySolver = new LinkedHashMap<>();
        rows.forEach(r -> bySolver.computeIfAbsent(r.solver(), k -> new ArrayList<>()).add(r));
        List<SolverSummary> out = new ArrayList<>();
        bySolver.forEach((solver, all) -> {
            List<Comparison.Row> rs = all.stream().filter(r -> !r.notApplicable()).toList();
            int notApplicable = all.size() - rs.size();
            if (rs.isEmpty()) {
                out.add(new SolverSummary(solver, all.get(0).kind(), 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, notApplicable));
                return;
            }
            int withPlan = 0;
            int wins = 0;
            double sumT = 0;
            double sumLogT = 0;
            double sumGap = 0;
            double maxGap = Double.NaN;
            int gaps = 0;
            for (Comparison.Row r : rs) {
                sumT += r.wallSeconds();
                sumLogT += Math.log(Math.max(TIME_FLOOR_SECONDS, r.wallSeconds()));
                if (!Double.isNaN(r.objective())) {
                    withPlan++;
                    double best = bestObjective.getOrDefault(r.instance() + "#" + r.repetition(), Double.NaN);
                    if (r.verified() && org.cleave.core.solve.Verifier.close(r.objective(), best, 1e-9)) {
                        wins++;
                    }
                }
                if (!Double.isNaN(r.gap())) {
                    sumGap += r.gap();
                    maxGap = Double.isNaN(maxGap) ? r.gap() : Math.max(maxGap, r.gap());
                    gaps++;
                }
            }
            out.add(new SolverSummary(solver, rs.get(0).kind(), rs.size(), withPlan, wins, sumT / rs.size(),
                    Math.exp(sumLogT / rs.size()), gaps == 0 ? Double.NaN : sumGap / gaps, maxGap, notApplicable));
        });
        return out;
    }

    private static String markdown(List<Comparison.Row> rows, Map<String, String> header,
                                   List<SolverSummary> summaries) {
        StringBuilder b = new StringBuilder("# Cleave comparison\n\n");
        long instances = rows.stream().map(Comparison.Row::instance).distinct().count();
        b.append(String.format(Locale.ROOT, "%d instances, %d solvers, %d runs.%n%n", instances, summaries.size(),
                rows.size()));
        b.append("| key | value |\n|---|---|\n");
        header.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        b.append("\n| solver | kind | runs | with plan | wins | not applicable | mean time | geo. mean time | mean gap"
                + " | max gap |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SolverSummary s : summaries) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s | %s | %s | %s |%n", s.solver(),
                    s.kind(), s.runs(), s.withPlan(), s.wins(), s.notApplicable(), Engineering.seconds(s.meanSeconds()),
                    Engineering.seconds(s.geometricMeanSeconds()), pct(s.meanGap()), pct(s.maxGap())));
        }
        List<Comparison.Row> refused = rows.stream().filter(Comparison.Row::notApplicable).toList();
        if (!refused.isEmpty()) {
            b.append("\n## Not applicable\n\nThese solvers refused these instances' shape or size (status"
                    + " INVALID_INPUT); the runs are in results.csv but are not counted as runs, losses or times"
                    + " above.\n\n| solver | instance | reason |\n|---|---|---|\n");
            Map<String, Comparison.Row> first = new LinkedHashMap<>();
            refused.forEach(r -> first.putIfAbsent(r.solver() + "\t" + r.instance(), r));
            first.values().forEach(r -> b.append("| ").append(r.solver()).append(" | ").append(r.instance())
                    .append(" | ").append(r.message().replace("|", "\\|").replace("\n", " ")).append(" |\n"));
        }
        b.append("\nGap: relative distance of a run's objective to the best proven bound of its instance over all"
                + " runs (exact solvers prove bounds). Wins: runs whose objective equals the best objective of the"
                + " instance and repetition to 1e-9. Not applicable: runs where the solver refused the instance's shape or"
                + " size. Times are over the applicable runs; geometric means use max(t, 1 µs).\n\n"
                + "![performance profile](profile.png)\n\n![gap against time](gap-time.png)\n");
        return b.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f %%", 100 * v);
    }

    /**
     * Distinct colours (Paul Tol's "muted" and "bright" qualitative schemes, colour-blind safe),
     * given to solvers in a fixed order.
     */
    static final List<Color> PALETTE = List.of(new Color(0x332288), new Color(0xCC6677), new Color(0x117733),
            new Color(0xDDCC77), new Color(0x88CCEE), new Color(0x882255), new Color(0x44AA99), new Color(0x999933),
            new Color(0xAA4499), new Color(0x4477AA), new Color(0xEE6677), new Color(0x228833), new Color(0xCCBB44),
            new Color(0x66CCEE), new Color(0xAA3377), new Color(0xBBBBBB), new Color(0x000000));

    /**
     * One colour per solver of a comparison, the same in every plot: the comparison's solvers (the
     * applicable ones) in registry order (family, kind, id; {@link org.cleave.core.solve.Solvers#all}),
     * then any unknown id by name, take the {@link #PALETTE} colours in turn, so that two solvers of
     * one comparison share a colour only beyond {@code PALETTE.size()} solvers, and the same set of
     * solvers always gets the same colours.
     */
    static Map<String, Color> colours(List<Comparison.Row> rows) {
        List<String> registry = org.cleave.core.solve.Solvers.all().stream()
                .map(org.cleave.core.solve.Solver::id).distinct().toList();
        List<String> ids = rows.stream().filter(r -> !r.notApplicable()).map(Comparison.Row::solver).distinct()
                .sorted(java.util.Comparator.comparingInt((String id) -> registry.indexOf(id) < 0 ? Integer.MAX_VALUE
                        : registry.indexOf(id)).thenComparing(id -> id))
                .toList();
        Map<String, Color> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), PALETTE.get(i % PALETTE.size()));
        }
        return out;
    }

    /** ρ_s(τ): fraction of instances solver s solves within τ times the fastest solver's time. */
    static XYChart profile(List<Comparison.Row> rows) {
        Map<String, Map<String, Double>> time = new TreeMap<>(); // instance -> solver -> median solved time
        Map<String, Map<String, List<Comparison.Row>>> grouped = new TreeMap<>();
        for (Comparison.Row r : rows) {
            if (!r.notApplicable()) {
                grouped.computeIfAbsent(r.instance(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.solver(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Color> colours = colours(rows);
        List<String> solvers = List.copyOf(colours.keySet());
        grouped.forEach((instance, bySolver) -> {
            Map<String, Double> t = new LinkedHashMap<>();
            bySolver.forEach((solver, rs) -> {
                boolean solved = rs.stream().allMatch(r -> r.verified() && !Double.isNaN(r.gap()) && r.gap() <= SOLVED_GAP);
                double[] ts = rs.stream().mapToDouble(r -> Math.max(TIME_FLOOR_SECONDS, r.wallSeconds())).sorted().toArray();
                t.put(solver, solved ? ts[ts.length / 2] : Double.POSITIVE_INFINITY);
            });
            time.put(instance, t);
        });
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Performance profile (solve time)")
                .xAxisTitle("tau: time / fastest time").yAxisTitle("fraction of instances solved").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> Engineering.format(v, ""));
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Engineering::percent);
        int n = time.size();
        for (String s : solvers) {
            List<Double> ratios = new ArrayList<>();
            for (Map<String, Double> t : time.values()) {
                double fastest = t.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY);
                double mine = t.getOrDefault(s, Double.POSITIVE_INFINITY);
                if (Double.isFinite(mine) && Double.isFinite(fastest)) {
                    ratios.add(mine / fastest);
                }
            }
            ratios.sort(Double::compare);
            List<Double> xs = new ArrayList<>(List.of(1.0));
            List<Double> ys = new ArrayList<>(List.of(0.0));
            for (int i = 0; i < ratios.size(); i++) {
                xs.add(ratios.get(i));
                ys.add(ys.get(ys.size() - 1));
                xs.add(ratios.get(i));
                ys.add((i + 1.0) / n);
            }
            double end = Math.max(2.0, ratios.isEmpty() ? 2.0 : ratios.get(ratios.size() - 1) * 1.5);
            xs.add(end);
            ys.add(ys.get(ys.size() - 1));
            XYSeries series = chart.addSeries(s, xs, ys);
            series.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            series.setLineColor(colours.get(s));
        }
        return chart;
    }

    /**
     * Gap against wall time, one scatter series per solver of {@link Comparison#gapTimeSolvers}
     * (time-limited solvers and heuristics of each row's family), in the solver's colour.
     */
    static XYChart gapTime(List<Comparison.Row> rows) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Gap against time (time-limited solvers and heuristics)")
                .xAxisTitle("wall time (s)").yAxisTitle("gap to best bound").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Engineering::seconds);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Engineering::percent);
        Map<String, Color> colours = colours(rows);
        boolean any = false;
        for (String solver : Comparison.gapTimeSolvers(rows)) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Comparison.Row r : rows) {
                if (r.solver().equals(solver) && Comparison.onGapTimePlot(r) && !Double.isNaN(r.gap())) {
                    xs.add(Math.max(TIME_FLOOR_SECONDS, r.wallSeconds()));
                    ys.add(r.gap());
                }
            }
            if (!xs.isEmpty()) {
                XYSeries series = chart.addSeries(solver, xs, ys);
                series.setMarkerColor(colours.get(solver));
                series.setLineColor(colours.get(solver));
                any = true;
            }
        }
        if (!any) {
            chart.setTitle("Gap against time: no time-limited solver or heuristic with a gap in this comparison");
            chart.addSeries("none", new double[] {1}, new double[] {0});
        }
        return chart;
    }
}
