package dev.mtqr.mtproto.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.BigIntegers;
import dev.mtqr.mtproto.crypto.DhChecks;
import dev.mtqr.mtproto.crypto.PqFactorizer;
import dev.mtqr.mtproto.crypto.RsaLegacy;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.tl.Int256;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.mtproto.PQInnerData;
import dev.mtqr.tl.mtproto.ReqDHParams;
import dev.mtqr.tl.mtproto.ReqPq;
import dev.mtqr.tl.mtproto.ResPQ;
import dev.mtqr.tl.mtproto.ServerDHParamsOk;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Our client and our server complete exchanges with each other and agree on everything. */
class ClientServerExchangeTest {
    private static HandshakeResult[] run(Exchange exchange) {
        TlObject request = exchange.client.start();
        for (int round = 0; round < 10; round++) {
            ServerStep answer = exchange.server.onRequest(request);
            TlObject reply = answer instanceof ServerStep.Done done ? done.answer() : ((ServerStep.Reply) answer).answer();
            ClientStep next = exchange.client.onAnswer(reply);
            if (next instanceof ClientStep.Done clientDone) {
                HandshakeResult serverResult = assertInstanceOf(ServerStep.Done.class, answer).result();
                return new HandshakeResult[] {clientDone.result(), serverResult};
            }
            request = ((ClientStep.Send) next).request();
        }
        throw new AssertionError("the exchange did not complete");
    }

    @Property(tries = 12)
    void clientAndServerAgreeOnKeySaltAndKind(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int retries,
            @ForAll boolean temporary) {
        ClientOptions client = temporary
                ? new ClientOptions(List.of(Exchange.SERVER_KEY.publicKey()), 10002, ClientOptions.InnerData.WITH_DC, 3600)
                : ClientOptions.permanent(List.of(Exchange.SERVER_KEY.publicKey()), 2);
        ServerOptions server = new ServerOptions(List.of(Exchange.SERVER_KEY), DhChecks.TELEGRAM_PRIME, 3, retries);
        HandshakeResult[] results = run(new Exchange(seed, client, server));
        assertArrayEquals(results[0].authKey().bytes(), results[1].authKey().bytes());
        assertEquals(results[0].authKey().id(), results[1].authKey().id());
        assertEquals(results[0].serverSalt(), results[1].serverSalt());
        assertEquals(temporary ? 3600 : 0, results[1].expiresIn());
        assertEquals(temporary ? 10002 : 2, results[1].dcId());
        assertTrue(Math.abs(results[0].serverTimeOffset()) <= 1);
    }

    @Test
    void theServerAcceptsTheOldReqPqAndLegacyRsaWithOldInnerData() {
        Exchange exchange = new Exchange(7);
        RsaPrivateKey key = Exchange.SERVER_KEY;
        ResPQ resPq = (ResPQ) exchange.serverReply(new ReqPq(dev.mtqr.tl.Int128.of(new byte[16])));
        // What Telethon 1.25 sends: p_q_inner_data without dc, SHA1-padded and raw-RSA encrypted.
        long[] factors = PqFactorizer.factorize(resPq.pq());
        byte[] p = BigIntegers.toMinimal(BigInteger.valueOf(factors[0]));
        byte[] q = BigIntegers.toMinimal(BigInteger.valueOf(factors[1]));
        Int256 newNonce = Int256.of(new byte[32]);
        byte[] inner = new PQInnerData(resPq.pq(), p, q, resPq.nonce(), resPq.serverNonce(), newNonce)
                .toByteArray();
        ReqDHParams legacy = new ReqDHParams(resPq.nonce(), resPq.serverNonce(), p, q,
                key.publicKey().fingerprint(), RsaLegacy.encrypt(inner, key.publicKey(), exchange.random));
        assertInstanceOf(ServerDHParamsOk.class, exchange.serverReply(legacy));
    }
}
