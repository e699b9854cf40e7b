package org.cleave.instances.multiuser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cleave.core.model.Checks;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Link;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.PlanOption;
import org.cleave.core.multiuser.PlanOptions;
import org.cleave.core.multiuser.User;

/**
 * A P4 instance in its compact form: each model is declared once with its option rule, and users
 * name their model instead of listing their plan options. {@link #toProblem()} states every user's
 * options with {@link PlanOptions} on the user's own device (device time and energy differ between
 * devices, so options are per user even when the model is shared); the result equals the
 * instance whose users list those options explicitly. Generating the options costs
 * O(Σ_users |options| · |layers|) time.
 *
 * @param edge           the shared edge server
 * @param computeUnits   K_F
 * @param bandwidthUnits K_B
 * @param weights        the objective weights
 * @param models         model name → declaration, in declaration order
 * @param users          the users, each naming a key of {@code models}
 */
public record CompactMultiUser(EdgeServer edge, int computeUnits, int bandwidthUnits, CostWeights weights,
                               Map<String, DeclaredModel> models, List<ModelUser> users) {
    public CompactMultiUser {
        Checks.present("edge", edge);
        Checks.present("weights", weights);
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.present("models", models)));
        users = List.copyOf(Checks.present("users", users));
        for (ModelUser u : users) {
            if (!models.containsKey(u.model())) {
                throw new InvalidModelException("users", "user \"" + u.id() + "\" names model \"" + u.model()
                        + "\", which is not declared; declared: " + models.keySet());
            }
        }
    }

    /**
     * A model declared once: its graph and its option rule.
     *
     * @param graph      the DNN
     * @param placements empty for the rule "every cut after a cut vertex × every subset of the early
     *                   exits" ({@link PlanOptions#of(DnnGraph, Device, EdgeServer)}); otherwise the
     *                   stated placements, one option each, in this order
     */
    public record DeclaredModel(DnnGraph graph, Optional<List<Placement>> placements) {
        public DeclaredModel {
            Checks.present("graph", graph);
            placements = Checks.present("placements", placements).map(List::copyOf);
            if (placements.isPresent() && placements.get().isEmpty()) {
                throw new InvalidModelException("options", "an explicit list needs at least one placement, got 0");
            }
        }

        /** A model with the rule "every cut after a cut vertex × every early-exit subset". */
        public static DeclaredModel allCuts(DnnGraph graph) {
            return new DeclaredModel(graph, Optional.empty());
        }

        /** The options of this model on {@code device}; errors of placement k name {@code options[k]}. */
        public List<PlanOption> options(Device device, EdgeServer edge) {
            if (placements.isEmpty()) {
                return PlanOptions.of(graph, device, edge);
            }
            List<PlanOption> options = new ArrayList<>();
            List<Placement> list = placements.get();
            for (int k = 0; k < list.size(); k++) {
                Placement pl = list.get(k);
                try {
                    options.add(PlanOptions.of(graph, device, edge, pl.cutAfter(), pl.exits()));
                } catch (InvalidModelException e) {
                    throw new InvalidModelException("options[" + k + "]." + e.field(), e.detail());
                }
            }
            return options;
        }
    }

    /**
     * One stated option: cut after layer {@code cutAfter} (a cut vertex; the output layer is
     * device only, the input vertex edge only) with the early exits {@code exits} active.
     */
    public record Placement(String cutAfter, List<String> exits) {
        public Placement {
            Checks.present("cutAfter", cutAfter);
            exits = List.copyOf(Checks.present("exits", exits));
        }
    }

    /**
     * A user of a declared model.
     *
     * @param model the key of the user's model in {@link CompactMultiUser#models()}
     */
    public record ModelUser(String id, Device device, Link link, OptionalDouble deadlineSeconds,
                            OptionalDouble accuracyFloor, String model) {
        public ModelUser {
            Checks.identifier("id", id);
            Checks.present("device", device);
            Checks.present("link", link);
            Checks.present("deadlineSeconds", deadlineSeconds);
            Checks.present("accuracyFloor", accuracyFloor);
            Checks.present("model", model);
        }

        /** A user without deadline or accuracy floor. */
        public ModelUser(String id, Device device, Link link, String model) {
            this(id, device, link, OptionalDouble.empty(), OptionalDouble.empty(), model);
        }

        /** This user with the options of {@code declared} on their device. */
        public User toUser(DeclaredModel declared, EdgeServer edge) {
            return new User(id, device, link, deadlineSeconds, accuracyFloor, declared.options(device, edge));
        }
    }

    /** The problem with every user's options stated. */
    public MultiUserProblem toProblem() {
        List<User> list = new ArrayList<>(users.size());
        for (ModelUser u : users) {
            list.add(u.toUser(models.get(u.model()), edge));
        }
        return new MultiUserProblem(edge, computeUnits, bandwidthUnits, weights, list);
    }
}
