package dev.mtqr.mtproto.crypto;

import java.util.Objects;

/**
 * An AES-256-IGE key and 32-byte iv derived for one message or one key-exchange step
 * (core.telegram.org/mtproto/description, "Defining AES Key and Initialization Vector"). Both are secrets:
 * {@link #toString()} shows only their sizes. The arrays are not copied, and equality is that of the arrays.
 */
public record KeyIv(byte[] key, byte[] iv) {
    public KeyIv {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(iv, "iv");
    }

    @Override
    public String toString() {
        return "KeyIv[key=" + key.length + " bytes, iv=" + iv.length + " bytes]";
    }
}
