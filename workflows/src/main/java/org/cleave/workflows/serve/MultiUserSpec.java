package org.cleave.workflows.serve;

import java.util.List;
import org.cleave.core.model.Checks;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.multiuser.RandomZooMultiUserInstances;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.Zoo;

/**
 * A seeded P4 instance as {@code cleave generate multiuser} makes it
 * ({@link RandomZooMultiUserInstances}; models {@code chain-N} or zoo models' block chains,
 * networks from the profiles).
 *
 * @param users              number of users, {@code >= 1}
 * @param units              K_F = K_B, {@code >= 1}
 * @param models             model names, user i gets {@code models[i mod |models|]}
 * @param network            network profile name
 * @param seed               the seed
 * @param edgeFlopsPerSecond the edge server's rate, FLOP/s
 */
public record MultiUserSpec(int users, int units, List<String> models, String network, long seed,
                            double edgeFlopsPerSecond) {
    public MultiUserSpec {
        models = List.copyOf(Checks.present("models", models));
        Checks.identifier("network", network);
    }

    /** {@code users} and {@code units} with {@code generate multiuser}'s defaults. */
    public static MultiUserSpec of(int users, int units) {
        return new MultiUserSpec(users, units, List.of("chain-12", "chain-8"), "4g", 1,
                RandomZooMultiUserInstances.DEFAULT_EDGE_FLOPS_PER_SECOND);
    }

    /** The instance, named {@code multiuser-N-K-seedS}. */
    public Instance instance() {
        MultiUserProblem p = new RandomZooMultiUserInstances(
                name -> name.startsWith("chain-") ? RandomZooMultiUserInstances.builtInModel(name)
                        : Zoo.get(name).blockGraph(),
                Profiles::network).generate(users, units, seed, models, network, edgeFlopsPerSecond);
        return Instance.of("multiuser-" + users + "-" + units + "-seed" + seed, p);
    }
}
