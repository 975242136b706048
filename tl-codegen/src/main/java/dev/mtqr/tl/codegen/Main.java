package dev.mtqr.tl.codegen;

import com.palantir.javapoet.JavaFile;
import dev.mtqr.tl.codegen.schema.SchemaException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line:
 * {@code java -cp … dev.mtqr.tl.codegen.Main --schema FILE [--schema FILE]... --package PKG --out DIR}.
 * Writes the sources under {@code DIR} and exits 0; a schema error prints {@code file:line:col: …} and exits 1;
 * bad arguments exit 2. Id mismatches against the CRC32 rule are printed as warnings.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> schemas = new ArrayList<>();
        String pkg = null;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            }
            if (i + 1 >= args.length || !List.of("--schema", "--package", "--out").contains(arg)) {
                err.println("tl-codegen: " + (arg.startsWith("--") && i + 1 >= args.length
                        ? arg + " needs a value" : "unknown argument '" + arg + "'"));
                err.println(usage());
                return 2;
            }
            String value = args[++i];
            switch (arg) {
                case "--schema" -> schemas.add(Path.of(value));
                case "--package" -> pkg = value;
                default -> dir = Path.of(value);
            }
        }
        if (schemas.isEmpty() || pkg == null || dir == null) {
            err.println("tl-codegen: --schema, --package and --out are required");
            err.println(usage());
            return 2;
        }
        if (!pkg.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            err.println("tl-codegen: '" + pkg + "' is not a Java package name");
            return 2;
        }
        try {
            List<JavaFile> files = Generation.fromFiles(schemas, schemas.stream().map(Path::toString).toList(), pkg,
                    warning -> err.println("warning: " + warning));
            for (JavaFile file : files) {
                file.writeTo(dir);
            }
            out.println("tl-codegen: wrote " + files.size() + " sources for " + pkg + " to " + dir);
            return 0;
        } catch (SchemaException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("tl-codegen: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("tl-codegen: cannot write to " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private static String usage() {
        return "usage: tl-codegen --schema FILE [--schema FILE]... --package PKG --out DIR";
    }
}
