package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value semantics for byte arrays, directly or in lists, and descriptions that never show their content. */
class TlValuesTest {

    @Test
    void comparesByteArraysByContent() {
        assertTrue(TlValues.deepEquals(new byte[] {1, 2}, new byte[] {1, 2}));
        assertFalse(TlValues.deepEquals(new byte[] {1, 2}, new byte[] {1, 3}));
        assertFalse(TlValues.deepEquals(new byte[] {1, 2}, new byte[] {1, 2, 0}));
        assertFalse(TlValues.deepEquals(new byte[0], null));
        assertFalse(TlValues.deepEquals(null, new byte[0]));
        assertTrue(TlValues.deepEquals(null, null));
    }

    @Test
    void comparesListsOfByteArraysElementByElement() {
        assertTrue(TlValues.deepEquals(List.of(new byte[] {1}, new byte[0]), List.of(new byte[] {1}, new byte[0])));
        assertFalse(TlValues.deepEquals(List.of(new byte[] {1}), List.of(new byte[] {2})));
        assertFalse(TlValues.deepEquals(List.of(new byte[] {1}), List.of(new byte[] {1}, new byte[] {1})));
        assertTrue(TlValues.deepEquals(List.of(List.of(new byte[] {7})), List.of(List.of(new byte[] {7}))));
    }

    @Test
    void comparesOtherValuesWithEquals() {
        assertTrue(TlValues.deepEquals(42L, 42L));
        assertFalse(TlValues.deepEquals(42L, 42));
        assertTrue(TlValues.deepEquals("a", new String("a")));
        assertFalse(TlValues.deepEquals(List.of(1), 1));
    }

    @Test
    void hashesEqualByteArraysAlike() {
        assertEquals(TlValues.deepHashCode(new byte[] {1, 2, 3}), TlValues.deepHashCode(new byte[] {1, 2, 3}));
        assertEquals(Arrays.hashCode(new byte[] {1, 2, 3}), TlValues.deepHashCode(new byte[] {1, 2, 3}));
        assertNotEquals(TlValues.deepHashCode(new byte[] {1, 2, 3}), TlValues.deepHashCode(new byte[] {3, 2, 1}));
        assertEquals(TlValues.deepHashCode(List.of(new byte[] {9}, new byte[] {8})),
                TlValues.deepHashCode(List.of(new byte[] {9}, new byte[] {8})));
        assertEquals(List.of("a", "b").hashCode(), TlValues.deepHashCode(List.of("a", "b")));
        assertEquals(0, TlValues.deepHashCode(null));
    }

    @Test
    void describesByteArraysByTheirLengthOnly() {
        byte[] secret = "SECRET".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("<6 bytes>", TlValues.describe(secret));
        assertEquals("<0 bytes>", TlValues.describe(new byte[0]));
        assertEquals("[<6 bytes>, <1 bytes>]", TlValues.describe(List.of(secret, new byte[] {83})));
        assertFalse(TlValues.describe(List.of(secret)).contains("83"));
    }

    @Test
    void describesOtherValuesAsThemselves() {
        assertEquals("null", TlValues.describe(null));
        assertEquals("42", TlValues.describe(42));
        assertEquals("[a, b]", TlValues.describe(List.of("a", "b")));
        assertEquals("[]", TlValues.describe(List.of()));
    }
}
