package org.cleave.instances.profiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.Link;
import org.cleave.core.tiers.CloudServer;

/**
 * The profiles of P1-3T's third tier: clouds and the edge–cloud WAN (link 2), beside the device,
 * edge and network profiles of {@link Profiles}. A WAN is a {@link NetworkProfile} whose "uplink" is
 * edge → cloud.
 */
public final class TierProfiles {
    private static final Map<String, CloudProfile> CLOUDS = new LinkedHashMap<>();
    private static final Map<String, NetworkProfile> WANS = new LinkedHashMap<>();

    static {
        CLOUDS.put("a100", new CloudProfile("a100", new CloudServer(10e12),
                "assumption: data-centre NVIDIA A100, effective 10 TFLOP/s fp32, about half of its 19.5 TFLOP/s"
                        + " fp32 peak (NVIDIA A100 Tensor Core GPU datasheet)"));
        CLOUDS.put("v100", new CloudProfile("v100", new CloudServer(7e12),
                "assumption: data-centre NVIDIA V100, effective 7 TFLOP/s fp32, half of its 14 TFLOP/s fp32 peak"));
        WANS.put("fiber", new NetworkProfile("fiber", new Link(1e9, 1e9, 0.020),
                "assumption: fibre backhaul from the edge site to a regional data centre, 1 Gbit/s both ways,"
                        + " one-way latency 20 ms"));
        WANS.put("metro", new NetworkProfile("metro", new Link(10e9, 10e9, 0.002),
                "assumption: metro Ethernet to a nearby data centre, 10 Gbit/s both ways, one-way latency 2 ms"));
        WANS.put("dsl", new NetworkProfile("dsl", new Link(20e6, 100e6, 0.030),
                "assumption: a small edge site behind VDSL2, uplink 20 Mbit/s, downlink 100 Mbit/s, one-way"
                        + " latency 30 ms"));
    }

    private TierProfiles() {
    }

    /** Cloud profile {@code name} with its source. */
    public static CloudProfile cloudProfile(String name) {
        return Profiles.find(CLOUDS, name, "cloud");
    }

    /** WAN (link 2) profile {@code name} with its source. */
    public static NetworkProfile wanProfile(String name) {
        return Profiles.find(WANS, name, "wan");
    }

    /** All cloud profiles. */
    public static List<CloudProfile> clouds() {
        return List.copyOf(CLOUDS.values());
    }

    /** All WAN profiles. */
    public static List<NetworkProfile> wans() {
        return List.copyOf(WANS.values());
    }
}
