package dev.mtqr.qrlogin;

import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * The URL a Telegram app scans to accept a login: {@code tg://login?token=<base64url>}, where the token is the
 * {@code auth.loginToken} bytes encoded as base64url (RFC 4648 §5).
 * See <a href="https://core.telegram.org/api/qr-login">core.telegram.org/api/qr-login</a>.
 *
 * <p>{@link #parse(String)} takes the scheme and host in any case and the token padded or not (the padding also
 * as {@code %3D}); {@link #url()} writes the canonical form, lower case and unpadded. The token is a credential
 * until it expires, so {@link #toString()} shows only its length.
 *
 * <pre>{@code
 * LoginUrl url = LoginUrl.of(loginToken.token());
 * String text = url.url(); // "tg://login?token=AQID..."
 * }</pre>
 */
public final class LoginUrl {

    private static final String SCHEME = "tg";
    private static final String HOST = "login";
    private static final String PREFIX = SCHEME + "://" + HOST + "?token=";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] token;

    private LoginUrl(byte[] token) {
        this.token = token;
    }

    /** A login URL for these token bytes; refuses an empty token. */
    public static LoginUrl of(byte[] token) {
        Objects.requireNonNull(token, "token");
        if (token.length == 0) {
            throw new IllegalArgumentException("login token is empty");
        }
        return new LoginUrl(token.clone());
    }

    /**
     * Reads a {@code tg://login?token=…} URL.
     *
     * @throws InvalidLoginUrlException naming what is wrong: the scheme, the host, a missing or empty token,
     *     bad base64url, or anything after the token
     */
    public static LoginUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.WRONG_SCHEME,
                    "not a tg:// URL: no \"://\" after a scheme");
        }
        String scheme = url.substring(0, schemeEnd);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.WRONG_SCHEME,
                    "wrong scheme " + quote(scheme) + ", expected \"tg\"");
        }
        int hostStart = schemeEnd + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = url.substring(hostStart, hostEnd);
        if (!host.equalsIgnoreCase(HOST)) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.WRONG_HOST,
                    "wrong host " + quote(host) + ", expected \"login\"");
        }
        if (hostEnd == url.length() || url.charAt(hostEnd) == '#') {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.NO_TOKEN,
                    "no token: the URL has no query, expected \"?token=\"");
        }
        if (url.charAt(hostEnd) == '/') {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.WRONG_HOST,
                    "unexpected path after \"login\", expected \"?token=\" right after the host");
        }
        int queryStart = hostEnd + 1;
        if (!url.startsWith("token=", queryStart)) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.NO_TOKEN,
                    "no token: the query must be exactly \"token=<base64url>\"");
        }
        int valueStart = queryStart + "token=".length();
        int valueEnd = valueStart;
        while (valueEnd < url.length() && "&#".indexOf(url.charAt(valueEnd)) < 0) {
            valueEnd++;
        }
        if (valueEnd < url.length()) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.EXTRA_INPUT,
                    "unexpected " + quote(url.substring(valueEnd)) + " after the token");
        }
        return new LoginUrl(decodeToken(url.substring(valueStart, valueEnd)));
    }

    private static byte[] decodeToken(String value) {
        String text = value.replace("%3D", "=").replace("%3d", "=");
        if (text.isEmpty()) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.EMPTY_TOKEN, "token is empty");
        }
        int data = text.length();
        while (data > 0 && text.charAt(data - 1) == '=') {
            data--;
        }
        for (int i = 0; i < data; i++) {
            char c = text.charAt(i);
            boolean base64url = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_';
            if (!base64url) {
                throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.BAD_BASE64,
                        "token is not base64url: " + describe(c) + " at offset " + i
                                + (c == '+' || c == '/' ? " (standard base64? use '-' and '_')" : ""));
            }
        }
        if (data == 0) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.EMPTY_TOKEN,
                    "token is empty: only padding");
        }
        int padding = text.length() - data;
        if (data % 4 == 1) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.BAD_BASE64,
                    "token is not base64url: " + data + " characters cannot end a base64 quantum");
        }
        if (padding > 0 && (padding > 2 || text.length() % 4 != 0)) {
            throw new InvalidLoginUrlException(InvalidLoginUrlException.Reason.BAD_BASE64,
                    "token is not base64url: " + padding + " padding characters after " + data + " characters");
        }
        return Base64.getUrlDecoder().decode(text.substring(0, data));
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    private static String quote(String s) {
        String shown = s.length() > 32 ? s.substring(0, 32) + "…" : s;
        return '"' + shown + '"';
    }

    /** The canonical URL: lower-case scheme and host, unpadded base64url token. */
    public String url() {
        return PREFIX + ENCODER.encodeToString(token);
    }

    /** A copy of the token bytes. */
    public byte[] token() {
        return token.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoginUrl other && Arrays.equals(token, other.token);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(token);
    }

    /** Shows the token's length only: the token logs a user in until it expires. */
    @Override
    public String toString() {
        return "LoginUrl[tg://login?token=<" + token.length + " bytes hidden>]";
    }
}
