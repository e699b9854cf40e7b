package org.cleave.core.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of solvers found on the class path through {@link ServiceLoader}. A module that
 * is left off the class path (e.g. OR-Tools with its native libraries) simply contributes none.
 */
public final class Solvers {
    private static final List<Solver<?, ?>> ALL = load();

    private Solvers() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Solver<?, ?>> load() {
        List<Solver<?, ?>> found = new ArrayList<>();
        for (Solver s : ServiceLoader.load(Solver.class)) {
            found.add(s);
        }
        found.sort(Comparator.comparing((Solver<?, ?> s) -> s.family().ordinal())
                .thenComparing(s -> s.kind().ordinal()).thenComparing(Solver::id));
        return List.copyOf(found);
    }

    /** Every solver, ordered by family, kind and id. */
    public static List<Solver<?, ?>> all() {
        return ALL;
    }

    /** The solvers of one family. */
    public static List<Solver<?, ?>> of(Family family) {
        return ALL.stream().filter(s -> s.family() == family).toList();
    }

    /**
     * The id of the family's default exact solver: the one Cleave trusts for an optimum when the
     * user names none (the optimum of {@code cleave evaluate}, for instance). P1 and P2
     * {@code mincut} (the min-cut searches every exact backend is checked against; also P1-3T's
     * doubled-network cut, and P2-3T's exit sets × doubled-network cuts), P3
     * {@code enumerate} (and P3-3T), P4 {@code dp}, P5 {@code branch-and-bound} (single-user problems; O(|V|)
     * memory, no frontier cap), P6 {@code backward-induction}, P7 {@code best-fixed}. These are all
     * pure-Java solvers of the {@code algorithms} module, so the id is found whenever that module is
     * on the class path. The multi-user P5 problem has its own exact solver, {@code multiuser-dp}.
     */
    public static String defaultExact(Family family) {
        return switch (family) {
            case PARTITION, EXITS, TIERS, EXITS_TIERS -> "mincut";
            case THROUGHPUT, THROUGHPUT_TIERS -> "enumerate";
            case MULTIUSER -> "dp";
            case UPLOAD -> "branch-and-bound";
            case STOPPING -> "backward-induction";
            case ONLINE -> "best-fixed";
        };
    }

    /**
     * The id of the default exact solver for {@code problem}: {@link #defaultExact(Family)}, except
     * for a multi-user P5 problem ({@link org.cleave.core.upload.MultiUserUploadProblem}), which
     * the family's {@code branch-and-bound} does not take: {@code multiuser-dp}.
     */
    public static String defaultExact(Problem<?> problem) {
        if (problem instanceof org.cleave.core.upload.MultiUserUploadProblem) {
            return "multiuser-dp";
        }
        return defaultExact(problem.family());
    }

    /** The solver of {@code family} with id {@code id}. */
    public static Optional<Solver<?, ?>> find(Family family, String id) {
        return ALL.stream().filter(s -> s.family() == family && s.id().equals(id)).findFirst();
    }

    /**
     * The solver of {@code family} whose id is {@code id}, typed for the problem class.
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    @SuppressWarnings("unchecked")
    public static <P extends Problem<S>, S> Solver<P, S> require(Family family, String id) {
        return (Solver<P, S>) find(family, id).orElseThrow(() -> new IllegalArgumentException(
                "solver: no solver \"" + id + "\" for family " + family.key() + "; known: "
                        + String.join(", ", of(family).stream().map(Solver::id).toList())));
    }
}
