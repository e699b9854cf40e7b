package org.cleave.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cleave} command line. Exit status: 0 on success, 2 on bad input (a malformed file,
 * an unknown solver, a bad option), 1 on an internal error. Errors are one line on standard
 * error, never a stack trace.
 */
@Command(name = "cleave", mixinStandardHelpOptions = true, versionProvider = Cleave.Version.class,
        description = "Exact and heuristic solvers for collaborative DNN inference.",
        subcommands = {
                SolveCommand.class,
                SolversCommand.class,
                ExamplesCommand.class,
                CompareCommand.class,
                GroundTruthCommand.class,
                EvaluateCommand.class,
                org.cleave.cli.online.OnlineCommand.class,
                org.cleave.cli.zoo.ZooCommand.class,
                org.cleave.cli.stopping.StoppingCommand.class,
                org.cleave.cli.multiuser.GenerateCommand.class,
                org.cleave.cli.map.MapCommand.class,
                org.cleave.cli.imports.ImportCommand.class,
                org.cleave.cli.profile.ProfileCommand.class,
                org.cleave.cli.serve.ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Cleave implements Runnable {
    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit status for an internal error. */
    public static final int INTERNAL_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit status (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("cleave: internal error: out of memory (a limit on the input is missing; please report it)");
            return INTERNAL_ERROR;
        } catch (StackOverflowError e) {
            err.println("cleave: internal error: stack overflow (a recursion on a large input; please report it)");
            return INTERNAL_ERROR;
        }
    }

    /** The configured picocli command line. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cleave());
        cl.getSubcommands().get("groundtruth").getCommandSpec().usageMessage().footer(GroundTruthCommand.axesFooter());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("cleave: " + OneLine.of(parameterMessage(ex)));
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("cleave: " + OneLine.of(ex.getMessage()));
                return BAD_INPUT;
            }
            if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("cleave: " + OneLine.of(OneLine.describe(ex)));
                return BAD_INPUT;
            }
            commandLine.getErr().println("cleave: internal error: " + OneLine.of(String.valueOf(ex)));
            return INTERNAL_ERROR;
        });
        return cl;
    }

    /**
     * A parse error as one line: an unknown command names the commands (and the closest ones), an
     * unknown option the closest options, and each says where the help is
     * ({@code cleave zoo export --help}).
     */
    static String parameterMessage(CommandLine.ParameterException ex) {
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String help = "try '" + spec.qualifiedName() + " --help'";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            java.util.List<String> suggestions = u.getSuggestions();
            if (!spec.subcommands().isEmpty() && !first.startsWith("-")) {
                java.util.List<String> commands = spec.subcommands().keySet().stream().filter(c -> !c.equals("help"))
                        .toList();
                return "unknown command '" + first + "'"
                        + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?")
                        + " Commands: " + String.join(", ", commands) + "; " + help;
            }
            return "unknown " + (first.startsWith("-") ? "option" : "argument") + " '" + first + "'"
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?")
                    + "; " + help;
        }
        return ex.getMessage() + "; " + help;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cleave.class.getPackage().getImplementationVersion();
            return new String[] {"cleave " + (v == null ? "(development build)" : v)};
        }
    }
}
