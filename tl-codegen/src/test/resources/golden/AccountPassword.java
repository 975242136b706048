// Generated from golden.tl; do not edit
package dev.mtqr.golden;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlSizes;
import dev.mtqr.tl.TlValues;
import dev.mtqr.tl.TlWriter;
import java.util.Objects;

/**
 * TL constructor {@code account.password#957b50fb} of type {@code account.Password} (golden.tl:4:1).
 *
 * <p>{@code hasRecovery} is false when bit 0 of {@code flags} is clear.
 *
 * <p>{@code currentAlgo} is null when bit 2 of {@code flags} is clear.
 *
 * <p>{@code srpB} is null when bit 2 of {@code flags} is clear.
 *
 * <p>{@code srpId} is null when bit 2 of {@code flags} is clear.
 *
 * <p>{@code hint} is null when bit 3 of {@code flags} is clear.
 */
public record AccountPassword(boolean hasRecovery, PasswordKdfAlgoType currentAlgo, byte[] srpB,
        Long srpId, String hint, PasswordKdfAlgoType newAlgo,
        byte[] secureRandom) implements AccountPasswordType {
    public static final int CONSTRUCTOR_ID = 0x957b50fb;

    public static final String TL_NAME = "account.password";

    public AccountPassword {
        Objects.requireNonNull(newAlgo, "newAlgo");
        Objects.requireNonNull(secureRandom, "secureRandom");
        if (currentAlgo == null && srpB == null && srpId == null ? false : currentAlgo == null || srpB == null || srpId == null) {
            throw new IllegalArgumentException("account.password: currentAlgo, srpB, srpId share flag bit flags.2, so they must be all set or all null");
        }
    }

    /**
     * Whether {@code has_password} is set; it shares its flag bit with {@code current_algo}.
     */
    public boolean hasPassword() {
        return this.currentAlgo != null;
    }

    @Override
    public int constructorId() {
        return CONSTRUCTOR_ID;
    }

    @Override
    public String tlName() {
        return TL_NAME;
    }

    @Override
    public void writeBare(TlWriter tlOut) {
        int flags = 0;
        if (this.hasRecovery) {
            flags |= 0x1;
        }
        if (this.currentAlgo != null) {
            flags |= 0x4;
        }
        if (this.hint != null) {
            flags |= 0x8;
        }
        tlOut.writeInt(flags);
        if (this.currentAlgo != null) {
            this.currentAlgo.write(tlOut);
        }
        if (this.srpB != null) {
            tlOut.writeBytes(this.srpB);
        }
        if (this.srpId != null) {
            tlOut.writeLong(this.srpId);
        }
        if (this.hint != null) {
            tlOut.writeString(this.hint);
        }
        this.newAlgo.write(tlOut);
        tlOut.writeBytes(this.secureRandom);
    }

    @Override
    public int bareSize() {
        int tlSize = 4 + this.newAlgo.serializedSize() + TlSizes.bytes(this.secureRandom.length);
        if (this.currentAlgo != null) {
            tlSize += this.currentAlgo.serializedSize();
        }
        if (this.srpB != null) {
            tlSize += TlSizes.bytes(this.srpB.length);
        }
        if (this.srpId != null) {
            tlSize += 8;
        }
        if (this.hint != null) {
            tlSize += TlSizes.string(this.hint);
        }
        return tlSize;
    }

    /**
     * Reads the fields of {@code account.password} (its id has been read already).
     */
    public static AccountPassword readBare(TlReader tlIn) {
        String tlField = null;
        try {
            tlField = "flags";
            int flags = tlIn.readInt();
            tlField = "has_recovery";
            boolean hasRecovery = (flags & 0x1) != 0;
            tlField = "has_password";
            tlField = "current_algo";
            PasswordKdfAlgoType currentAlgo = (flags & 0x4) != 0 ? PasswordKdfAlgoType.read(tlIn) : null;
            tlField = "srp_B";
            byte[] srpB = (flags & 0x4) != 0 ? tlIn.readBytes() : null;
            tlField = "srp_id";
            Long srpId = (flags & 0x4) != 0 ? (Long) tlIn.readLong() : null;
            tlField = "hint";
            String hint = (flags & 0x8) != 0 ? tlIn.readString() : null;
            tlField = "new_algo";
            PasswordKdfAlgoType newAlgo = PasswordKdfAlgoType.read(tlIn);
            tlField = "secure_random";
            byte[] secureRandom = tlIn.readBytes();
            return new AccountPassword(hasRecovery, currentAlgo, srpB, srpId, hint, newAlgo, secureRandom);
        } catch (TlDecodeException tlError) {
            throw tlError.at("account.password#957b50fb", tlField);
        }
    }

    @Override
    public boolean equals(Object tlObject) {
        return this == tlObject || (tlObject instanceof AccountPassword tlOther
                    && hasRecovery == tlOther.hasRecovery
                    && TlValues.deepEquals(currentAlgo, tlOther.currentAlgo)
                    && TlValues.deepEquals(srpB, tlOther.srpB)
                    && TlValues.deepEquals(srpId, tlOther.srpId)
                    && TlValues.deepEquals(hint, tlOther.hint)
                    && TlValues.deepEquals(newAlgo, tlOther.newAlgo)
                    && TlValues.deepEquals(secureRandom, tlOther.secureRandom));
    }

    @Override
    public int hashCode() {
        int tlValue = 1;
        tlValue = 31 * tlValue + Boolean.hashCode(hasRecovery);
        tlValue = 31 * tlValue + TlValues.deepHashCode(currentAlgo);
        tlValue = 31 * tlValue + TlValues.deepHashCode(srpB);
        tlValue = 31 * tlValue + TlValues.deepHashCode(srpId);
        tlValue = 31 * tlValue + TlValues.deepHashCode(hint);
        tlValue = 31 * tlValue + TlValues.deepHashCode(newAlgo);
        tlValue = 31 * tlValue + TlValues.deepHashCode(secureRandom);
        return tlValue;
    }

    @Override
    public String toString() {
        return "AccountPassword[" + "hasRecovery=" + TlValues.describe(hasRecovery) + ", currentAlgo=" + TlValues.describe(currentAlgo) + ", srpB=" + TlValues.describe(srpB) + ", srpId=" + TlValues.describe(srpId) + ", hint=" + TlValues.describe(hint) + ", newAlgo=" + TlValues.describe(newAlgo) + ", secureRandom=" + TlValues.describe(secureRandom) + "]";
    }
}
