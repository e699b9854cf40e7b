package org.cleave.algorithms.upload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Result;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;

/**
 * The parallel-versus-serial latency table of MJOA-MU (Yang et al., doi:10.1016/j.comnet.2023.109801):
 * for each model and network, the optimal latency (exact {@link BranchAndBoundUploadSolver},
 * latency-only objective) with serial uploading, with parallel uploading, and the reduction
 * 1 − T_parallel / T_serial; also the parallel latency of the serial-optimal plan (same plan), and
 * the largest same-plan reduction 1 − T_par(x)/T_ser(x) over the first 2^16 monotone placements x
 * (with the number of edge layers of that plan).
 * Takes any {@link DnnGraph}s, e.g. the zoo's block graphs.
 */
public final class UploadLatencyTable {
    /**
     * Uplink profiles of Neurosurgeon's measurements (Kang et al., ASPLOS 2017,
     * doi:10.1145/3037697.3037698): 3G 1.1 Mbit/s, LTE 5.85 Mbit/s, Wi-Fi 18.88 Mbit/s; downlink
     * taken as 4× the uplink and latency 0 (a choice of this table, stated in the output).
     */
    public static final Map<String, Link> NETWORKS = networks();

    private UploadLatencyTable() {
    }

    private static Map<String, Link> networks() {
        Map<String, Link> m = new LinkedHashMap<>();
        m.put("3G", new Link(1.1e6, 4.4e6, 0));
        m.put("4G", new Link(5.85e6, 23.4e6, 0));
        m.put("WiFi", new Link(18.88e6, 75.52e6, 0));
        return m;
    }

    /** One row: optimal latencies in seconds and the edge layer count of each optimum. */
    public record Row(String model, String network, double serialSeconds, double parallelSeconds,
                      double parallelOfSerialPlanSeconds, int serialEdgeLayers, int parallelEdgeLayers,
                      double maxSamePlanReduction, int maxReductionEdgeLayers) {
        /** 1 − parallel / serial. */
        public double reduction() {
            return 1 - parallelSeconds / serialSeconds;
        }
    }

    /** The rows for every model × network. */
    public static List<Row> rows(Map<String, DnnGraph> models, Device device, EdgeServer edge,
                                 Map<String, Link> networks) {
        BranchAndBoundUploadSolver solver = new BranchAndBoundUploadSolver();
        List<Row> rows = new ArrayList<>();
        for (var m : models.entrySet()) {
            for (var n : networks.entrySet()) {
                UploadProblem ser = new UploadProblem(m.getValue(), device, edge, n.getValue(), UploadMode.SERIAL);
                UploadProblem par = ser.withMode(UploadMode.PARALLEL);
                Result<Placement> rs = solver.solve(ser);
                Result<Placement> rp = solver.solve(par);
                Placement serialPlan = rs.planOrThrow();
                double[] best = {0};
                int[] bestEdge = {0};
                OrderIdeals.forEach(m.getValue(), 1 << 16, () -> false, x -> {
                    Placement plan = Placement.of(x);
                    double r = 1 - par.evaluate(plan).latencySeconds() / ser.evaluate(plan).latencySeconds();
                    if (r > best[0]) {
                        best[0] = r;
                        bestEdge[0] = plan.edgeCount();
                    }
                });
                rows.add(new Row(m.getKey(), n.getKey(), rs.objective(), rp.objective(),
                        par.evaluate(serialPlan).latencySeconds(), serialPlan.edgeCount(),
                        rp.planOrThrow().edgeCount(), best[0], bestEdge[0]));
            }
        }
        return rows;
    }

    /** A Markdown table of {@code rows}. */
    public static String markdown(List<Row> rows) {
        StringBuilder s = new StringBuilder("| model | network | serial T* (s) | parallel T* (s) | reduction |"
                + " parallel, serial plan (s) | edge layers serial/parallel | max same-plan reduction (edge layers) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.1f %% | %.4f | %d / %d | %.1f %% (%d) |%n", r.model(),
                    r.network(), r.serialSeconds(), r.parallelSeconds(), 100 * r.reduction(),
                    r.parallelOfSerialPlanSeconds(), r.serialEdgeLayers(), r.parallelEdgeLayers(),
                    100 * r.maxSamePlanReduction(), r.maxReductionEdgeLayers()));
        }
        return s.toString();
    }
}
