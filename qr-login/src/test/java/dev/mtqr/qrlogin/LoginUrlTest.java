package dev.mtqr.qrlogin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginUrlTest {

    private static final byte[] TOKEN = {(byte) 0xfb, (byte) 0xff, 0x01, 0x02, 0x03};

    @Property
    void roundTripsAnyTokenThroughItsUrl(@ForAll @Size(min = 1, max = 64) byte[] token) {
        LoginUrl url = LoginUrl.of(token);
        assertTrue(url.url().startsWith("tg://login?token="));
        assertFalse(url.url().endsWith("="), url.url());
        assertArrayEquals(token, LoginUrl.parse(url.url()).token());
        assertEquals(url.url(), LoginUrl.parse(url.url()).url());
    }

    @Property
    void acceptsPaddedTokens(@ForAll @Size(min = 1, max = 64) byte[] token) {
        String padded = "tg://login?token=" + Base64.getUrlEncoder().encodeToString(token);
        LoginUrl url = LoginUrl.parse(padded);
        assertArrayEquals(token, url.token());
        assertEquals(LoginUrl.of(token), url);
        assertEquals(LoginUrl.of(token).url(), url.url());
    }

    @Property
    void acceptsUpperCaseSchemeAndHost(@ForAll @Size(min = 1, max = 64) byte[] token) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        assertArrayEquals(token, LoginUrl.parse("TG://LOGIN?token=" + encoded).token());
        assertArrayEquals(token, LoginUrl.parse("Tg://Login?token=" + encoded).token());
    }

    @Test
    void acceptsPercentEncodedPadding() {
        assertArrayEquals(new byte[] {1}, LoginUrl.parse("tg://login?token=AQ%3D%3D").token());
        assertArrayEquals(new byte[] {1}, LoginUrl.parse("tg://login?token=AQ%3d%3d").token());
    }

    @Test
    void writesUnpaddedBase64Url() {
        assertEquals("tg://login?token=-_8BAgM", LoginUrl.of(TOKEN).url());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://login?token=AQID          | WRONG_SCHEME | wrong scheme "https", expected "tg"
            login?token=AQID                  | WRONG_SCHEME | not a tg:// URL
            tg:login?token=AQID               | WRONG_SCHEME | not a tg:// URL
            tg://resolve?token=AQID           | WRONG_HOST   | wrong host "resolve", expected "login"
            tg://login/?token=AQID            | WRONG_HOST   | unexpected path after "login"
            tg://login                        | NO_TOKEN     | no token: the URL has no query
            tg://login#token=AQID             | NO_TOKEN     | no token: the URL has no query
            tg://login?                       | NO_TOKEN     | no token: the query must be exactly "token=<base64url>"
            tg://login?foo=1&token=AQID       | NO_TOKEN     | no token: the query must be exactly "token=<base64url>"
            tg://login?TOKEN=AQID             | NO_TOKEN     | no token
            tg://login?token=                 | EMPTY_TOKEN  | token is empty
            tg://login?token===               | EMPTY_TOKEN  | token is empty: only padding
            tg://login?token=AQ+D             | BAD_BASE64   | '+' at offset 2 (standard base64? use '-' and '_')
            tg://login?token=AQ/D             | BAD_BASE64   | '/' at offset 2
            tg://login?token=AQ*D             | BAD_BASE64   | token is not base64url: '*' at offset 2
            tg://login?token=AQIDB            | BAD_BASE64   | 5 characters cannot end a base64 quantum
            tg://login?token=AQ=              | BAD_BASE64   | 1 padding characters after 2 characters
            tg://login?token=AQID=            | BAD_BASE64   | 1 padding characters after 4 characters
            tg://login?token=A=QI             | BAD_BASE64   | '=' at offset 1
            tg://login?token=AQID&foo=bar     | EXTRA_INPUT  | unexpected "&foo=bar" after the token
            tg://login?token=AQID#frag        | EXTRA_INPUT  | unexpected "#frag" after the token
            """)
    void refusesWithAMessageThatSaysWhy(String url, InvalidLoginUrlException.Reason reason, String message) {
        InvalidLoginUrlException e = assertThrows(InvalidLoginUrlException.class, () -> LoginUrl.parse(url));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(message), () -> "message: " + e.getMessage());
    }

    @Test
    void refusesWhitespaceAroundTheUrl() {
        InvalidLoginUrlException trailing =
                assertThrows(InvalidLoginUrlException.class, () -> LoginUrl.parse("tg://login?token=AQID "));
        assertEquals(InvalidLoginUrlException.Reason.BAD_BASE64, trailing.reason());
        assertTrue(trailing.getMessage().contains("U+0020 at offset 4"), trailing.getMessage());
        InvalidLoginUrlException leading =
                assertThrows(InvalidLoginUrlException.class, () -> LoginUrl.parse(" tg://login?token=AQID"));
        assertEquals(InvalidLoginUrlException.Reason.WRONG_SCHEME, leading.reason());
    }

    @Test
    void isAnIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> LoginUrl.parse("http://example.org"));
    }

    @Test
    void refusesAnEmptyOrMissingTokenOnConstruction() {
        assertThrows(IllegalArgumentException.class, () -> LoginUrl.of(new byte[0]));
        assertThrows(NullPointerException.class, () -> LoginUrl.of(null));
        assertThrows(NullPointerException.class, () -> LoginUrl.parse(null));
    }

    @Test
    void messagesNeverRepeatTheToken() {
        String secret = "c2VjcmV0LXRva2VuLWJ5dGVz";
        for (String url : new String[] {"tg://login?token=" + secret + "+", "tg://login?token=" + secret + "=",
                "tg://login?token=" + secret + "&x", "tg://login?token=" + secret + "A"}) {
            InvalidLoginUrlException e = assertThrows(InvalidLoginUrlException.class, () -> LoginUrl.parse(url));
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void toStringHidesTheToken() {
        LoginUrl url = LoginUrl.of(TOKEN);
        String shown = url.toString();
        assertFalse(shown.contains("-_8BAgM"), shown);
        assertFalse(shown.contains("-_8BAgM".substring(0, 4)), shown);
        assertTrue(shown.contains("5 bytes"), shown);
    }

    @Test
    void copiesTheTokenInAndOut() {
        byte[] token = TOKEN.clone();
        LoginUrl url = LoginUrl.of(token);
        token[0] = 0;
        assertArrayEquals(TOKEN, url.token());
        url.token()[0] = 0;
        assertArrayEquals(TOKEN, url.token());
    }

    @Test
    void hasValueEquality() {
        assertEquals(LoginUrl.of(TOKEN), LoginUrl.of(TOKEN.clone()));
        assertEquals(LoginUrl.of(TOKEN).hashCode(), LoginUrl.of(TOKEN.clone()).hashCode());
        assertEquals(LoginUrl.of(TOKEN), LoginUrl.parse("TG://LOGIN?token=-_8BAgM="));
        assertNotEquals(LoginUrl.of(TOKEN), LoginUrl.of(new byte[] {1}));
    }
}
