package org.cleave.instances.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.junit.jupiter.api.Test;

class MultiUserCodecTest {
    @Test
    void roundTripsAProblem() {
        MultiUserProblem p = RandomMultiUserInstances.random(5, 4, 6, 5, 4, RandomMultiUserInstances.Source.CHAIN,
                RandomMultiUserInstances.Constraints.SOME);
        String text = InstanceJson.write(Instance.of("mu", p));
        Instance back = InstanceJson.read(text, "mu.json");
        assertEquals(p, back.problem());
    }

    @Test
    void namesTheFieldOfABadOption() {
        MultiUserProblem p = RandomMultiUserInstances.random(5, 2, 2, 2, 2, RandomMultiUserInstances.Source.DRAWN,
                RandomMultiUserInstances.Constraints.NONE);
        String text = InstanceJson.write(Instance.of("mu", p)).replaceFirst("\"accuracy\" : [0-9.eE-]+",
                "\"accuracy\" : 1.5");
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(text, "x"));
        assertTrue(e.getMessage().contains("$.users[0].options[0].accuracy"), e.getMessage());
        String unknown = InstanceJson.write(Instance.of("mu", p)).replaceFirst("\"label\"", "\"lable\" : 1, \"label\"");
        e = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(unknown, "x"));
        assertTrue(e.getMessage().contains("lable"), e.getMessage());
    }

    @Test
    void writesAPlanWithPerUserBreakdown() {
        MultiUserProblem p = RandomMultiUserInstances.random(5, 2, 2, 2, 2, RandomMultiUserInstances.Source.DRAWN,
                RandomMultiUserInstances.Constraints.NONE);
        MultiUserPlan plan = new MultiUserPlan(List.of(new UserChoice(0, 1, 1), new UserChoice(1, 1, 1)));
        var json = new MultiUserCodec().writePlan(p, plan);
        assertEquals(2, json.get("users").size());
        assertEquals(p.evaluate(plan).objective(), json.get("cost").get("objective").asDouble(), 0);
    }

    @Test
    void generatesFromBuiltInChainsAndNetworks() {
        MultiUserProblem p = RandomZooMultiUserInstances.builtIn().generate(5, 8, 7, List.of("chain-12", "chain-6"), "4g",
                RandomZooMultiUserInstances.DEFAULT_EDGE_FLOPS_PER_SECOND);
        assertEquals(5, p.size());
        assertEquals(13 * 4, p.user(0).options().size()); // 13 cuts x 2^2 early-exit subsets
        assertEquals(5.85e6, p.user(0).link().downlinkBitsPerSecond(), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RandomZooMultiUserInstances.builtIn()
                .generate(2, 2, 1, List.of("resnet18"), "4g", 1e12));
        assertTrue(e.getMessage().contains("resnet18"), e.getMessage());
        assertTrue(e.getMessage().startsWith("models: unknown model"), e.getMessage());
        String users = assertThrows(IllegalArgumentException.class, () -> RandomZooMultiUserInstances.builtIn()
                .generate(0, 2, 1, List.of("chain-4"), "4g", 1e12)).getMessage();
        assertEquals("users: must be >= 1, got 0", users);
    }
}
