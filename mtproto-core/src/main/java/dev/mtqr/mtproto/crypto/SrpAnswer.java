package dev.mtqr.mtproto.crypto;

import java.util.Arrays;

/**
 * What the client sends in {@code inputCheckPasswordSRP}: A (256 bytes) and M1 (32 bytes)
 * (core.telegram.org/api/srp). {@link #toString()} shows the lengths only.
 */
public record SrpAnswer(byte[] a, byte[] m1) {
    public SrpAnswer {
        a = a.clone();
        m1 = m1.clone();
    }

    /** A = g^a mod p, 256 bytes. */
    @Override
    public byte[] a() {
        return a.clone();
    }

    /** M1, the 32-byte proof that the client knows the password. */
    @Override
    public byte[] m1() {
        return m1.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrpAnswer other && Arrays.equals(a, other.a) && Arrays.equals(m1, other.m1);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(a) + Arrays.hashCode(m1);
    }

    @Override
    public String toString() {
        return "SrpAnswer[a=" + a.length + " bytes, m1=" + m1.length + " bytes]";
    }
}
