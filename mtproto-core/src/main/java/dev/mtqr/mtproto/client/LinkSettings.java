package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.transport.TransportKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What every DC link of one client shares.
 *
 * @param serverKeys     RSA keys trusted for the key exchange
 * @param transport      the transport framing
 * @param obfuscated     whether to wrap it in obfuscated2
 * @param appInfo        what initConnection says
 * @param layer          the API layer declared with invokeWithLayer
 * @param testServers    whether the DCs are Telegram's test DCs (the key exchange's dc field gets +10000)
 * @param connectTimeout how long one attempt may take from dialling to the server's first answer
 * @param pingInterval   how often an open connection pings ({@code ping_delay_disconnect}); zero: never
 * @param pongTimeout    how long a ping, or calls waiting on a quiet connection, may go unanswered before the
 *                       connection is dropped and made again
 * @param retry          backoff between attempts, and when to give up
 * @param random         randomness for keys, ids and padding
 * @param clock          the wall clock msg_ids follow
 */
record LinkSettings(List<RsaPublicKey> serverKeys, TransportKind transport, boolean obfuscated, AppInfo appInfo,
        int layer, boolean testServers, Duration connectTimeout, Duration pingInterval, Duration pongTimeout,
        RetryPolicy retry, RandomSource random, Clock clock) {

    /** The DC id as the key exchange and the obfuscated init carry it. */
    int wireDc(int dcId) {
        return testServers ? 10000 + dcId : dcId;
    }
}
