package dev.mtqr.mtproto.client;

import java.time.Duration;

/**
 * Where a client's connection to one DC stands, as {@link MtprotoClient#connectionState} and the connection
 * listeners see it: {@code Idle} until a call needs the DC, then {@code Connecting}, {@code Ready} once the server
 * has answered on the connection, {@code RetryingIn} after a failure while the next attempt waits, {@code Failed}
 * when the link gave up (calls waiting for it failed with the cause; the next call starts over), and {@code Closed}.
 */
public sealed interface ConnectionState {
    /** No connection yet: nothing has needed this DC. */
    record Idle() implements ConnectionState {
    }

    /** Attempt {@code attempt} (1 for the first since the last success) is under way. */
    record Connecting(int attempt) implements ConnectionState {
    }

    /** The server answered on this connection: calls flow. */
    record Ready() implements ConnectionState {
    }

    /** The connection failed or dropped because of {@code cause}; the next attempt starts after {@code delay}. */
    record RetryingIn(Duration delay, ConnectionFailedException cause, int failures) implements ConnectionState {
    }

    /** The link gave up because of {@code cause}: a permanent failure, or too many attempts in a row. */
    record Failed(ConnectionFailedException cause) implements ConnectionState {
    }

    /** The client was closed. */
    record Closed() implements ConnectionState {
    }
}
