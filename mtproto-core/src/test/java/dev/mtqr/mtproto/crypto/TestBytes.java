package dev.mtqr.mtproto.crypto;

/** Byte patterns the vectors of the research data are built from. */
final class TestBytes {
    private TestBytes() {
    }

    /** {@code 00 01 02 …}: byte i is {@code (byte) i}. */
    static byte[] counting(int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = (byte) i;
        }
        return out;
    }
}
