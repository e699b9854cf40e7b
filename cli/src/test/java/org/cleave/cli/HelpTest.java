package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Issue 21, item 12: every option and positional of {@code cleave} and its subcommands is described. */
class HelpTest {
    private static void walk(CommandLine cl, List<String> missing) {
        CommandSpec spec = cl.getCommandSpec();
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            String[] d = a.description();
            boolean described = d != null && d.length > 0 && !String.join("", d).isBlank();
            if (!described) {
                missing.add(spec.qualifiedName() + " " + (a.isOption()
                        ? String.join("/", ((CommandLine.Model.OptionSpec) a).names()) : a.paramLabel()));
            }
        }
        if (spec.usageMessage().description().length == 0) {
            missing.add(spec.qualifiedName() + " (command description)");
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            walk(sub, missing);
        }
    }

    @Test
    void everyOptionAndPositionalHasADescription() {
        List<String> missing = new ArrayList<>();
        walk(Cleave.commandLine(), missing);
        assertTrue(missing.isEmpty(), "without a description: " + missing);
    }

    @Test
    void groundTruthHelpListsTheAxesPerFamily() {
        StringWriter out = new StringWriter();
        Cleave.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "groundtruth", "--help");
        String help = out.toString();
        for (String s : new String[] {"partition (P1)", "exits (P2)", "multiuser (P4)", "uplink", "latency",
                "compute-units"}) {
            assertTrue(help.contains(s), s + " missing in\n" + help);
        }
    }

    @Test
    void solversAlignsItsColumnsAndListsTheOnlinePolicies() {
        StringWriter out = new StringWriter();
        Cleave.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "solvers");
        List<String> lines = out.toString().lines().toList();
        int family = lines.get(0).indexOf("family");
        int kind = lines.get(0).indexOf("kind");
        for (String l : lines) {
            assertTrue(l.charAt(family - 1) == ' ' && l.charAt(family - 2) == ' ' && l.charAt(kind - 2) == ' '
                    && l.charAt(family) != ' ' && l.charAt(kind) != ' ', "misaligned: " + l);
        }
        for (String p : new String[] {"splitee ", "splitee-s", "epsilon-greedy", "final-only", "fixed:i"}) {
            assertTrue(out.toString().contains(p), p + " missing");
        }
    }
}
