package org.cleave.cli.multiuser;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cleave generate FAMILY ...}: write a generated instance. Holds the multiuser generator;
 * other families add their subcommands here.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate an instance file.",
        subcommands = {GenerateMultiUserCommand.class})
public final class GenerateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
