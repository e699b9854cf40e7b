package org.cleave.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Main class of {@code cleave-spark.jar}: {@code java -jar cleave-spark.jar groundtruth …} runs
 * {@link GroundTruthJob}, {@code … compare …} runs {@link CompareJob}, on the embedded
 * {@code local[*]} master unless {@code --master} says otherwise.
 */
public final class CleaveSpark {
    private CleaveSpark() {
    }

    /** Dispatches on the first argument. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int status = switch (command) {
            case "groundtruth" -> Launcher.execute(new GroundTruthJob(), rest, out, err);
            case "compare" -> Launcher.execute(new CompareJob(), rest, out, err);
            default -> {
                err.println("usage: java -jar cleave-spark.jar (groundtruth|compare) [OPTIONS]  (--help for each)");
                yield command.isEmpty() || command.equals("--help") ? 0 : Launcher.BAD_INPUT;
            }
        };
        System.exit(status);
    }
}
