package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.session.SessionStats;

/**
 * What happened on one DC's connection so far.
 *
 * @param connections how many times a connection was established
 * @param lastFailure the last error that closed a connection or kept one from opening (a {@code TransportException}
 *                    for broken frames and transport errors, a {@code java.net.ConnectException} for a refused
 *                    connection), or null
 * @param session     what the encrypted session dropped on receive, or null before there is a session
 */
public record ConnectionStats(int connections, Throwable lastFailure, SessionStats session) {
}
