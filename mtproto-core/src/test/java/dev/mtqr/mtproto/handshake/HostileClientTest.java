package dev.mtqr.mtproto.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.mtproto.crypto.AesIge;
import dev.mtqr.mtproto.crypto.BigIntegers;
import dev.mtqr.mtproto.crypto.HandshakeKeys;
import dev.mtqr.mtproto.crypto.KeyIv;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import dev.mtqr.tl.Int128;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.mtproto.ClientDHInnerData;
import dev.mtqr.tl.mtproto.ReqDHParams;
import dev.mtqr.tl.mtproto.ResPQ;
import dev.mtqr.tl.mtproto.ServerDHParamsOk;
import dev.mtqr.tl.mtproto.SetClientDHParams;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The server side refuses what a strict server refuses. */
class HostileClientTest {
    private final Exchange exchange = new Exchange(99);

    private void assertRefused(TlObject request, Check check) {
        SecurityCheckException e = assertThrows(SecurityCheckException.class, () -> exchange.server.onRequest(request));
        assertEquals(check, e.check(), e.getMessage());
        assertThrows(IllegalStateException.class, () -> exchange.server.onRequest(request));
    }

    private ReqDHParams reqDh() {
        return (ReqDHParams) exchange.clientSends(exchange.serverReply(exchange.client.start()));
    }

    @Test
    void refusesFactorsThatAreNotThoseOfPq() {
        ReqDHParams honest = reqDh();
        assertRefused(new ReqDHParams(honest.nonce(), honest.serverNonce(), honest.q(), honest.p(),
                honest.publicKeyFingerprint(), honest.encryptedData()), Check.PQ);
    }

    @Test
    void refusesAKeyItDidNotOffer() {
        ReqDHParams honest = reqDh();
        assertRefused(new ReqDHParams(honest.nonce(), honest.serverNonce(), honest.p(), honest.q(), 77L,
                honest.encryptedData()), Check.FINGERPRINT);
    }

    @Test
    void refusesEncryptedDataThatIsNeitherRsaPadNorLegacy() {
        ReqDHParams honest = reqDh();
        byte[] tampered = honest.encryptedData().clone();
        tampered[100] ^= 1;
        assertRefused(new ReqDHParams(honest.nonce(), honest.serverNonce(), honest.p(), honest.q(),
                honest.publicKeyFingerprint(), tampered), Check.RSA);
    }

    @Test
    void refusesAnotherServerNonce() {
        ReqDHParams honest = reqDh();
        assertRefused(new ReqDHParams(honest.nonce(), new Int128(1, 1), honest.p(), honest.q(),
                honest.publicKeyFingerprint(), honest.encryptedData()), Check.SERVER_NONCE);
    }

    @Test
    void refusesGbOutOfRange() {
        ReqDHParams request = reqDh();
        exchange.serverReply(request);
        KeyIv tmp = HandshakeKeys.tmpAesKeyIv(request.serverNonce().toByteArray(),
                Exchange.newNonce(request).toByteArray());
        ClientDHInnerData inner = new ClientDHInnerData(request.nonce(), request.serverNonce(), 0,
                BigIntegers.toFixed(BigInteger.ONE, 256));
        byte[] encrypted = AesIge.encrypt(tmp.key(), tmp.iv(), AnswerWithHash.wrap(inner, exchange.random));
        assertRefused(new SetClientDHParams(request.nonce(), request.serverNonce(), encrypted), Check.DH_RANGE);
    }

    @Test
    void refusesClientDataWhoseHashDoesNotMatch() {
        SetClientDHParams honest = (SetClientDHParams) exchange.clientSends(exchange.serverReply(reqDh()));
        byte[] tampered = Arrays.copyOf(honest.encryptedData(), honest.encryptedData().length);
        tampered[5] ^= 0x40;
        assertRefused(new SetClientDHParams(honest.nonce(), honest.serverNonce(), tampered), Check.ANSWER_HASH);
    }

    @Test
    void refusesRequestsOutOfOrder() {
        ResPQ resPq = (ResPQ) exchange.serverReply(exchange.client.start());
        assertRefused(new ServerDHParamsOk(resPq.nonce(), resPq.serverNonce(), new byte[16]), Check.UNEXPECTED_MESSAGE);
    }
}
