package dev.mtqr.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mtqr} command: {@code mtqr demo}, and more to come. Exit codes: 0 ok, 2 usage, 3 login failed, 4 network. */
@Command(name = "mtqr", mixinStandardHelpOptions = true, version = "mtqr 0.1.0",
        description = "Telegram login by QR code over MTProto 2.0.",
        subcommands = {DemoCommand.class})
public final class Mtqr implements Runnable {
    /** Exit code for a login that failed or expired. */
    static final int LOGIN_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on standard output and error, and returns the exit code. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns the exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new Mtqr()).setOut(out).setErr(err);
        line.setParameterExceptionHandler((e, params) -> {
            e.getCommandLine().getErr().println("mtqr: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        });
        line.setExitCodeExceptionMapper(e -> LOGIN_FAILED);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("mtqr: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return LOGIN_FAILED;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command, for example: mtqr demo");
    }
}
