package dev.mtqr.qrlogin;

import java.time.Duration;
import java.time.Instant;

/**
 * One QR code to show: the {@code tg://login?token=…} URL, when the server says it expires, and how long that is
 * from now by the server's clock (not the local one, which may be minutes off).
 *
 * @param url       the login URL to encode ({@code toString} hides the token)
 * @param expires   the server's expiry time for the token
 * @param remaining the time left, measured against the server-corrected clock when the code was made
 */
public record LoginQr(LoginUrl url, Instant expires, Duration remaining) {
}
