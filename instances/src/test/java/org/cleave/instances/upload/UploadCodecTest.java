package org.cleave.instances.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.junit.jupiter.api.Test;

class UploadCodecTest {
    @Test
    void roundTripsEveryModeAndWritesTheTimeline() {
        for (UploadMode mode : UploadMode.values()) {
            UploadProblem p = RandomUploadInstances.random(3, RandomGraphs.Shape.RESIDUAL, 7, mode,
                    RandomPartitionInstances.WeightMode.MIXED);
            String text = InstanceJson.write(Instance.of("p5-" + mode.key(), p));
            UploadProblem back = (UploadProblem) InstanceJson.read(text, "test").problem();
            assertEquals(mode, back.mode());
            Placement plan = Placement.allButInputOnEdge(p.graph().size());
            assertEquals(p.evaluate(plan).objective(), back.evaluate(plan).objective());
            JsonNode written = new UploadCodec().writePlan(back, plan);
            assertEquals(p.evaluate(plan).timeline().size(), written.get("timeline").size());
        }
    }

    @Test
    void namesAnUnknownModeWithItsPath() {
        UploadProblem p = RandomUploadInstances.random(4, RandomGraphs.Shape.CHAIN, 3, UploadMode.PARALLEL,
                RandomPartitionInstances.WeightMode.LATENCY);
        String text = InstanceJson.write(Instance.of("bad", p)).replace("\"parallel\"", "\"eager\"");
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(text, "t"));
        assertTrue(e.getMessage().contains("$.mode") && e.getMessage().contains("eager"), e.getMessage());
    }
}
