package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.transport.TransportKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What every DC connection of one client shares.
 *
 * @param serverKeys     RSA keys trusted for the key exchange
 * @param transport      the transport framing
 * @param obfuscated     whether to wrap it in obfuscated2
 * @param appInfo        what initConnection says
 * @param layer          the API layer declared with invokeWithLayer
 * @param testServers    whether the DCs are Telegram's test DCs (the key exchange's dc field gets +10000)
 * @param pingInterval   how often to send ping_delay_disconnect on an idle connection
 * @param maxBackoff     the longest wait between reconnect attempts
 */
record ConnectionSettings(List<RsaPublicKey> serverKeys, TransportKind transport, boolean obfuscated, AppInfo appInfo,
        int layer, boolean testServers, Duration pingInterval, Duration maxBackoff, RandomSource random, Clock clock) {
}
