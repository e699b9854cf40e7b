package org.cleave.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cleave examples}: the built-in instances usable with {@code cleave solve --example NAME}. */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "List the built-in example instances (use with 'cleave solve --example NAME').")
final class ExamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : Examples.names()) {
            Instance i = Examples.load(name);
            out.printf("%-24s %-11s %s%n", name, i.problem().family().key(), i.description());
        }
        return 0;
    }
}
