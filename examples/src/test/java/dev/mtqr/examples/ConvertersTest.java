package dev.mtqr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.transport.TransportKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {
    @Test
    void aServerIsIdAtHostColonPortWithIpv6InBrackets() {
        Converters.Server server = new Converters.Server();
        assertEquals(new DcAddress(2, "127.0.0.1", 4431), server.convert("2@127.0.0.1:4431"));
        assertEquals(new DcAddress(1, "::1", 443), server.convert("1@[::1]:443"));
        assertEquals(new DcAddress(3, "dc3.example", 80), server.convert("3@dc3.example:80"));
        for (String bad : new String[] {"", "2", "127.0.0.1:443", "0@h:1", "1@h:0", "1@h:65536", "x@h:1", "1@:1"}) {
            assertThrows(TypeConversionException.class, () -> server.convert(bad), bad);
        }
    }

    @Test
    void aDurationIsANumberWithAUnitOrIso8601() {
        Converters.Span span = new Converters.Span();
        assertEquals(Duration.ofSeconds(90), span.convert("90s"));
        assertEquals(Duration.ofSeconds(90), span.convert("90"));
        assertEquals(Duration.ofMinutes(2), span.convert("2m"));
        assertEquals(Duration.ofHours(1), span.convert("1H"));
        assertEquals(Duration.ofMillis(500), span.convert("500ms"));
        assertEquals(Duration.ofMinutes(2), span.convert("PT2M"));
        for (String bad : new String[] {"0", "-5s", "soon", "5 s", "PT0S", "1d"}) {
            assertThrows(TypeConversionException.class, () -> span.convert(bad), bad);
        }
    }

    @Test
    void transportsHaveTheirShortNames() {
        Converters.Transport transport = new Converters.Transport();
        assertEquals(TransportKind.ABRIDGED, transport.convert("abridged"));
        assertEquals(TransportKind.INTERMEDIATE, transport.convert("Intermediate"));
        assertEquals(TransportKind.PADDED_INTERMEDIATE, transport.convert("padded"));
        assertEquals(TransportKind.FULL, transport.convert("full"));
        assertThrows(TypeConversionException.class, () -> transport.convert("http"));
    }

    @Test
    void theQrGoesToTheTerminalNowhereOrAFile() {
        QrOutput.Converter qr = new QrOutput.Converter();
        assertEquals(QrOutput.Kind.TERMINAL, qr.convert("terminal").kind());
        assertEquals(QrOutput.Kind.NONE, qr.convert("none").kind());
        assertEquals(new QrOutput(QrOutput.Kind.PNG, Path.of("code.png")), qr.convert("png:code.png"));
        assertEquals(new QrOutput(QrOutput.Kind.SVG, Path.of("/tmp/Code.SVG")), qr.convert("SVG:/tmp/Code.SVG"));
        for (String bad : new String[] {"png:", "png", "bmp:x.bmp", ""}) {
            assertThrows(TypeConversionException.class, () -> qr.convert(bad), bad);
        }
    }

    @Test
    void anAccountIsATestPhoneWithAnOptionalPasswordAndName() {
        AccountSpec.Converter account = new AccountSpec.Converter();
        assertEquals(new AccountSpec("9996621234", "pw", "Alice"), account.convert("9996621234:pw:Alice"));
        assertEquals(new AccountSpec("9996611111", null, "Bob: the builder"),
                account.convert("9996611111::Bob: the builder"));
        AccountSpec plain = account.convert("9996631111");
        assertNull(plain.password());
        assertEquals(3, plain.homeDc());
        for (String bad : new String[] {"5550100", "9996601234", "99966212345", "+9996621234"}) {
            assertThrows(TypeConversionException.class, () -> account.convert(bad), bad);
        }
        assertEquals("AccountSpec[9996621234, with a password]", account.convert("9996621234:secret").toString(),
                "the password stays out of toString");
    }
}
