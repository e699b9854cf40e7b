package org.cleave.workflows.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.upload.MultiUserUploadCost;
import org.cleave.core.upload.MultiUserUploadPlan;
import org.cleave.core.upload.MultiUserUploadProblem;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadUser;
import org.cleave.core.upload.UserAllocation;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} on multi-user P5: gaps, breakdown, infeasible plans and the score table. */
class MultiUserUploadEvaluateTest {
    private static final int STATES = 200;
    private final PlanEvaluator evaluator = new PlanEvaluator();
    private static final FamilyCodec CODEC = InstanceJson.codec(Family.UPLOAD);

    @TempDir
    Path dir;

    private static MultiUserUploadProblem instance(long seed) {
        return RandomUploadInstances.multiUser(seed, 4, 5, 4, UploadMode.values()[(int) (seed % 3)]);
    }

    /** Every solver of family upload that takes a multi-user problem, by kind. */
    private static List<Solver<?, ?>> multiUserSolvers(boolean exact) {
        return Solvers.of(Family.UPLOAD).stream()
                .filter(s -> s.problemType() == MultiUserUploadProblem.class)
                .filter(s -> (s.kind() == SolverKind.EXACT) == exact).toList();
    }

    /** The plan through the codec and back, as solve --json writes it and evaluate reads it. */
    private static Object throughJson(MultiUserUploadProblem p, Object plan) {
        String text = CODEC.writePlan(p, plan).toString();
        return CODEC.readPlan(p, Json.parse(text, "plan"), "plan");
    }

    /**
     * Plans of every multi-user P5 heuristic and baseline, and the all-device plan, on
     * {@value #STATES} seeded instances, read back through the plan codec: the gap equals
     * (f − f*)/f* recomputed here from the plan's objective (re-evaluated through the problem)
     * and the exact solver's optimum (its plan re-evaluated), and the exact solver's own plan has
     * gap 0.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void gapsOfEveryHeuristicMatchTheRecomputedGap() {
        List<Solver<?, ?>> heuristics = multiUserSolvers(false);
        List<Solver<?, ?>> exact = multiUserSolvers(true);
        assertFalse(heuristics.isEmpty(), "no multi-user P5 heuristic");
        assertEquals(List.of("multiuser-dp"), exact.stream().map(Solver::id).toList());
        assertEquals("multiuser-dp", Solvers.defaultExact(instance(0)));
        int scored = 0;
        int positive = 0;
        for (long seed = 0; seed < STATES; seed++) {
            MultiUserUploadProblem p = instance(seed);
            Result dp = ((Solver) exact.get(0)).solve(p);
            assertEquals(Status.OPTIMAL, dp.status(), "seed " + seed);
            MultiUserUploadPlan best = (MultiUserUploadPlan) dp.planOrThrow();
            double fStar = p.evaluate(best).objective();
            PlanEvaluator.Optimum optimum = evaluator.optimum(p, Solvers.defaultExact(p), SolveLimits.none());
            assertEquals(fStar, optimum.objective(), 1e-12 * fStar, "seed " + seed);

            PlanScore own = evaluator.score(p, throughJson(p, best), optimum.objective());
            assertTrue(own.feasible() && own.optimal(), "seed " + seed + ": " + own);
            assertEquals(0, own.gap(), 1e-12, "seed " + seed);

            List<Object> plans = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Solver h : heuristics) {
                Result r = h.solve(p);
                if (r.plan().isPresent()) {
                    plans.add(r.plan().get());
                    names.add(h.id());
                }
            }
            List<UserAllocation> device = new ArrayList<>();
            for (UploadUser u : p.users()) {
                device.add(new UserAllocation(Placement.allDevice(u.graph().size()), 0, 0));
            }
            plans.add(new MultiUserUploadPlan(device));
            names.add("all-device");
            for (int k = 0; k < plans.size(); k++) {
                String where = "seed " + seed + " " + names.get(k);
                Object back = throughJson(p, plans.get(k));
                assertEquals(plans.get(k), back, where + ": plan changed through JSON");
                MultiUserUploadCost e = p.evaluate((MultiUserUploadPlan) back);
                PlanScore s = evaluator.score(seed, p, back, optimum.objective());
                assertEquals(e.feasible(), s.feasible(), where);
                assertEquals(e.objective(), s.objective(), 0, where);
                assertEquals(MultiUserUploadBreakdown.COLUMNS, List.copyOf(s.breakdown().keySet()), where);
                assertEquals(MultiUserUploadBreakdown.USER_COLUMNS, List.copyOf(s.perUser().keySet()), where);
                checkBreakdown(p, e, s, where);
                if (!e.feasible()) {
                    assertTrue(Double.isNaN(s.gap()), where);
                    continue;
                }
                double expected = (e.objective() - fStar) / fStar;
                assertEquals(expected, s.gap(), 1e-9, where + ": optimum " + fStar + ", plan " + e.objective());
                assertTrue(s.gap() >= -1e-9, where + ": beat the optimum, gap " + s.gap());
                scored++;
                positive += s.gap() > 1e-9 ? 1 : 0;
            }
        }
        assertTrue(scored >= STATES, "only " + scored + " feasible plans scored");
        assertTrue(positive > 0, "no plan had a positive gap: the check saw only optimal plans");
        System.out.printf("multi-user P5: %d feasible plans scored, %d with a positive gap%n", scored, positive);
    }

    /** The breakdown's totals are the sums of its per-user vectors, which are the evaluator's per-user costs. */
    private static void checkBreakdown(MultiUserUploadProblem p, MultiUserUploadCost e, PlanScore s, String where) {
        int n = p.users().size();
        Map<String, double[]> u = s.perUser();
        double latency = 0;
        double max = 0;
        double energy = 0;
        double objective = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(e.users().get(i).latencySeconds(), u.get("user_latency_seconds")[i], 0, where);
            assertEquals(e.users().get(i).parameterSeconds(), u.get("user_parameter_seconds")[i], 0, where);
            latency += u.get("user_latency_seconds")[i];
            max = Math.max(max, u.get("user_latency_seconds")[i]);
            energy += u.get("user_energy_joules")[i];
            objective += u.get("user_objective")[i];
        }
        for (double[] v : u.values()) {
            assertEquals(n, v.length, where);
        }
        assertEquals(latency, s.breakdown().get("latency_seconds"), 1e-12 * latency, where);
        assertEquals(latency / n, s.breakdown().get("mean_latency_seconds"), 1e-12 * latency, where);
        assertEquals(max, s.breakdown().get("max_latency_seconds"), 0, where);
        assertEquals(energy, s.breakdown().get("energy_joules"), 1e-12 * Math.max(1, energy), where);
        assertEquals(e.objective(), objective, 1e-12 * objective, where);
        assertEquals(e.computeUnitsUsed(), s.breakdown().get("compute_units"), 0, where);
        assertEquals(e.bandwidthUnitsUsed(), s.breakdown().get("bandwidth_units"), 0, where);
    }

    /** A user that offloads something, with a layer after the input; empty when none does in this instance. */
    private static int offloadingUser(MultiUserUploadPlan plan) {
        for (int i = 0; i < plan.allocations().size(); i++) {
            if (plan.allocations().get(i).placement().edgeCount() > 0) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void handBrokenPlansAreInfeasibleWithTheConstraintNamed() {
        int overCompute = 0;
        int zeroUnits = 0;
        int nonMonotone = 0;
        for (long seed = 0; seed < 60; seed++) {
            MultiUserUploadProblem p = instance(seed);
            MultiUserUploadPlan best = (MultiUserUploadPlan) evaluator.optimum(p, "multiuser-dp", SolveLimits.none())
                    .plan().orElseThrow();
            double fStar = p.evaluate(best).objective();
            List<UserAllocation> a = new ArrayList<>(best.allocations());
            String where = "seed " + seed;

            // over-allocated compute units: every user holds the whole budget K_F (N >= 2 users)
            List<UserAllocation> over = new ArrayList<>();
            for (UserAllocation x : a) {
                over.add(new UserAllocation(x.placement(), p.computeUnits(), x.bandwidthUnits()));
            }
            int used = p.users().size() * p.computeUnits();
            PlanScore s = evaluator.score(p, throughJson(p, new MultiUserUploadPlan(over)), fStar);
            assertFalse(s.feasible(), where);
            assertTrue(Double.isNaN(s.gap()), where);
            assertEquals(List.of("computeUnits: " + used + " used, " + p.computeUnits() + " available"),
                    s.violations(), where);
            assertFalse(s.breakdown().isEmpty(), where + ": an over-budget plan is still priced");

            // one offloading user alone holds more than the budget: the evaluator cannot price it
            UserAllocation a0 = a.get(0);
            int n0 = p.users().get(0).graph().size();
            if (n0 > 1) {
                List<UserAllocation> tooMany = new ArrayList<>(a);
                tooMany.set(0, new UserAllocation(Placement.allButInputOnEdge(n0), p.computeUnits() + 1, 1));
                s = evaluator.score(p, new MultiUserUploadPlan(tooMany), fStar);
                assertFalse(s.feasible(), where);
                assertTrue(s.violations().get(0).startsWith("plan rejected by the evaluator: users[0]: units must be in"
                        + " [1, " + p.computeUnits() + "]"), s.violations().toString());
            }
            overCompute++;

            // the wrong number of users: the evaluator rejects it
            s = evaluator.score(p, new MultiUserUploadPlan(a.subList(0, a.size() - 1)), fStar);
            assertFalse(s.feasible(), where);
            assertTrue(s.violations().get(0).startsWith("plan rejected by the evaluator: allocations: has "
                    + (a.size() - 1) + " entries, the problem has " + a.size() + " users"), s.violations().toString());
            assertTrue(s.breakdown().isEmpty() && s.perUser().isEmpty() && Double.isNaN(s.objective()), where);

            // a user that sends with zero units
            int i = offloadingUser(best);
            if (i >= 0) {
                // written by hand: the codec prices a plan it writes, and this one cannot be priced
                com.fasterxml.jackson.databind.node.ObjectNode json =
                        (com.fasterxml.jackson.databind.node.ObjectNode) CODEC.writePlan(p, best);
                ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("users").get(i)).put("computeUnits", 0);
                Object zero = CODEC.readPlan(p, Json.parse(json.toString(), "plan"), "plan");
                s = evaluator.score(p, zero, fStar);
                assertFalse(s.feasible(), where);
                String v = s.violations().get(0);
                assertTrue(v.startsWith("plan rejected by the evaluator: allocations[" + i + "]")
                        && v.contains("runs layers on the edge but holds 0 compute"), v);
                zeroUnits++;
            }

            // a bad mask: the input on the edge, everything else on the device (not monotone when there is a layer after it)
            if (n0 > 1) {
                boolean[] mask = new boolean[n0];
                mask[0] = true;
                List<UserAllocation> bad = new ArrayList<>(a);
                bad.set(0, new UserAllocation(Placement.of(mask), Math.max(1, a0.computeUnits()),
                        Math.max(1, a0.bandwidthUnits())));
                s = evaluator.score(p, new MultiUserUploadPlan(bad), fStar);
                assertFalse(s.feasible(), where);
                assertTrue(s.violations().get(0).startsWith("plan rejected by the evaluator: allocations[0]"),
                        s.violations().toString());
                nonMonotone++;
            }
        }
        assertTrue(overCompute == 60 && zeroUnits > 10 && nonMonotone > 10,
                overCompute + " " + zeroUnits + " " + nonMonotone);
    }

    @Test
    void theScoreTableWritesPerUserVectorsAsJsonArrays() throws Exception {
        MultiUserUploadProblem p = instance(3);
        var optimum = evaluator.optimum(p, "multiuser-dp", SolveLimits.none());
        List<PlanScore> scores = List.of(
                evaluator.score(0, p, optimum.plan().orElseThrow(), optimum.objective()),
                evaluator.score(1, p, new MultiUserUploadPlan(List.of()), optimum.objective()));
        List<String> columns = PlanFiles.columns(p, "index");
        assertEquals(List.of("index", "feasible", "violations", "objective", "latency_seconds", "mean_latency_seconds",
                "max_latency_seconds", "energy_joules", "compute_units", "bandwidth_units", "user_objective",
                "user_latency_seconds", "user_energy_joules", "user_parameter_seconds", "user_uplink_busy_seconds",
                "optimum", "gap"), columns);
        String jsonl = PlanFiles.table(p, "index", scores, Table.JSONL);
        String[] lines = jsonl.split("\n");
        JsonNode row = Json.MAPPER.readTree(lines[0]);
        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertEquals(columns, keys);
        double[] latencies = scores.get(0).perUser().get("user_latency_seconds");
        assertTrue(row.get("user_latency_seconds").isArray());
        assertEquals(p.users().size(), row.get("user_latency_seconds").size());
        for (int i = 0; i < latencies.length; i++) {
            assertEquals(latencies[i], row.get("user_latency_seconds").get(i).doubleValue(), 0);
        }
        JsonNode rejected = Json.MAPPER.readTree(lines[1]);
        assertTrue(rejected.get("user_latency_seconds").isNull() && rejected.get("objective").isNull());

        String csv = PlanFiles.table(p, "index", scores, Table.CSV);
        String line = csv.split("\n")[1];
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < latencies.length; i++) {
            array.append(i > 0 ? "," : "").append(latencies[i]);
        }
        array.append(']');
        assertTrue(line.contains(latencies.length > 1 ? "\"" + array + "\"" : array.toString()), line);

        Path out = dir.resolve("scores.csv");
        PlanFiles.write(p, "index", scores, Table.CSV, out);
        assertEquals(csv, Files.readString(out));
    }
}
