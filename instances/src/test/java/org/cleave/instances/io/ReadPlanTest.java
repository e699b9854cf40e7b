package org.cleave.instances.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.stopping.RandomStoppingInstances;
import org.cleave.core.stopping.StoppingProblem;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.junit.jupiter.api.Test;

/** {@link FamilyCodec#readPlan} is the exact inverse of {@link FamilyCodec#writePlan} for every family with a codec. */
class ReadPlanTest {
    private static final RandomGraphs.Shape[] SHAPES = RandomGraphs.Shape.values();

    /** A random monotone placement: a layer goes to the device only when all its producers are there. */
    static Placement randomMonotone(DnnGraph g, SplittableRandom rng) {
        boolean[] edge = new boolean[g.size()];
        double pEdge = rng.nextDouble();
        for (int v = 1; v < g.size(); v++) {
            boolean forced = false;
            for (int u : g.predecessors(v)) {
                forced |= edge[u];
            }
            edge[v] = forced || rng.nextDouble() < pEdge;
        }
        return Placement.of(edge);
    }

    static List<String> randomExits(DnnGraph g, SplittableRandom rng) {
        List<String> ids = new ArrayList<>();
        for (Exit e : g.exits()) {
            if (rng.nextBoolean()) {
                ids.add(rng.nextBoolean() ? ids.size() : 0, e.id());
            }
        }
        return ids;
    }

    /** The codecs that take a computed breakdown refuse one of another family, naming it. */
    @Test
    void writePlanRefusesABreakdownOfAnotherFamily() {
        PartitionProblem p1 = RandomPartitionInstances.partition(18_001L, RandomGraphs.Shape.CHAIN, 6,
                RandomPartitionInstances.WeightMode.LATENCY);
        Placement allDevice = Placement.of(new boolean[p1.graph().size()]);
        Evaluation foreign = () -> 1.0;
        for (Family f : List.of(Family.PARTITION, Family.EXITS, Family.MULTIUSER)) {
            FamilyCodec codec = InstanceJson.codec(f);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> codec.writeCost(p1, allDevice, foreign), f.key());
            assertTrue(e.getMessage().startsWith("evaluation: "), e.getMessage());
        }
        assertEquals(InstanceJson.codec(Family.PARTITION).writePlan(p1, allDevice).get("cost"),
                InstanceJson.codec(Family.PARTITION).writeCost(p1, allDevice, p1.evaluate(allDevice)));
    }

    /** writePlan → text → parse → readPlan gives an equal plan with the same objective. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void roundTrip(Problem problem, Object plan, long seed) throws JsonProcessingException {
        FamilyCodec codec = InstanceJson.codec(problem.family());
        JsonNode written = codec.writePlan(problem, plan);
        String text = Json.MAPPER.writeValueAsString(written);
        Evaluation evaluation = problem.evaluate(plan);
        assertEquals(written, codec.writePlan(problem, plan, evaluation),
                problem.family().code() + " seed " + seed + ": writePlan with the breakdown given writes the same");
        assertEquals(written.get("cost"), codec.writeCost(problem, plan, evaluation),
                problem.family().code() + " seed " + seed + ": writeCost is writePlan's cost");
        Object back = codec.readPlan(problem, Json.parse(text, "plan"), "plan");
        assertEquals(plan, back, problem.family().code() + " seed " + seed + ": " + text);
        double a = problem.evaluate(plan).objective();
        double b = problem.evaluate(back).objective();
        assertEquals(Double.doubleToLongBits(a), Double.doubleToLongBits(b), "seed " + seed);
    }

    /** Plans of every registered (pure-Java, on this class path) solver of the family, plus {@code extra}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> solverPlans(Problem problem) {
        List<Object> plans = new ArrayList<>();
        for (Solver s : Solvers.of(problem.family())) {
            if (s.problemType().isInstance(problem)) {
                Result r = s.solve(problem);
                r.plan().ifPresent(plans::add);
            }
        }
        return plans;
    }

    @Test
    void partitionPlansRoundTrip() throws Exception {
        for (long seed = 0; seed < 80; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            PartitionProblem p = RandomPartitionInstances.partition(seed, SHAPES[(int) (seed % SHAPES.length)],
                    1 + rng.nextInt(14), RandomPartitionInstances.WeightMode.MIXED);
            roundTrip(p, randomMonotone(p.graph(), rng), seed);
            for (Object plan : solverPlans(p)) {
                roundTrip(p, plan, seed);
            }
        }
    }

    @Test
    void exitsAndThroughputPlansRoundTrip() throws Exception {
        for (long seed = 0; seed < 80; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            RandomGraphs.Shape shape = SHAPES[(int) (seed % SHAPES.length)];
            ExitsProblem p2 = RandomExitsInstances.exits(seed, shape, 2 + rng.nextInt(10), 3);
            List<String> active = randomExits(p2.graph(), rng);
            if (p2.variant() instanceof ExitsProblem.RightSizing && active.size() > 1) {
                active = active.subList(0, 1); // a right-sized model has one exit
            }
            roundTrip(p2, new ExitPlan(active, randomMonotone(p2.graph(), rng)), seed);
            for (Object plan : solverPlans(p2)) {
                roundTrip(p2, plan, seed);
            }
            ThroughputProblem p3 = RandomThroughputInstances.throughput(seed, shape, 2 + rng.nextInt(10), 3);
            roundTrip(p3, new ExitPlan(randomExits(p3.graph(), rng), randomMonotone(p3.graph(), rng)), seed);
            for (Object plan : solverPlans(p3)) {
                roundTrip(p3, plan, seed);
            }
        }
    }

    @Test
    void multiUserPlansRoundTrip() throws Exception {
        for (long seed = 0; seed < 80; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            MultiUserProblem p = RandomMultiUserInstances.random(seed, 1 + rng.nextInt(4), 1 + rng.nextInt(8),
                    1 + rng.nextInt(8), 1 + rng.nextInt(4), RandomMultiUserInstances.Source.DRAWN,
                    RandomMultiUserInstances.Constraints.SOME);
            List<UserChoice> choices = new ArrayList<>();
            for (int i = 0; i < p.users().size(); i++) {
                choices.add(new UserChoice(rng.nextInt(p.user(i).options().size()), rng.nextInt(3), rng.nextInt(3)));
            }
            roundTrip(p, new MultiUserPlan(choices), seed);
            for (Object plan : solverPlans(p)) {
                roundTrip(p, plan, seed);
            }
        }
    }

    @Test
    void uploadPlansRoundTrip() throws Exception {
        for (long seed = 0; seed < 60; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            UploadProblem p = RandomUploadInstances.random(seed, SHAPES[(int) (seed % SHAPES.length)],
                    1 + rng.nextInt(9), UploadMode.values()[(int) (seed % UploadMode.values().length)],
                    RandomPartitionInstances.WeightMode.MIXED);
            roundTrip(p, randomMonotone(p.graph(), rng), seed);
            for (Object plan : solverPlans(p)) {
                roundTrip(p, plan, seed);
            }
        }
    }

    @Test
    void stoppingPlansRoundTrip() throws Exception {
        for (long seed = 0; seed < 30; seed++) {
            StoppingProblem p = RandomStoppingInstances.random(seed, 2 + (int) (seed % 5));
            List<Object> plans = solverPlans(p);
            assertFalse(plans.isEmpty(), "seed " + seed);
            for (Object plan : plans) {
                roundTrip(p, plan, seed);
            }
        }
    }

    @Test
    void aPlacementReadsFromEitherListOrAMaskAndTheyMustAgree() {
        PartitionProblem p = RandomPartitionInstances.partition(3, RandomGraphs.Shape.CHAIN, 4,
                RandomPartitionInstances.WeightMode.LATENCY);
        FamilyCodec codec = InstanceJson.codec(Family.PARTITION);
        List<String> ids = p.graph().layers().stream().map(l -> l.id()).toList();
        BitSet edge = new BitSet();
        edge.set(3, 5);
        Placement expected = Placement.ofEdgeIndices(5, edge);
        assertEquals(expected, codec.readPlan(p, Json.parse("{\"edgeMask\": \"00011\"}", "t"), "plan"));
        assertEquals(expected, codec.readPlan(p, Json.parse("{\"edgeMask\": [0,0,0,1,1]}", "t"), "plan"));
        assertEquals(expected, codec.readPlan(p, Json.parse("{\"deviceLayers\": [\"" + ids.get(0) + "\",\""
                + ids.get(1) + "\",\"" + ids.get(2) + "\"]}", "t"), "plan"));
        String msg = assertThrows(InvalidInstanceException.class, () -> codec.readPlan(p,
                Json.parse("{\"edgeMask\": \"0011\"}", "t"), "plan")).getMessage();
        assertTrue(msg.startsWith("plan.edgeMask: length 4, expected 5"), msg);
        msg = assertThrows(InvalidInstanceException.class, () -> codec.readPlan(p,
                Json.parse("{\"edgeLayers\": [\"" + ids.get(4) + "\", \"conv9\"]}", "t"), "plan")).getMessage();
        assertTrue(msg.startsWith("plan.edgeLayers[1]: unknown layer id \"conv9\""), msg);
        msg = assertThrows(InvalidInstanceException.class, () -> codec.readPlan(p,
                Json.parse("{\"edgeLayers\": [\"" + ids.get(4) + "\"], \"deviceLayers\": [\"" + ids.get(0) + "\"]}",
                        "t"), "plan")).getMessage();
        assertTrue(msg.startsWith("plan: deviceLayers and edgeLayers name 2 of the 5 layers; missing \""
                + ids.get(1) + "\""), msg);
        msg = assertThrows(InvalidInstanceException.class, () -> codec.readPlan(p,
                Json.parse("{\"edgeLayers\": [], \"edgeMask\": \"00001\"}", "t"), "plan")).getMessage();
        assertTrue(msg.startsWith("plan.edgeMask: disagrees with the layer lists at layer \"" + ids.get(4)), msg);
        msg = assertThrows(InvalidInstanceException.class, () -> codec.readPlan(p,
                Json.parse("{\"edgeLayer\": []}", "t"), "plan")).getMessage();
        assertTrue(msg.startsWith("plan.edgeLayer: unknown field of a plan"), msg);
        msg = assertThrows(InvalidInstanceException.class, () -> codec.readPlan(p, Json.parse("{}", "t"), "plan"))
                .getMessage();
        assertTrue(msg.startsWith("plan: a placement is required"), msg);
    }

    @Test
    void badExitAndUserPlansNameTheirPath() {
        ExitsProblem p2 = RandomExitsInstances.exits(7, RandomGraphs.Shape.CHAIN, 5, 2);
        FamilyCodec exits = InstanceJson.codec(Family.EXITS);
        String msg = assertThrows(InvalidInstanceException.class, () -> exits.readPlan(p2,
                Json.parse("{\"activeExits\": [\"nope\"], \"edgeMask\": [0,0,0,0,0,0]}", "t"), "plan")).getMessage();
        assertTrue(msg.startsWith("plan.activeExits[0]: unknown exit id \"nope\""), msg);

        MultiUserProblem p4 = RandomMultiUserInstances.random(5, 2, 2, 2, 2, RandomMultiUserInstances.Source.DRAWN,
                RandomMultiUserInstances.Constraints.NONE);
        FamilyCodec mu = InstanceJson.codec(Family.MULTIUSER);
        ObjectNode plan = (ObjectNode) mu.writePlan(p4, new MultiUserPlan(List.of(new UserChoice(0, 1, 1),
                new UserChoice(1, 1, 1))));
        ((ArrayNode) plan.get("users")).remove(1);
        msg = assertThrows(InvalidInstanceException.class, () -> mu.readPlan(p4, plan, "plan")).getMessage();
        assertEquals("plan.users: 1 entries, the instance has 2 users", msg);
        JsonNode bad = Json.parse("{\"users\": [{\"option\": 9, \"computeUnits\": 0, \"bandwidthUnits\": 0},"
                + " {\"option\": 0, \"computeUnits\": 0, \"bandwidthUnits\": 0}]}", "t");
        msg = assertThrows(InvalidInstanceException.class, () -> mu.readPlan(p4, bad, "plan")).getMessage();
        assertTrue(msg.startsWith("plan.users[0].option: 9 is out of range"), msg);
    }
}
