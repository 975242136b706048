// Generated from golden.tl; do not edit
package dev.mtqr.golden;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;

/**
 * TL type {@code auth.LoginToken}: one of 2 constructors.
 */
public sealed interface AuthLoginTokenType extends TlObject permits AuthLoginToken, AuthLoginTokenMigrateTo {
    /**
     * Reads a boxed {@code auth.LoginToken}: the constructor id, then that constructor's fields.
     */
    static AuthLoginTokenType read(TlReader tlIn) {
        int tlId = tlIn.readInt();
        tlIn.enter();
        AuthLoginTokenType tlValue = switch (tlId) {
            case AuthLoginToken.CONSTRUCTOR_ID -> AuthLoginToken.readBare(tlIn);
            case AuthLoginTokenMigrateTo.CONSTRUCTOR_ID -> AuthLoginTokenMigrateTo.readBare(tlIn);
            default -> throw TlDecodeException.unknownConstructor("auth.LoginToken", tlId);
        };
        tlIn.leave();
        return tlValue;
    }
}
