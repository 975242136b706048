package dev.mtqr.examples;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mtqr} command: {@code demo}, {@code serve}, {@code login}, {@code accept} and {@code whoami}. Exit
 * codes: 0 ok, 2 usage (bad flags, bad URLs), 3 login failed or expired, 4 network. An error is one line on standard
 * error, starting with {@code mtqr: }.
 */
@Command(name = "mtqr", mixinStandardHelpOptions = true, version = "mtqr 0.1.0",
        description = "Telegram login by QR code over MTProto 2.0.",
        subcommands = {DemoCommand.class, ServeCommand.class, LoginCommand.class, AcceptCommand.class,
                WhoamiCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 login failed or expired, 4 network."})
public final class Mtqr implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on standard output and error, and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new Mtqr()).setOut(out).setErr(err);
        line.setParameterExceptionHandler((e, params) -> {
            e.getCommandLine().getErr().println("mtqr: " + oneLine(e.getMessage()));
            return CommandFailure.USAGE;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            CommandFailure failure = Failures.of(e);
            cmd.getErr().println("mtqr: " + oneLine(failure.getMessage()));
            cmd.getErr().flush();
            return failure.exitCode();
        });
        return line.execute(args);
    }

    private static String oneLine(String message) {
        return message == null ? "failed" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "give a command: demo, serve, login, accept or whoami (mtqr --help)");
    }
}
