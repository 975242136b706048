package dev.mtqr.testkit.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of the test server's MTProto layer, Telegram's values by default.
 *
 * @param maxPast           how old a client msg_id may be (older: bad_msg_notification 16)
 * @param maxFuture         how far ahead a client msg_id may be (further: 17)
 * @param receivedWindow    how many received msg_ids a session remembers, with the answers they got; an id below all
 *                          of them gets 20
 * @param sentLog           how many unacknowledged content-related messages a session keeps to send again (on
 *                          {@code msg_resend_req}, a re-sent request, or when the client comes back on a new
 *                          connection); beyond it the oldest is dropped
 * @param saltPeriod        how long each server salt is current (future_salts spans this much per salt)
 * @param saltGrace         how long the previous salt is still accepted after a new one becomes current
 * @param firstSaltValidity how long the salt from the key exchange is accepted on a new key
 * @param gzipThreshold     results of at least this many bytes are sent gzip_packed (if that is smaller)
 * @param firstMsgId        which msg_id {@code new_session_created} reports when a container created the session
 */
public record ServerSettings(Duration maxPast, Duration maxFuture, int receivedWindow, int sentLog,
        Duration saltPeriod, Duration saltGrace, Duration firstSaltValidity, int gzipThreshold,
        FirstMsgId firstMsgId) {

    public ServerSettings {
        if (receivedWindow < 1 || sentLog < 0 || gzipThreshold < 0) {
            throw new IllegalArgumentException("receivedWindow >= 1, sentLog >= 0 and gzipThreshold >= 0");
        }
        if (saltPeriod.toSeconds() < 1 || saltGrace.isNegative() || firstSaltValidity.isNegative()) {
            throw new IllegalArgumentException("salts need a period of a second or more and no negative durations");
        }
        Objects.requireNonNull(firstMsgId, "firstMsgId");
    }

    /**
     * 300 s / 30 s msg_id window, 1024 received ids and 4096 unacknowledged messages per session, hourly salts with
     * 30 min grace, gzip from 1 KiB, first_msg_id the first message inside a container.
     */
    public static ServerSettings defaults() {
        return new ServerSettings(Duration.ofSeconds(300), Duration.ofSeconds(30), 1024, 4096, Duration.ofHours(1),
                Duration.ofMinutes(30), Duration.ofMinutes(30), 1024, FirstMsgId.FIRST_MESSAGE);
    }

    /** These settings with results gzip'ed from {@code bytes} on. */
    public ServerSettings withGzipThreshold(int bytes) {
        return new ServerSettings(maxPast, maxFuture, receivedWindow, sentLog, saltPeriod, saltGrace,
                firstSaltValidity, bytes, firstMsgId);
    }

    /** These settings with salts current for {@code period} and accepted {@code grace} longer. */
    public ServerSettings withSalts(Duration period, Duration grace) {
        return new ServerSettings(maxPast, maxFuture, receivedWindow, sentLog, period, grace, firstSaltValidity,
                gzipThreshold, firstMsgId);
    }

    /** These settings remembering {@code window} received msg_ids per session. */
    public ServerSettings withReceivedWindow(int window) {
        return new ServerSettings(maxPast, maxFuture, window, sentLog, saltPeriod, saltGrace, firstSaltValidity,
                gzipThreshold, firstMsgId);
    }

    /** These settings keeping at most {@code messages} unacknowledged messages per session. */
    public ServerSettings withSentLog(int messages) {
        return new ServerSettings(maxPast, maxFuture, receivedWindow, messages, saltPeriod, saltGrace,
                firstSaltValidity, gzipThreshold, firstMsgId);
    }

    /** These settings reporting {@code convention}'s first_msg_id in {@code new_session_created}. */
    public ServerSettings withFirstMsgId(FirstMsgId convention) {
        return new ServerSettings(maxPast, maxFuture, receivedWindow, sentLog, saltPeriod, saltGrace,
                firstSaltValidity, gzipThreshold, convention);
    }
}
