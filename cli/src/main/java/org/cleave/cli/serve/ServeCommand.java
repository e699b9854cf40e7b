package org.cleave.cli.serve;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.cleave.workflows.serve.Server;
import picocli.CommandLine.Command;

/**
 * {@code cleave serve}: the JSON Lines server of {@code docs/protocol.md} on standard input and
 * output ({@link Server}). Standard output carries only response lines: {@code System.out} is
 * pointed at standard error while serving, so that stray library output cannot corrupt the
 * protocol. Exit status 0 at end of input or after {@code close} without a handle.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve instances over JSON Lines on stdin/stdout (one request per line; docs/protocol.md).",
                "Ends with status 0 at end of input or on {\"op\": \"close\"} without a handle."})
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        PrintStream previous = System.out;
        System.setOut(System.err);
        try {
            return new Server(Server.MAX_REQUEST_BYTES, System.err)
                    .serve(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 64 * 1024), out);
        } finally {
            out.flush();
            System.setOut(previous);
        }
    }
}
