package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Decode errors name the path of constructors and fields that led to the failure, outermost first. */
class TlDecodeExceptionTest {

    @Test
    void namesThePathOutermostFirst() {
        TlDecodeException e = new TlDecodeException("problem");
        assertSame(e, e.at("b#00000002", "y"));
        e.at("a#00000001", "x");
        assertEquals("unable to decode a#00000001.x: b#00000002.y: problem", e.getMessage());
        assertEquals("a#00000001.x: b#00000002.y", e.where());
        assertEquals("problem", e.problem());
    }

    @Test
    void isJustTheProblemWithoutAPath() {
        TlDecodeException e = new TlDecodeException("an int needs 4 bytes, but 0 remain");
        assertEquals("an int needs 4 bytes, but 0 remain", e.getMessage());
        assertEquals("", e.where());
    }

    @Test
    void namesTheConstructorAloneWhenNoFieldIsKnown() {
        TlDecodeException e = new TlDecodeException("problem").at("c#00000003", null);
        assertEquals("unable to decode c#00000003: problem", e.getMessage());
    }

    @Test
    void namesAnUnknownConstructorWithEightHexDigits() {
        assertEquals("unknown constructor #068e9916 for type auth.LoginToken",
                TlDecodeException.unknownConstructor("auth.LoginToken", 0x068e9916).getMessage());
    }

    @Test
    void writesIdsAsEightLowercaseHexDigits() {
        assertEquals("00000000", TlIds.hex(0));
        assertEquals("068e9916", TlIds.hex(0x068e9916));
        assertEquals("ffffffff", TlIds.hex(-1));
    }
}
