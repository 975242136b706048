package dev.mtqr.mtproto.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.BigIntegers;
import dev.mtqr.mtproto.crypto.DhChecks;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import dev.mtqr.tl.Int128;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.mtproto.DhGenFail;
import dev.mtqr.tl.mtproto.DhGenOk;
import dev.mtqr.tl.mtproto.ReqDHParams;
import dev.mtqr.tl.mtproto.ResPQ;
import dev.mtqr.tl.mtproto.ServerDHInnerData;
import dev.mtqr.tl.mtproto.ServerDHParamsOk;
import dev.mtqr.tl.mtproto.SetClientDHParams;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A hostile server, one test per refusal that core.telegram.org/mtproto/auth_key asks of a client. Each ends with
 * a SecurityCheckException naming the check, and the client holds no key afterwards.
 */
class HostileServerTest {
    /** A 2048-bit prime p whose (p-1)/2 is not prime (found once; a random prime is almost never safe). */
    private static final BigInteger UNSAFE_PRIME = BigInteger.probablePrime(2048, new Random(2048));

    private final Exchange exchange = new Exchange(42);

    private ResPQ resPq() {
        return (ResPQ) exchange.serverReply(exchange.client.start());
    }

    private ReqDHParams reqDh() {
        return (ReqDHParams) exchange.clientSends(resPq());
    }

    private ServerDHInnerData honestInner(ReqDHParams request, int g, BigInteger p, BigInteger gA) {
        return new ServerDHInnerData(request.nonce(), request.serverNonce(), g, BigIntegers.toFixed(p, 256),
                BigIntegers.toFixed(gA, 256), (int) (System.currentTimeMillis() / 1000));
    }

    private static BigInteger validGa() {
        return BigInteger.valueOf(3).modPow(BigInteger.ONE.shiftLeft(2000).add(BigInteger.TEN), DhChecks.TELEGRAM_PRIME);
    }

    private void assertRefused(TlObject answer, Check check) {
        SecurityCheckException e = assertThrows(SecurityCheckException.class, () -> exchange.client.onAnswer(answer));
        assertEquals(check, e.check(), e.getMessage());
        assertTrue(e.getMessage().startsWith(check + ": "), e.getMessage());
        assertTrue(exchange.client.failed());
        assertTrue(exchange.client.result().isEmpty(), "nothing is stored after a refusal");
        assertThrows(IllegalStateException.class, () -> exchange.client.onAnswer(answer));
    }

    @Test
    void refusesResPqWithAnotherNonce() {
        ResPQ honest = resPq();
        assertRefused(new ResPQ(new Int128(1, 2), honest.serverNonce(), honest.pq(), honest.serverPublicKeyFingerprints()),
                Check.NONCE);
    }

    @Test
    void refusesResPqWithoutAKnownFingerprint() {
        ResPQ honest = resPq();
        assertRefused(new ResPQ(honest.nonce(), honest.serverNonce(), honest.pq(), List.of(0x1234L, -5L)),
                Check.FINGERPRINT);
    }

    @Test
    void refusesPqThatIsPrime() {
        ResPQ honest = resPq();
        byte[] prime = BigIntegers.toMinimal(BigInteger.valueOf(1_000_000_007L));
        assertRefused(new ResPQ(honest.nonce(), honest.serverNonce(), prime, honest.serverPublicKeyFingerprints()),
                Check.PQ);
    }

    @Test
    void refusesPqOfThreePrimes() {
        ResPQ honest = resPq();
        byte[] three = BigIntegers.toMinimal(BigInteger.valueOf(1009L * 1013L * 1019L));
        assertRefused(new ResPQ(honest.nonce(), honest.serverNonce(), three, honest.serverPublicKeyFingerprints()),
                Check.PQ);
    }

    @Test
    void refusesDhParamsWithAnotherServerNonce() {
        ServerDHParamsOk honest = (ServerDHParamsOk) exchange.serverReply(reqDh());
        assertRefused(new ServerDHParamsOk(honest.nonce(), new Int128(3, 4), honest.encryptedAnswer()),
                Check.SERVER_NONCE);
    }

    @Test
    void refusesDhParamsWithAnotherNonce() {
        ServerDHParamsOk honest = (ServerDHParamsOk) exchange.serverReply(reqDh());
        assertRefused(new ServerDHParamsOk(new Int128(5, 6), honest.serverNonce(), honest.encryptedAnswer()),
                Check.NONCE);
    }

    @Test
    void refusesAnAnswerWhoseHashDoesNotMatch() {
        ReqDHParams request = reqDh();
        UnaryOperator<byte[]> breakHash = framed -> {
            framed[3] ^= 1;
            return framed;
        };
        assertRefused(exchange.forgeDhParams(request, honestInner(request, 3, DhChecks.TELEGRAM_PRIME, validGa()), breakHash),
                Check.ANSWER_HASH);
    }

    @Test
    void refusesAnAnswerEncryptedWithAnotherKey() {
        ReqDHParams request = reqDh();
        byte[] noise = new byte[592];
        new Random(1).nextBytes(noise);
        assertRefused(new ServerDHParamsOk(request.nonce(), request.serverNonce(), noise), Check.ANSWER_HASH);
    }

    @Test
    void refusesAPrimeThatIsNotSafe() {
        ReqDHParams request = reqDh();
        assertRefused(exchange.forgeDhParams(request, honestInner(request, 3, UNSAFE_PRIME, BigInteger.ONE.shiftLeft(2000)),
                UnaryOperator.identity()), Check.DH_PRIME);
    }

    @Test
    void refusesGOutsideTwoToSeven() {
        ReqDHParams request = reqDh();
        assertRefused(exchange.forgeDhParams(request, honestInner(request, 8, DhChecks.TELEGRAM_PRIME, validGa()),
                UnaryOperator.identity()), Check.DH_GENERATOR);
    }

    @Test
    void refusesGFailingItsResidueCondition() {
        ReqDHParams request = reqDh();
        // Telegram's prime is 3 mod 8, so 2 is not a quadratic non-residue generator for it.
        assertRefused(exchange.forgeDhParams(request, honestInner(request, 2, DhChecks.TELEGRAM_PRIME, validGa()),
                UnaryOperator.identity()), Check.DH_GENERATOR);
    }

    @Test
    void refusesGaOutOfRange() {
        ReqDHParams request = reqDh();
        assertRefused(exchange.forgeDhParams(request, honestInner(request, 3, DhChecks.TELEGRAM_PRIME, BigInteger.TWO),
                UnaryOperator.identity()), Check.DH_RANGE);
    }

    @Test
    void refusesGaJustBelowTheTopOfTheRange() {
        ReqDHParams request = reqDh();
        BigInteger top = DhChecks.TELEGRAM_PRIME.subtract(BigInteger.ONE.shiftLeft(2048 - 64));
        assertRefused(exchange.forgeDhParams(request, honestInner(request, 3, DhChecks.TELEGRAM_PRIME, top),
                UnaryOperator.identity()), Check.DH_RANGE);
    }

    @Test
    void refusesAWrongNewNonceHash() {
        SetClientDHParams setDh = (SetClientDHParams) exchange.clientSends(exchange.serverReply(reqDh()));
        DhGenOk honest = (DhGenOk) ((ServerStep.Done) exchange.server.onRequest(setDh)).answer();
        Int128 wrong = new Int128(honest.newNonceHash1().lo() ^ 1, honest.newNonceHash1().hi());
        assertRefused(new DhGenOk(honest.nonce(), honest.serverNonce(), wrong), Check.NEW_NONCE_HASH);
    }

    @Test
    void stopsOnDhGenFail() {
        ReqDHParams request = reqDh();
        SetClientDHParams setDh = (SetClientDHParams) exchange.clientSends(exchange.serverReply(request));
        HandshakeResult serverSide = ((ServerStep.Done) exchange.server.onRequest(setDh)).result();
        Int128 hash3 = NonceHashes.newNonceHash(Exchange.newNonce(request), 3, serverSide.authKey());
        assertRefused(new DhGenFail(setDh.nonce(), setDh.serverNonce(), hash3), Check.DH_GEN_FAIL);
    }

    @Test
    void refusesAnAnswerOfTheWrongKind() {
        ResPQ honest = resPq();
        exchange.clientSends(honest);
        assertRefused(honest, Check.UNEXPECTED_MESSAGE);
    }

    @Test
    void theHonestServerIsAcceptedByTheSameSteps() {
        SetClientDHParams setDh = (SetClientDHParams) exchange.clientSends(exchange.serverReply(reqDh()));
        ServerStep.Done server = (ServerStep.Done) exchange.server.onRequest(setDh);
        ClientStep.Done client = (ClientStep.Done) exchange.client.onAnswer(server.answer());
        assertEquals(server.result().authKey(), client.result().authKey());
    }
}
