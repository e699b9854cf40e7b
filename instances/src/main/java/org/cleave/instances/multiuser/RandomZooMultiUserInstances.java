package org.cleave.instances.multiuser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.PlanOptions;
import org.cleave.core.model.CostWeights;

/**
 * Seeded random P4 instances from named models (zoo models or built-in chains) and a named
 * network, for {@code cleave generate multiuser}; the same arguments give the same instance.
 * Models and networks are looked up through functions, so the model zoo can be plugged in
 * ({@code name -> Zoo.get(name).blockGraph()}, {@code name -> Profiles.network(name)}); the
 * built-in lookups are {@link #builtInModel(String)} and {@link #builtInNetwork(String)}.
 *
 * <p>User i gets model {@code models[i mod |models|]} and a device drawn from the seed (5e9–5e10
 * FLOP/s log-uniform, compute 1–5 W, transmit 0.5–3 W, idle 0.1–1 W); its channel is the network's
 * link with the uplink scaled by a channel-quality factor uniform in [0.5, 1.5] (the network's rate
 * is read as the rate of the whole shared uplink). The edge server has {@code edgeFlopsPerSecond}.
 * Options are every block boundary × every exit subset ({@link PlanOptions}). No deadlines or
 * accuracy floors are set; weights are latency-only.
 */
public final class RandomZooMultiUserInstances {
    /**
     * Uplink rates of DADS Table I (Hu et al., INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614),
     * Mbit/s: CAT1 0.13, 3G 1.1, 4G 5.85, WiFi 18.88. DADS gives no downlink or latency; the
     * built-in table assumes downlink = uplink and 0 latency.
     */
    public static final Map<String, Double> UPLINK_MBPS = Map.of("cat1", 0.13, "3g", 1.1, "4g", 5.85, "wifi", 18.88);

    /** Default edge server rate, FLOP/s. */
    public static final double DEFAULT_EDGE_FLOPS_PER_SECOND = 1e12;

    private final Function<String, DnnGraph> models;
    private final Function<String, Link> networks;

    /** A generator with the given lookups (each throws IllegalArgumentException for an unknown name). */
    public RandomZooMultiUserInstances(Function<String, DnnGraph> models, Function<String, Link> networks) {
        this.models = models;
        this.networks = networks;
    }

    /** A generator with the built-in lookups. */
    public static RandomZooMultiUserInstances builtIn() {
        return new RandomZooMultiUserInstances(RandomZooMultiUserInstances::builtInModel,
                RandomZooMultiUserInstances::builtInNetwork);
    }

    /**
     * Built-in models: {@code chain-N} (1 ≤ N ≤ 200), a random chain of N layers from
     * {@link RandomGraphs} (seeded by N) with two early exits after layers ⌈N/3⌉ and ⌈2N/3⌉
     * (rates 0.3 and 0.6, accuracies 0.70 and 0.80, 1e7-FLOP branches) and a final exit
     * (accuracy 0.9) when N ≥ 3.
     */
    public static DnnGraph builtInModel(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("chain-")) {
            int layers;
            try {
                layers = Integer.parseInt(n.substring(6));
            } catch (NumberFormatException e) {
                layers = -1;
            }
            if (layers >= 1 && layers <= 200) {
                DnnGraph g = RandomGraphs.chain(layers, new SplittableRandom(layers));
                if (layers < 3) {
                    return g;
                }
                int a = (layers + 2) / 3;
                int b = Math.max(a + 1, (2 * layers + 2) / 3);
                List<Exit> exits = new ArrayList<>();
                exits.add(new Exit("exit1", g.layer(a).id(), 1e7, 0.3, 0.70));
                if (b < layers) {
                    exits.add(new Exit("exit2", g.layer(b).id(), 1e7, 0.6, 0.80));
                }
                exits.add(new Exit("final", g.output().id(), 1e7, 1, 0.90));
                return g.withExits(exits);
            }
        }
        throw new IllegalArgumentException("models: unknown model \"" + name + "\"; built in: chain-N with"
                + " 1 <= N <= 200 (the model zoo adds resnet18, mobilenetv2, ... when it is on the class path)");
    }

    /** Built-in networks: the keys of {@link #UPLINK_MBPS} (case-insensitive). */
    public static Link builtInNetwork(String name) {
        Double mbps = UPLINK_MBPS.get(name.toLowerCase(Locale.ROOT));
        if (mbps == null) {
            throw new IllegalArgumentException("network: unknown network \"" + name + "\"; known: cat1, 3g, 4g, wifi");
        }
        return new Link(mbps * 1e6, mbps * 1e6, 0);
    }

    /** A P4 instance with {@code users} users and K_F = K_B = {@code units}. */
    public MultiUserProblem generate(int users, int units, long seed, List<String> modelNames, String network,
                                     double edgeFlopsPerSecond) {
        return generateCompact(users, units, seed, modelNames, network, edgeFlopsPerSecond).toProblem();
    }

    /**
     * The same instance as {@link #generate} in its compact form: each named model declared once
     * (key = its name) with the rule "every block boundary × every exit subset", users naming it.
     */
    public CompactMultiUser generateCompact(int users, int units, long seed, List<String> modelNames, String network,
                                            double edgeFlopsPerSecond) {
        if (users < 1) {
            throw new IllegalArgumentException("users: must be >= 1, got " + users);
        }
        if (units < 1) {
            throw new IllegalArgumentException("units: must be >= 1, got " + units);
        }
        if (modelNames.isEmpty()) {
            throw new IllegalArgumentException("models: at least one model is needed");
        }
        Map<String, CompactMultiUser.DeclaredModel> declared = new LinkedHashMap<>();
        for (String name : modelNames) {
            if (!declared.containsKey(name)) {
                declared.put(name, CompactMultiUser.DeclaredModel.allCuts(models.apply(name)));
            }
        }
        Link base = networks.apply(network);
        EdgeServer edge = new EdgeServer(edgeFlopsPerSecond);
        SplittableRandom rng = new SplittableRandom(seed);
        List<CompactMultiUser.ModelUser> list = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Device device = new Device(logUniform(rng, 5e9, 5e10), uniform(rng, 1, 5), uniform(rng, 0.5, 3),
                    uniform(rng, 0.1, 1));
            Link link = base.withUplinkBitsPerSecond(base.uplinkBitsPerSecond() * uniform(rng, 0.5, 1.5));
            String model = modelNames.get(i % modelNames.size());
            list.add(new CompactMultiUser.ModelUser("u" + i + "-" + model, device, link, model));
        }
        return new CompactMultiUser(edge, units, units, CostWeights.LATENCY, declared, list);
    }

    private static double logUniform(SplittableRandom rng, double lo, double hi) {
        return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + rng.nextDouble() * (hi - lo);
    }
}
