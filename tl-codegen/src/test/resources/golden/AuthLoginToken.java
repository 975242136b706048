// Generated from golden.tl; do not edit
package dev.mtqr.golden;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlSizes;
import dev.mtqr.tl.TlValues;
import dev.mtqr.tl.TlWriter;
import java.util.Objects;

/**
 * TL constructor {@code auth.loginToken#629f1980} of type {@code auth.LoginToken} (golden.tl:1:1).
 */
public record AuthLoginToken(int expires, byte[] token) implements AuthLoginTokenType {
    public static final int CONSTRUCTOR_ID = 0x629f1980;

    public static final String TL_NAME = "auth.loginToken";

    public AuthLoginToken {
        Objects.requireNonNull(token, "token");
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
        tlOut.writeInt(this.expires);
        tlOut.writeBytes(this.token);
    }

    @Override
    public int bareSize() {
        return 4 + TlSizes.bytes(this.token.length);
    }

    /**
     * Reads the fields of {@code auth.loginToken} (its id has been read already).
     */
    public static AuthLoginToken readBare(TlReader tlIn) {
        String tlField = null;
        try {
            tlField = "expires";
            int expires = tlIn.readInt();
            tlField = "token";
            byte[] token = tlIn.readBytes();
            return new AuthLoginToken(expires, token);
        } catch (TlDecodeException tlError) {
            throw tlError.at("auth.loginToken#629f1980", tlField);
        }
    }

    @Override
    public boolean equals(Object tlObject) {
        return this == tlObject || (tlObject instanceof AuthLoginToken tlOther
                    && expires == tlOther.expires
                    && TlValues.deepEquals(token, tlOther.token));
    }

    @Override
    public int hashCode() {
        int tlValue = 1;
        tlValue = 31 * tlValue + Integer.hashCode(expires);
        tlValue = 31 * tlValue + TlValues.deepHashCode(token);
        return tlValue;
    }

    @Override
    public String toString() {
        return "AuthLoginToken[" + "expires=" + TlValues.describe(expires) + ", token=" + TlValues.describe(token) + "]";
    }
}
