package org.cleave.instances.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.algorithms.stopping.BackwardInductionStoppingSolver;
import org.cleave.core.model.CostWeights;
import org.cleave.core.stopping.Channel;
import org.cleave.core.stopping.Fading;
import org.cleave.core.stopping.RandomStoppingInstances;
import org.cleave.core.stopping.StoppingInstances;
import org.cleave.core.stopping.StoppingProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.junit.jupiter.api.Test;

class StoppingCodecTest {
    @Test
    void roundTripsRandomAndNakagamiInstances() {
        for (long seed = 0; seed < 8; seed++) {
            StoppingProblem p = RandomStoppingInstances.random(seed, 1 + (int) seed);
            Instance back = InstanceJson.read(InstanceJson.write(Instance.of("r" + seed, p)), "test");
            assertEquals(p, back.problem());
        }
        StoppingProblem lenet = StoppingInstances.lenet5(new Channel(1e6, 0.1, 1e-17, new Fading.Nakagami(2, 1e-9)),
                new CostWeights(1, 0.5), 2e-3, 0.05, 1e-8, 1000);
        assertEquals(lenet, InstanceJson.read(InstanceJson.write(Instance.of("lenet", lenet)), "test").problem());
    }

    @Test
    void writesPlansWithThresholdsAndCost() {
        StoppingProblem p = RandomStoppingInstances.random(3, 4);
        var plan = new BackwardInductionStoppingSolver().solve(p).planOrThrow();
        var json = InstanceJson.codec(p.family()).writePlan(p, plan);
        assertEquals(plan.deviceLayers(), json.get("deviceLayers").asInt());
        assertEquals(plan.rules().size(), json.get("stages").size());
        assertEquals(p.evaluate(plan).objective(), json.get("cost").get("objective").asDouble());
    }

    private static final String GOOD = """
            {"schemaVersion": 1, "family": "stopping", "name": "tiny",
             "inputBytes": 4096,
             "layers": [{"id": "a", "deviceSeconds": 0.002, "deviceJoules": 0.001, "outputBytes": 1000,
                         "edgeSeconds": 0.0001, "paramBytes": 5000}],
             "channel": {"bandwidthHertz": 1e6, "transmitWatts": 0.1, "noiseWattsPerHertz": 1e-17,
                         "fading": {"type": "rayleigh", "meanGain": 1e-9}},
             "slotSeconds": 0.001}
            """;

    @Test
    void readsDefaults() {
        StoppingProblem p = (StoppingProblem) InstanceJson.read(GOOD, "good").problem();
        assertEquals(1, p.layerCount());
        assertEquals(0, p.idleWatts());
        assertEquals(1, p.inferencesPerUpdate());
    }

    @Test
    void badInputNamesThePathAndValue() {
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read(GOOD.replace("\"outputBytes\": 1000", "\"outputBytes\": -5"), "bad"));
        assertTrue(e.getMessage().contains("$.layers[0].outputBytes") && e.getMessage().contains("-5"),
                e.getMessage());
        e = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read(GOOD.replace("rayleigh", "rician"), "bad"));
        assertTrue(e.getMessage().contains("$.channel.fading.type") && e.getMessage().contains("rician"),
                e.getMessage());
        e = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read(GOOD.replace("\"slotSeconds\": 0.001", "\"slotSeconds\": 0"), "bad"));
        assertTrue(e.getMessage().contains("$.slotSeconds"), e.getMessage());
        e = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read(GOOD.replace("\"meanGain\": 1e-9", "\"meanGain\": 1e-9, \"k\": 2"), "bad"));
        assertTrue(e.getMessage().contains("$.channel.fading.k"), e.getMessage());
    }
}
