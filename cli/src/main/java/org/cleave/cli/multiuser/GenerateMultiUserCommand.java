package org.cleave.cli.multiuser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cleave.workflows.options.OptionErrors;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.cleave.core.solve.Family;
import org.cleave.instances.multiuser.CompactMultiUser;
import org.cleave.instances.multiuser.MultiUserCodec;
import org.cleave.instances.multiuser.RandomZooMultiUserInstances;
import org.cleave.workflows.io.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cleave generate multiuser --users N --units K --seed S --models M1,M2 --network NET}:
 * a P4 instance from {@link RandomZooMultiUserInstances} (built-in models {@code chain-N}, networks
 * cat1/3g/4g/wifi of DADS Table I), printed or written to {@code --output}; in the compact form
 * (each model declared once) unless {@code --explicit-options}.
 */
@Command(name = "multiuser", mixinStandardHelpOptions = true,
        description = "Generate a P4 (multi-user allocation) instance: users cycle through the models; every block"
                + " boundary x exit subset is an option.")
final class GenerateMultiUserCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--users", required = true, paramLabel = "N", description = "Number of users.")
    int users;

    @Option(names = "--units", required = true, paramLabel = "K", description = "K_F = K_B units of edge compute and uplink.")
    int units;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--models", split = ",", defaultValue = "chain-12,chain-8", paramLabel = "M",
            description = "Model names, comma-separated: zoo models (block view, see 'cleave zoo list') or chain-N (default ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--network", defaultValue = "4g", paramLabel = "NET",
            description = "Network profile: cat1, 3g, 4g, wifi or 5g (see 'cleave zoo profiles'; default ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--edge-flops", defaultValue = "1e12", paramLabel = "F",
            description = "Edge server rate in FLOP/s (default ${DEFAULT-VALUE}).")
    double edgeFlops;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Option(names = "--explicit-options", description = "Spell out every plan option of every user (the form"
            + " before models could be declared once; files are about 200 times larger). By default each model is"
            + " declared once under \"models\" and users name it; options are generated when the file is read.")
    boolean explicitOptions;

    @Option(names = "--force", description = "Replace an existing --output file (without it an existing file is"
            + " never overwritten).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (output != null) {
            OutputFiles.check("--output", output, force, List.of());
        }
        if (!(edgeFlops > 0) || Double.isInfinite(edgeFlops)) {
            throw new IllegalArgumentException("--edge-flops: must be a finite number > 0, got " + edgeFlops);
        }
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("users", "--users");
        fields.put("units", "--units");
        fields.put("computeUnits", "--units");
        fields.put("bandwidthUnits", "--units");
        fields.put("models", "--models");
        fields.put("network", "--network");
        CompactMultiUser c = OptionErrors.under(fields, () -> new RandomZooMultiUserInstances(
                name -> name.startsWith("chain-") ? RandomZooMultiUserInstances.builtInModel(name)
                        : org.cleave.instances.zoo.Zoo.get(name).blockGraph(),
                org.cleave.instances.profiles.Profiles::network).generateCompact(users, units, seed, models, network,
                edgeFlops));
        MultiUserProblem p = OptionErrors.under(fields, c::toProblem);
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("generator", "cleave generate multiuser");
        meta.put("users", users);
        meta.put("units", units);
        meta.put("seed", seed);
        meta.put("models", String.join(",", models));
        meta.put("network", network);
        meta.put("edgeFlopsPerSecond", edgeFlops);
        String name = "multiuser-" + users + "u-" + units + "k-" + network + "-s" + seed;
        String description = users + " users, K_F = K_B = " + units + ", models " + models + ", network " + network;
        String text = explicitOptions ? InstanceJson.write(new Instance(name, description, p, meta))
                : InstanceJson.text(InstanceJson.toJson(Family.MULTIUSER, name, description,
                        root -> MultiUserCodec.writeCompact(c, root), meta));
        if (output != null) {
            OutputFiles.writeString("--output", output, text);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.println(text);
            out.flush();
        }
        return 0;
    }
}
