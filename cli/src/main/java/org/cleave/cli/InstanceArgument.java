package org.cleave.cli;

import org.cleave.workflows.options.OptionErrors;
import java.nio.file.Path;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The one instance a command works on: a file, or a built-in example ({@code --example NAME}). */
public final class InstanceArgument {
    @Parameters(index = "0", paramLabel = "FILE", description = "Instance file (JSON).")
    Path file;

    @Option(names = "--example", paramLabel = "NAME", description = "A built-in instance (see 'cleave examples').")
    String example;

    /** The instance file, if one was named (outputs must never overwrite it). */
    public java.util.List<Path> inputs() {
        return file == null ? java.util.List.of() : java.util.List.of(file);
    }

    /** Reads the instance; bad input throws with a one-line message. */
    public Instance load() {
        return file != null ? InstanceJson.read(file) : OptionErrors.under(() -> Examples.load(example), "--example");
    }
}
