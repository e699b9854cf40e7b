package org.cleave.instances.profiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.Device;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;

/**
 * Named network, device and edge profiles, each with its {@code source}.
 *
 * <p>Uplinks {@code cat1}, {@code 3g}, {@code 4g}, {@code wifi} are DADS' Table I (Hu et al.,
 * INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614): 0.13, 1.1, 5.85 and 18.88 Mbit/s. DADS gives
 * uplink rates only; the downlink is assumed equal to the uplink and the one-way latency 0, as
 * DADS models neither (the result tensor is a few kB). {@code 5g} is an assumption. Device and
 * edge compute rates are <em>effective</em> fp32 rates for DNN inference, not peak figures, and are
 * labelled assumptions where no single measurement backs them; power figures of the Raspberry Pis
 * are bare-board measurements. Units: bit/s, FLOP/s, W, s.
 */
public final class Profiles {
    private static final String DADS = "DADS Table I (Hu et al., INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614):"
            + " uplink %s Mbit/s; assumption: downlink = uplink, latency 0 (DADS models neither)";
    private static final Map<String, NetworkProfile> NETWORKS = new LinkedHashMap<>();
    private static final Map<String, DeviceProfile> DEVICES = new LinkedHashMap<>();
    private static final Map<String, EdgeProfile> EDGES = new LinkedHashMap<>();

    static {
        dads("cat1", 0.13);
        dads("3g", 1.1);
        dads("4g", 5.85);
        dads("wifi", 18.88);
        NETWORKS.put("5g", new NetworkProfile("5g", new Link(60e6, 400e6, 0.005),
                "assumption: commercial sub-6 GHz 5G, uplink 60 Mbit/s, downlink 400 Mbit/s, one-way latency 5 ms"
                        + " (order of the smartphone measurements of Narayanan et al., WWW 2020,"
                        + " doi:10.1145/3366423.3380169)"));
        DEVICES.put("rpi3b", new DeviceProfile("rpi3b", new Device(3e9, 3.7, 2.0, 1.4),
                "assumption: effective 3 GFLOP/s fp32 (4x Cortex-A53 1.2 GHz, peak 19.2); power: 3.7 W at 400 %"
                        + " CPU load, 1.4 W idle (pidramble.com Raspberry Pi power benchmarks, 730 / 260 mA at"
                        + " 5 V); transmit 2.0 W assumed (idle + Wi-Fi radio)"));
        DEVICES.put("rpi4", new DeviceProfile("rpi4", new Device(13.5e9, 6.4, 3.2, 2.7),
                "assumption: effective 13.5 GFLOP/s fp32 (4x Cortex-A72 1.5 GHz, peak 48); power: 6.4 W at 400 %"
                        + " CPU load, 2.7 W idle (pidramble.com Raspberry Pi power benchmarks, 1280 / 540 mA at"
                        + " 5 V); transmit 3.2 W assumed (idle + Wi-Fi radio)"));
        DEVICES.put("jetson-nano", new DeviceProfile("jetson-nano", new Device(100e9, 10.0, 2.5, 1.25),
                "assumption: effective 100 GFLOP/s fp32 on the 128-core Maxwell GPU (peak 236 fp32, 472 fp16);"
                        + " compute 10 W (the 10 W power mode), idle 1.25 W, transmit 2.5 W assumed"));
        DEVICES.put("phone", new DeviceProfile("phone", new Device(20e9, 2.5, 1.29, 0.5),
                "assumption: mid-range smartphone CPU, effective 20 GFLOP/s fp32, compute 2.5 W, idle 0.5 W;"
                        + " transmit 1.29 W = the base power of the LTE uplink model of Huang et al., MobiSys 2012"
                        + " (doi:10.1145/2307636.2307658)"));
        EDGES.put("cpu", new EdgeProfile("cpu", new EdgeServer(200e9),
                "assumption: multi-core x86 server CPU with AVX2, effective 200 GFLOP/s fp32"));
        EDGES.put("gpu", new EdgeProfile("gpu", new EdgeServer(4e12),
                "assumption: data-centre GPU, effective 4 TFLOP/s fp32 (e.g. about a third of an NVIDIA V100's"
                        + " 14 TFLOP/s fp32 peak)"));
    }

    private Profiles() {
    }

    private static void dads(String name, double mbps) {
        double bps = mbps * 1e6;
        NETWORKS.put(name, new NetworkProfile(name, new Link(bps, bps, 0), String.format(DADS, mbps)));
    }

    /** The link of network profile {@code name}. */
    public static Link network(String name) {
        return networkProfile(name).link();
    }

    /** The device of device profile {@code name}. */
    public static Device device(String name) {
        return deviceProfile(name).device();
    }

    /** The edge server of edge profile {@code name}. */
    public static EdgeServer edge(String name) {
        return edgeProfile(name).edge();
    }

    /** Network profile {@code name} with its source. */
    public static NetworkProfile networkProfile(String name) {
        return find(NETWORKS, name, "network");
    }

    /** Device profile {@code name} with its source. */
    public static DeviceProfile deviceProfile(String name) {
        return find(DEVICES, name, "device");
    }

    /** Edge profile {@code name} with its source. */
    public static EdgeProfile edgeProfile(String name) {
        return find(EDGES, name, "edge");
    }

    /** All network profiles, slowest first. */
    public static List<NetworkProfile> networks() {
        return List.copyOf(NETWORKS.values());
    }

    /** All device profiles. */
    public static List<DeviceProfile> devices() {
        return List.copyOf(DEVICES.values());
    }

    /** All edge profiles. */
    public static List<EdgeProfile> edges() {
        return List.copyOf(EDGES.values());
    }

    /** Profile {@code name} of {@code map}, or a one-line error naming {@code kind} and the known names. */
    static <T> T find(Map<String, T> map, String name, String kind) {
        T t = map.get(name);
        if (t == null) {
            throw new IllegalArgumentException(kind + ": unknown profile \"" + name + "\"; known: "
                    + String.join(", ", map.keySet()));
        }
        return t;
    }
}
