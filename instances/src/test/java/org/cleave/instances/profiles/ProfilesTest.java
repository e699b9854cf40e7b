package org.cleave.instances.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    @Test
    void dadsUplinksAreTableOne() {
        assertEquals(0.13e6, Profiles.network("cat1").uplinkBitsPerSecond(), 1e-6);
        assertEquals(1.1e6, Profiles.network("3g").uplinkBitsPerSecond(), 1e-6);
        assertEquals(5.85e6, Profiles.network("4g").uplinkBitsPerSecond(), 1e-6);
        assertEquals(18.88e6, Profiles.network("wifi").uplinkBitsPerSecond(), 1e-6);
        assertTrue(Profiles.network("5g").uplinkBitsPerSecond() > Profiles.network("wifi").uplinkBitsPerSecond());
        assertTrue(Profiles.networkProfile("4g").source().contains("DADS"));
        assertTrue(Profiles.networkProfile("5g").source().startsWith("assumption"));
    }

    @Test
    void everyProfileHasASourceAndTheNamedOnesExist() {
        for (String d : List.of("rpi3b", "rpi4", "jetson-nano", "phone")) {
            assertTrue(Profiles.device(d).flopsPerSecond() > 0);
            assertTrue(Profiles.deviceProfile(d).device().computeWatts() > Profiles.device(d).idleWatts(), d);
        }
        assertTrue(Profiles.edge("gpu").flopsPerSecond() > Profiles.edge("cpu").flopsPerSecond());
        Profiles.networks().forEach(p -> assertTrue(!p.source().isBlank()));
        Profiles.devices().forEach(p -> assertTrue(!p.source().isBlank()));
        Profiles.edges().forEach(p -> assertTrue(!p.source().isBlank()));
        assertEquals(5, Profiles.networks().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profiles.network("6g"));
        assertTrue(e.getMessage().contains("\"6g\"") && e.getMessage().contains("wifi"), e.getMessage());
    }
}
