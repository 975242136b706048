package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.AesIge;
import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.BigIntegers;
import dev.mtqr.mtproto.crypto.DhExchange;
import dev.mtqr.mtproto.crypto.HandshakeKeys;
import dev.mtqr.mtproto.crypto.KeyIv;
import dev.mtqr.mtproto.crypto.PqFactorizer;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPad;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import dev.mtqr.tl.Int128;
import dev.mtqr.tl.Int256;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.mtproto.ClientDHInnerData;
import dev.mtqr.tl.mtproto.DhGenFail;
import dev.mtqr.tl.mtproto.DhGenOk;
import dev.mtqr.tl.mtproto.DhGenRetry;
import dev.mtqr.tl.mtproto.PQInnerData;
import dev.mtqr.tl.mtproto.PQInnerDataDc;
import dev.mtqr.tl.mtproto.PQInnerDataTempDc;
import dev.mtqr.tl.mtproto.ReqDHParams;
import dev.mtqr.tl.mtproto.ReqPqMulti;
import dev.mtqr.tl.mtproto.ResPQ;
import dev.mtqr.tl.mtproto.ServerDHInnerData;
import dev.mtqr.tl.mtproto.ServerDHInnerDataType;
import dev.mtqr.tl.mtproto.ServerDHParamsFail;
import dev.mtqr.tl.mtproto.ServerDHParamsOk;
import dev.mtqr.tl.mtproto.SetClientDHParams;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;

/**
 * The client side of the auth-key exchange as a message-level state machine (no I/O):
 * {@code req_pq_multi} → {@code req_DH_params} (RSA_PAD over {@code p_q_inner_data_dc}) →
 * {@code set_client_DH_params} → {@code dh_gen_ok}, following core.telegram.org/mtproto/auth_key and refusing
 * every answer a client must refuse there. A refusal is a {@link SecurityCheckException} naming the check; the
 * handshake is then failed and holds nothing.
 *
 * <pre>{@code
 * ClientHandshake handshake = new ClientHandshake(options, RandomSource.secure(), Clock.systemUTC());
 * ClientStep step = new ClientStep.Send(handshake.start());
 * while (step instanceof ClientStep.Send send) {
 *     step = handshake.onAnswer(exchange(send.request()));
 * }
 * HandshakeResult result = ((ClientStep.Done) step).result();
 * }</pre>
 */
public final class ClientHandshake {
    /** How many {@code dh_gen_retry} answers are accepted before giving up. */
    static final int MAX_RETRIES = 5;

    private enum State { NEW, AWAIT_RES_PQ, AWAIT_DH_PARAMS, AWAIT_DH_GEN, DONE, FAILED }

    private final ClientOptions options;
    private final RandomSource random;
    private final Clock clock;

    private State state = State.NEW;
    private Int128 nonce;
    private Int128 serverNonce;
    private Int256 newNonce;
    private KeyIv tmp;
    private BigInteger dhPrime;
    private int g;
    private BigInteger gA;
    private int serverTimeOffset;
    private int retries;
    private AuthKey pendingKey;
    private HandshakeResult result;

    public ClientHandshake(ClientOptions options, RandomSource random, Clock clock) {
        this.options = options;
        this.random = random;
        this.clock = clock;
    }

    /** The first request: {@code req_pq_multi} with a fresh random nonce. */
    public ReqPqMulti start() {
        if (state != State.NEW) {
            throw new IllegalStateException("the handshake has already started");
        }
        nonce = Int128.of(random.bytes(16));
        state = State.AWAIT_RES_PQ;
        return new ReqPqMulti(nonce);
    }

    /**
     * Takes the server's answer to the last request and says what to do next.
     *
     * @throws SecurityCheckException if the answer must be refused; the handshake is failed afterwards
     * @throws IllegalStateException  if the handshake is not waiting for an answer
     */
    public ClientStep onAnswer(TlObject answer) {
        try {
            return switch (state) {
                case AWAIT_RES_PQ -> onResPq(HandshakeMessages.expect(answer, ResPQ.class));
                case AWAIT_DH_PARAMS -> onServerDhParams(answer);
                case AWAIT_DH_GEN -> onDhGen(answer);
                default -> throw new IllegalStateException("the handshake is " + state + ", not waiting for an answer");
            };
        } catch (SecurityCheckException e) {
            fail();
            throw e;
        }
    }

    /** The result, once the exchange is complete. */
    public Optional<HandshakeResult> result() {
        return Optional.ofNullable(result);
    }

    /** Whether a refused answer ended this handshake. */
    public boolean failed() {
        return state == State.FAILED;
    }

    private ClientStep onResPq(ResPQ resPq) {
        checkNonces(resPq.nonce(), null);
        serverNonce = resPq.serverNonce();
        RsaPublicKey key = null;
        for (long fingerprint : resPq.serverPublicKeyFingerprints()) {
            key = options.serverKeys().stream().filter(k -> k.fingerprint() == fingerprint).findFirst().orElse(null);
            if (key != null) {
                break;
            }
        }
        if (key == null) {
            throw new SecurityCheckException(Check.FINGERPRINT, "the server offers no RSA key we know: "
                    + resPq.serverPublicKeyFingerprints());
        }
        long[] factors = PqFactorizer.factorize(resPq.pq());
        byte[] p = BigIntegers.toMinimal(new BigInteger(Long.toUnsignedString(factors[0])));
        byte[] q = BigIntegers.toMinimal(new BigInteger(Long.toUnsignedString(factors[1])));
        newNonce = Int256.of(random.bytes(32));
        TlObject inner;
        if (options.innerData() == ClientOptions.InnerData.LEGACY) {
            inner = new PQInnerData(resPq.pq(), p, q, nonce, serverNonce, newNonce);
        } else if (options.expiresIn() > 0) {
            inner = new PQInnerDataTempDc(resPq.pq(), p, q, nonce, serverNonce, newNonce, options.dc(), options.expiresIn());
        } else {
            inner = new PQInnerDataDc(resPq.pq(), p, q, nonce, serverNonce, newNonce, options.dc());
        }
        byte[] encrypted = RsaPad.encrypt(inner.toByteArray(), key, random);
        state = State.AWAIT_DH_PARAMS;
        return new ClientStep.Send(new ReqDHParams(nonce, serverNonce, p, q, key.fingerprint(), encrypted));
    }

    private ClientStep onServerDhParams(TlObject answer) {
        if (answer instanceof ServerDHParamsFail fail) {
            checkNonces(fail.nonce(), fail.serverNonce());
            throw new SecurityCheckException(Check.DH_GEN_FAIL, "the server answered server_DH_params_fail");
        }
        ServerDHParamsOk ok = HandshakeMessages.expect(answer, ServerDHParamsOk.class);
        checkNonces(ok.nonce(), ok.serverNonce());
        byte[] encrypted = ok.encryptedAnswer();
        if (encrypted.length == 0 || encrypted.length % 16 != 0) {
            throw new SecurityCheckException(Check.ANSWER_HASH, "encrypted_answer of " + encrypted.length
                    + " bytes is not a positive multiple of 16");
        }
        tmp = HandshakeKeys.tmpAesKeyIv(serverNonce.toByteArray(), newNonce.toByteArray());
        byte[] decrypted = AesIge.decrypt(tmp.key(), tmp.iv(), encrypted);
        ServerDHInnerDataType read = AnswerWithHash.unwrap(decrypted, ServerDHInnerDataType::read, Check.ANSWER_HASH,
                "server_DH_inner_data");
        ServerDHInnerData inner = (ServerDHInnerData) read;
        checkNonces(inner.nonce(), inner.serverNonce());
        dhPrime = BigIntegers.unsigned(inner.dhPrime());
        g = inner.g();
        gA = BigIntegers.unsigned(inner.gA());
        serverTimeOffset = (int) (inner.serverTime() - clock.instant().getEpochSecond());
        return sendClientDh(0);
    }

    private ClientStep sendClientDh(long retryId) {
        DhExchange dh = DhExchange.clientSide(dhPrime, g, gA, random);
        ClientDHInnerData inner = new ClientDHInnerData(nonce, serverNonce, retryId, dh.gBBytes());
        byte[] encrypted = AesIge.encrypt(tmp.key(), tmp.iv(), AnswerWithHash.wrap(inner, random));
        if (pendingKey != null) {
            pendingKey.destroy();
        }
        pendingKey = dh.authKey();
        state = State.AWAIT_DH_GEN;
        return new ClientStep.Send(new SetClientDHParams(nonce, serverNonce, encrypted));
    }

    private ClientStep onDhGen(TlObject answer) {
        if (answer instanceof DhGenOk ok) {
            checkNonces(ok.nonce(), ok.serverNonce());
            checkNewNonceHash(ok.newNonceHash1(), 1, "dh_gen_ok");
            result = new HandshakeResult(pendingKey, NonceHashes.serverSalt(newNonce, serverNonce), serverTimeOffset,
                    options.expiresIn(), options.innerData() == ClientOptions.InnerData.LEGACY ? 0 : options.dc());
            pendingKey = null;
            state = State.DONE;
            return new ClientStep.Done(result);
        }
        if (answer instanceof DhGenRetry retry) {
            checkNonces(retry.nonce(), retry.serverNonce());
            checkNewNonceHash(retry.newNonceHash2(), 2, "dh_gen_retry");
            if (++retries > MAX_RETRIES) {
                throw new SecurityCheckException(Check.DH_GEN_FAIL, "the server asked to retry more than "
                        + MAX_RETRIES + " times");
            }
            return sendClientDh(pendingKey.auxHash());
        }
        DhGenFail fail = HandshakeMessages.expect(answer, DhGenFail.class);
        checkNonces(fail.nonce(), fail.serverNonce());
        checkNewNonceHash(fail.newNonceHash3(), 3, "dh_gen_fail");
        throw new SecurityCheckException(Check.DH_GEN_FAIL, "the server answered dh_gen_fail");
    }

    private void checkNewNonceHash(Int128 received, int n, String what) {
        if (!received.equals(NonceHashes.newNonceHash(newNonce, n, pendingKey))) {
            throw new SecurityCheckException(Check.NEW_NONCE_HASH, "new_nonce_hash" + n + " of " + what
                    + " does not match the key");
        }
    }



    private void checkNonces(Int128 receivedNonce, Int128 receivedServerNonce) {
        HandshakeMessages.checkNonces(nonce, receivedNonce, serverNonce, receivedServerNonce);
    }

    private void fail() {
        state = State.FAILED;
        if (pendingKey != null) {
            pendingKey.destroy();
            pendingKey = null;
        }
        tmp = null;
        newNonce = null;
        result = null;
    }
}
