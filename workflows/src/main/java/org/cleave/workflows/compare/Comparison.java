package org.cleave.workflows.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Sense;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Verifier;
import org.cleave.instances.io.Instance;
import org.cleave.workflows.report.Progress;

/**
 * Runs a set of solvers on a set of instances, with repetitions, and gives one {@link Row} per
 * (instance, solver, repetition). Each result is re-verified by the family evaluator; the gap of
 * a row is measured against the best proven bound of its instance over all rows.
 */
public final class Comparison {
    private Comparison() {
    }

    /** Which solvers to run on an instance. */
    public enum Selection {
        /** The ids listed. */
        LISTED,
        /** Every exact solver of the instance's family. */
        ALL_EXACT,
        /** Every solver of the instance's family. */
        ALL
    }

    /**
     * A comparison.
     *
     * @param instances   the instances
     * @param selection   how solvers are chosen
     * @param solverIds   the ids, for {@link Selection#LISTED}
     * @param repetitions runs per (instance, solver), {@code >= 1}
     * @param seed        base seed; repetition r runs with seed {@code seed + r}
     * @param timeLimit   per-run limit, if any
     */
    public record Spec(List<Instance> instances, Selection selection, List<String> solverIds, int repetitions,
                       long seed, Optional<Duration> timeLimit) {
        public Spec {
            instances = List.copyOf(instances);
            solverIds = List.copyOf(solverIds);
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("instances: no instances given");
            }
            if (repetitions < 1) {
                throw new IllegalArgumentException("repetitions: must be >= 1, got " + repetitions);
            }
            if (selection == Selection.LISTED && solverIds.isEmpty()) {
                throw new IllegalArgumentException("solverIds: give solver ids, or select ALL_EXACT or ALL");
            }
        }
    }

    /**
     * One run.
     *
     * @param instance    instance name
     * @param family      family key
     * @param solver      solver id
     * @param kind        exact, heuristic or baseline
     * @param repetition  repetition number from 0
     * @param seed        seed of the run
     * @param status      status name
     * @param objective   objective, NaN without a plan
     * @param bound       the solver's proven bound, NaN if none
     * @param bestBound   best proven bound on this instance over all rows, NaN if none
     * @param gap         relative gap of the objective to {@code bestBound}, NaN if either is missing
     * @param wallSeconds wall time
     * @param verified    whether the verifier found no defect
     * @param statistics  the solver's statistics
     * @param message     the solver's message
     * @param sense       whether the instance's objective is minimised or maximised
     */
    public record Row(String instance, String family, String solver, String kind, int repetition, long seed,
                      String status, double objective, double bound, double bestBound, double gap,
                      double wallSeconds, boolean verified, Map<String, Number> statistics, String message,
                      Sense sense) {
        /**
         * Whether the solver refused the instance's shape or size ({@code INVALID_INPUT}, e.g.
         * {@code chain-scan} on a DAG or {@code enumerate} beyond its limit): such a row is listed
         * as "not applicable" in the summary and is neither a loss nor part of a mean.
         */
        public boolean notApplicable() {
            return Status.INVALID_INPUT.name().equals(status);
        }
    }

    /** The solvers {@code spec} selects for {@code instance}. */
    public static List<Solver<?, ?>> solversFor(Spec spec, Instance instance) {
        var family = instance.problem().family();
        return switch (spec.selection()) {
            case ALL -> Solvers.of(family);
            case ALL_EXACT -> Solvers.of(family).stream().filter(s -> s.kind() == SolverKind.EXACT).toList();
            case LISTED -> spec.solverIds().stream().<Solver<?, ?>>map(id -> Solvers.require(family, id)).toList();
        };
    }

    /**
     * The ids of the solvers that honour a time limit, among those run: each row's solver is looked
     * up in its own family (the same id may name solvers of several families with different
     * capabilities), in the order of first appearance.
     */
    public static List<String> timeLimited(List<Row> rows) {
        return rows.stream().filter(Comparison::honoursTimeLimit).map(Row::solver).distinct().toList();
    }

    /**
     * The ids of the solvers the gap-against-time plot shows, in order of first appearance: those
     * that, in their row's family, honour a time limit (their gap depends on the time given) or
     * are heuristics (whose gap is what they trade for time); exact solvers without a limit and
     * baselines are left out.
     */
    public static List<String> gapTimeSolvers(List<Row> rows) {
        return rows.stream().filter(Comparison::onGapTimePlot).map(Row::solver).distinct().toList();
    }

    /** Whether {@code row} belongs on the gap-against-time plot ({@link #gapTimeSolvers}); refused runs do not. */
    public static boolean onGapTimePlot(Row row) {
        return !row.notApplicable() && Solvers.find(Family.fromKey(row.family()), row.solver())
                .map(s -> s.honours().contains(Capability.TIME_LIMIT) || s.kind() == SolverKind.HEURISTIC)
                .orElse(false);
    }

    /** Whether the solver of {@code row}, in the row's family, honours a time limit. */
    public static boolean honoursTimeLimit(Row row) {
        return Solvers.find(Family.fromKey(row.family()), row.solver())
                .map(s -> s.honours().contains(Capability.TIME_LIMIT)).orElse(false);
    }

    /**
     * One run of a comparison: solver {@code solverId} on {@code spec.instances().get(instance)},
     * repetition {@code repetition}. A cell names everything by index and id, so it can be sent to
     * another process that holds the same spec.
     *
     * @param instance   index into {@link Spec#instances()}
     * @param solverId   solver id
     * @param repetition repetition number from 0
     */
    public record Cell(int instance, String solverId, int repetition) {
    }

    /** Every cell of {@code spec}, in (instance, solver, repetition) order: the order of {@link #run}'s rows. */
    public static List<Cell> cells(Spec spec) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < spec.instances().size(); i++) {
            for (Solver<?, ?> s : solversFor(spec, spec.instances().get(i))) {
                for (int r = 0; r < spec.repetitions(); r++) {
                    cells.add(new Cell(i, s.id(), r));
                }
            }
        }
        return cells;
    }

    /**
     * Runs one cell: seed {@code spec.seed() + repetition}, the spec's time limit, the result
     * re-verified. The row's {@code bestBound} and {@code gap} are NaN until {@link #withGaps}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Row runCell(Spec spec, Cell cell) {
        Instance instance = spec.instances().get(cell.instance());
        Problem problem = instance.problem();
        Solver solver = Solvers.require(problem.family(), cell.solverId());
        long seed = spec.seed() + cell.repetition();
        SolveLimits limits = SolveLimits.none().withSeed(seed);
        if (spec.timeLimit().isPresent()) {
            limits = limits.withTimeLimit(spec.timeLimit().get());
        }
        Result<?> r = solver.solve(problem, limits);
        boolean ok = Verifier.verify(problem, r).ok();
        return new Row(instance.name(), problem.family().key(), r.solverId(), solver.kind().key(), cell.repetition(),
                seed, r.status().name(), r.objective(), r.bound(), Double.NaN, Double.NaN, r.wallTime().toNanos() / 1e9,
                ok, r.statistics(), r.message(), problem.sense());
    }

    /** Runs the comparison on {@code threads} threads; rows come in (instance, solver, repetition) order. */
    public static List<Row> run(Spec spec, int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        List<Cell> cells = cells(spec);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cleave-compare");
            t.setDaemon(true);
            return t;
        });
        List<Future<Row>> futures = new ArrayList<>();
        for (Cell cell : cells) {
            futures.add(pool.submit(() -> runCell(spec, cell)));
        }
        List<Row> rows = new ArrayList<>();
        try {
            for (int i = 0; i < futures.size(); i++) {
                rows.add(futures.get(i).get());
                progress.update(i + 1, futures.size(), 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.finish(futures.size(), futures.size(), 0);
        return withGaps(rows);
    }

    /**
     * {@code rows} with {@code bestBound} (the best proven bound of a row's instance over the
     * verified rows) and {@code gap} filled in; the same order.
     */
    public static List<Row> withGaps(List<Row> rows) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!Double.isNaN(r.bound()) && r.verified()) {
                Sense sense = r.sense();
                best.merge(r.instance(), r.bound(), (a, b) -> sense == Sense.MINIMIZE ? Math.max(a, b) : Math.min(a, b));
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            double b = best.getOrDefault(r.instance(), Double.NaN);
            double gap = Double.isNaN(b) || Double.isNaN(r.objective()) ? Double.NaN
                    : Math.abs(r.objective() - b) / Math.max(Math.abs(b), 1e-300);
            out.add(new Row(r.instance(), r.family(), r.solver(), r.kind(), r.repetition(), r.seed(), r.status(),
                    r.objective(), r.bound(), b, gap, r.wallSeconds(), r.verified(), r.statistics(), r.message(),
                    r.sense()));
        }
        return out;
    }
}
