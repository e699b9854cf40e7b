package org.cleave.workflows.groundtruth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cleave.core.solve.Family;
import org.cleave.workflows.groundtruth.exits.ExitsScenario;
import org.cleave.workflows.groundtruth.multiuser.MultiUserScenario;
import org.cleave.workflows.groundtruth.partition.PartitionScenario;
import org.cleave.workflows.groundtruth.throughput.ThroughputScenario;
import org.cleave.workflows.groundtruth.upload.UploadScenario;

/** The scenarios of the families the workflows support. */
public final class Scenarios {
    private static final Map<Family, Scenario> ALL = new LinkedHashMap<>();

    static {
        register(new PartitionScenario());
        register(new ExitsScenario());
        register(new ThroughputScenario());
        register(new MultiUserScenario());
        register(new UploadScenario());
    }

    private Scenarios() {
    }

    private static void register(Scenario s) {
        ALL.put(s.family(), s);
    }

    /** The scenario of {@code family}. */
    public static Scenario of(Family family) {
        Scenario s = ALL.get(family);
        if (s == null) {
            throw new IllegalArgumentException("family " + family.key() + " has no scenario yet; supported: "
                    + String.join(", ", ALL.keySet().stream().map(Family::key).toList()));
        }
        return s;
    }
}
