package dev.mtqr.examples;

import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.transport.TransportKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code mtqr}'s flag values are read; a bad value is a usage error that says what was expected. */
final class Converters {
    private static final Pattern SERVER = Pattern.compile("(\\d{1,4})@(\\[[0-9A-Fa-f:.]+\\]|[^:@\\s]+):(\\d{1,5})");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    private Converters() {
    }

    /** {@code ID@HOST:PORT}, for example {@code 2@127.0.0.1:4431}; an IPv6 host goes in brackets. */
    static final class Server implements ITypeConverter<DcAddress> {
        @Override
        public DcAddress convert(String value) {
            Matcher m = SERVER.matcher(value);
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not ID@HOST:PORT (for example 2@127.0.0.1:4431)");
            }
            int id = Integer.parseInt(m.group(1));
            int port = Integer.parseInt(m.group(3));
            String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
            if (id < 1 || port < 1 || port > 65535) {
                throw new TypeConversionException("'" + value + "' needs a DC id above 0 and a port from 1 to 65535");
            }
            return new DcAddress(id, host, port);
        }
    }

    /** {@code 90s}, {@code 2m}, {@code 1h}, {@code 500ms}, a bare number of seconds, or ISO-8601 ({@code PT2M}). */
    static final class Span implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                d = switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                };
            } else {
                try {
                    d = Duration.parse(value);
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException(
                            "'" + value + "' is not a duration (for example 90s, 2m or PT2M)");
                }
            }
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException("'" + value + "' must be a positive duration");
            }
            return d;
        }
    }

    /** {@code abridged}, {@code intermediate}, {@code padded} or {@code full}. */
    static final class Transport implements ITypeConverter<TransportKind> {
        @Override
        public TransportKind convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "abridged" -> TransportKind.ABRIDGED;
                case "intermediate" -> TransportKind.INTERMEDIATE;
                case "padded" -> TransportKind.PADDED_INTERMEDIATE;
                case "full" -> TransportKind.FULL;
                default -> throw new TypeConversionException(
                        "'" + value + "' is not a transport: abridged, intermediate, padded or full");
            };
        }
    }
}
