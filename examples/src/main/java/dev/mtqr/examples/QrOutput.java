package dev.mtqr.examples;

import dev.mtqr.qrlogin.LoginQr;
import dev.mtqr.qrlogin.QrRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Where {@code mtqr login} shows each code besides its URL line: drawn on the terminal (on standard error, so
 * that standard output keeps to the contract's lines), not at all, or written to a PNG or SVG file that is replaced
 * whenever the code changes.
 */
record QrOutput(Kind kind, Path file) {
    enum Kind { TERMINAL, NONE, PNG, SVG }

    private static final int PNG_SCALE = 8;

    /** Shows {@code qr}; {@code notes} is where human-facing lines go. */
    void show(LoginQr qr, PrintWriter notes) {
        QrRenderer renderer = new QrRenderer();
        String url = qr.url().url();
        switch (kind) {
            case TERMINAL -> {
                notes.print(renderer.terminal(url, true));
                notes.printf("scan it in Telegram: Settings > Devices > Link Desktop Device (expires in %d s)%n",
                        qr.remaining().toSeconds());
            }
            case PNG -> write(renderer.png(url, PNG_SCALE), notes, qr);
            case SVG -> write(renderer.svg(url).getBytes(StandardCharsets.UTF_8), notes, qr);
            case NONE -> { }
        }
        notes.flush();
    }

    private void write(byte[] image, PrintWriter notes, LoginQr qr) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(dir, ".mtqr-qr", ".tmp");
            try {
                Files.write(temp, image);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw CommandFailure.usage("cannot write the QR code to " + file + ": " + Failures.message(e));
        }
        notes.printf("QR code written to %s (expires in %d s)%n", file, qr.remaining().toSeconds());
    }

    /** {@code terminal}, {@code none}, {@code png:FILE} or {@code svg:FILE}. */
    static final class Converter implements ITypeConverter<QrOutput> {
        @Override
        public QrOutput convert(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.equals("terminal")) {
                return new QrOutput(Kind.TERMINAL, null);
            }
            if (lower.equals("none")) {
                return new QrOutput(Kind.NONE, null);
            }
            for (Kind kind : new Kind[] {Kind.PNG, Kind.SVG}) {
                String prefix = kind.name().toLowerCase(Locale.ROOT) + ":";
                if (lower.startsWith(prefix) && value.length() > prefix.length()) {
                    return new QrOutput(kind, Path.of(value.substring(prefix.length())));
                }
            }
            throw new TypeConversionException("'" + value + "' is not terminal, none, png:FILE or svg:FILE");
        }
    }
}
