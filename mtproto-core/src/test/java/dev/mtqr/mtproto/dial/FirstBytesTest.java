package dev.mtqr.mtproto.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FirstBytesTest {
    @Test
    void namesATextAnswerByItsFirstLine() {
        byte[] http = "HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("\"HTTP/1.1 400 Bad Request\"", FirstBytes.describe(http));
    }

    @Test
    void namesABinaryAnswerByItsFirstBytesInHex() {
        byte[] tls = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00};
        assertEquals("bytes 16 03 01 00 a5 01 00 00", FirstBytes.describe(tls));
    }

    @Test
    void saysNothingOfNothing() {
        assertEquals("", FirstBytes.describe(new byte[0]));
    }
}
