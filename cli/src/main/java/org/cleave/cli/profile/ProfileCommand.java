package org.cleave.cli.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cleave.instances.importers.onnx.InputShapes;
import org.cleave.profiler.NodeProfile;
import org.cleave.profiler.OnnxProfiler;
import org.cleave.profiler.ProfileCsv;
import org.cleave.profiler.ProfileSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cleave profile MODEL.onnx -o PROFILE.csv}: measures every node's kernel time with ONNX
 * Runtime (graph optimisations off, sequential) and writes the profile CSV that {@code cleave import
 * --device-profile/--edge-profile} reads. Run it once on the device and once on the edge machine.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Measure per-node times of an ONNX model with ONNX Runtime (CPU, graph optimisations off)",
                "and write a profile CSV for 'cleave import --device-profile/--edge-profile'."})
public final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.onnx", description = "The ONNX model to run.")
    Path model;

    @Option(names = "--input-shape", paramLabel = "NAME=1x3x224x224[,...]",
            description = "Concrete shape of an input (required for inputs with dynamic dimensions); "
                    + "several separated by commas or the option repeated.")
    List<String> inputShapes = List.of();

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs = ProfileSettings.DEFAULT_RUNS;

    @Option(names = "--warmup", paramLabel = "N", description = "Discarded runs before the timed ones "
            + "(default: ${DEFAULT-VALUE}).")
    int warmup = ProfileSettings.DEFAULT_WARMUP;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads "
            + "(default: ${DEFAULT-VALUE}).")
    int threads = ProfileSettings.DEFAULT_THREADS;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the random input values "
            + "(default: ${DEFAULT-VALUE}).")
    long seed = ProfileSettings.DEFAULT_SEED;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PROFILE.csv",
            description = "The profile CSV to write (an existing file is replaced only if it is a Cleave profile).")
    Path output;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("model: no such file " + model);
        }
        ProfileSettings settings = new ProfileSettings(runs, warmup, threads, seed);
        Map<String, long[]> shapes = parseInputShapes(inputShapes);
        Path parent = output.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("output: directory " + parent + " does not exist");
        }
        if (Files.exists(output) && !ProfileCsv.isProfile(output)) {
            throw new IllegalArgumentException("output: " + output + " exists and is not a Cleave profile; "
                    + "not overwritten");
        }
        NodeProfile profile = OnnxProfiler.profile(model, shapes, settings);
        ProfileCsv.write(profile, output);
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "profiled %d nodes of %s (%s): total median %.3f ms per run over %d runs (%d warm-up, %d thread%s,"
                        + " input seed %d) in %.1f s on %s; wrote %s",
                profile.nodes().size(), profile.model(), profile.inputShapesText(),
                profile.totalMedianSeconds() * 1e3, profile.runs(), profile.warmup(), profile.threads(),
                profile.threads() == 1 ? "" : "s", profile.seed(), profile.wallTime().toMillis() / 1e3,
                profile.machine(), output));
        return 0;
    }

    /** {@code NAME=1x3x224x224} entries, comma-separated, from every occurrence of the option. */
    private static Map<String, long[]> parseInputShapes(List<String> values) {
        InputShapes shapes = InputShapes.NONE;
        for (String value : values) {
            shapes = shapes.plus(InputShapes.parse(value));
        }
        return shapes.shapes();
    }
}
