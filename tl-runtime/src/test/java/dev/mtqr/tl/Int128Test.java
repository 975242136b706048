package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** int128 and int256 keep their wire bytes exactly; int256 (new_nonce) never shows its value. */
class Int128Test {

    @Property(tries = 200)
    void int128KeepsItsWireBytes(@ForAll @Size(16) byte[] wire) {
        assertArrayEquals(wire, Int128.of(wire).toByteArray());
        assertEquals(Int128.of(wire), TlReader.of(wire).readInt128());
    }

    @Property(tries = 200)
    void int256KeepsItsWireBytes(@ForAll @Size(32) byte[] wire) {
        assertArrayEquals(wire, Int256.of(wire).toByteArray());
        assertEquals(Int256.of(wire), TlReader.of(wire).readInt256());
    }

    @Test
    void readsLoFromTheFirstEightBytesLittleEndian() {
        Int128 value = Int128.of(HexFormat.of().parseHex("0100000000000000ff00000000000080"));
        assertEquals(1L, value.lo());
        assertEquals(0x80000000000000ffL, value.hi());
        assertEquals("Int128[0100000000000000ff00000000000080]", value.toString());
    }

    @Test
    void readsFromAnOffset() {
        byte[] bytes = new byte[20];
        bytes[4] = 5;
        assertEquals(new Int128(5, 0), Int128.of(bytes, 4));
        assertThrows(IllegalArgumentException.class, () -> Int128.of(bytes, 5));
        assertThrows(IllegalArgumentException.class, () -> Int128.of(bytes, -1));
        assertThrows(IllegalArgumentException.class, () -> Int256.of(bytes, 0));
    }

    @Test
    void refusesArraysOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Int128.of(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> Int128.of(new byte[17]));
        assertThrows(IllegalArgumentException.class, () -> Int256.of(new byte[16]));
    }

    @Test
    void int256DoesNotShowItsValue() {
        Int256 secret = new Int256(0x1122334455667788L, 2, 3, 4);
        assertFalse(secret.toString().contains("88"), secret.toString());
        assertFalse(secret.toString().contains("1122"), secret.toString());
    }
}
