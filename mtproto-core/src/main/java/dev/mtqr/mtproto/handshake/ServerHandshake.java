package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.AesIge;
import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.BigIntegers;
import dev.mtqr.mtproto.crypto.DhKeyPair;
import dev.mtqr.mtproto.crypto.HandshakeKeys;
import dev.mtqr.mtproto.crypto.KeyIv;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaLegacy;
import dev.mtqr.mtproto.crypto.RsaPad;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import dev.mtqr.tl.Int128;
import dev.mtqr.tl.Int256;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.mtproto.ClientDHInnerData;
import dev.mtqr.tl.mtproto.ClientDHInnerDataType;
import dev.mtqr.tl.mtproto.DhGenOk;
import dev.mtqr.tl.mtproto.DhGenRetry;
import dev.mtqr.tl.mtproto.PQInnerData;
import dev.mtqr.tl.mtproto.PQInnerDataDc;
import dev.mtqr.tl.mtproto.PQInnerDataTemp;
import dev.mtqr.tl.mtproto.PQInnerDataTempDc;
import dev.mtqr.tl.mtproto.PQInnerDataType;
import dev.mtqr.tl.mtproto.ReqDHParams;
import dev.mtqr.tl.mtproto.ReqPq;
import dev.mtqr.tl.mtproto.ReqPqMulti;
import dev.mtqr.tl.mtproto.ResPQ;
import dev.mtqr.tl.mtproto.ServerDHInnerData;
import dev.mtqr.tl.mtproto.ServerDHParamsOk;
import dev.mtqr.tl.mtproto.SetClientDHParams;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The server side of the auth-key exchange as a message-level state machine (no I/O), strict like Telegram's:
 * it answers {@code req_pq_multi} (or the old {@code req_pq}) with resPQ and the cluster's fingerprints, takes
 * {@code req_DH_params} encrypted with RSA_PAD or with the legacy SHA-1 padding (older clients), carrying
 * {@code p_q_inner_data_dc}, {@code p_q_inner_data_temp_dc} or the old {@code p_q_inner_data}, and completes
 * with {@code dh_gen_ok} after checking the client's g_b. A request that does not fit is a
 * {@link SecurityCheckException}; the connection should then be closed.
 */
public final class ServerHandshake {
    private enum State { AWAIT_REQ_PQ, AWAIT_REQ_DH, AWAIT_SET_CLIENT_DH, DONE, FAILED }

    private final ServerOptions options;
    private final RandomSource random;
    private final Clock clock;

    private State state = State.AWAIT_REQ_PQ;
    private Int128 nonce;
    private Int128 serverNonce;
    private byte[] pq;
    private byte[] p;
    private byte[] q;
    private Int256 newNonce;
    private int expiresIn;
    private int dc;
    private KeyIv tmp;
    private DhKeyPair dh;
    private long expectedRetryId;
    private int retriesLeft;

    public ServerHandshake(ServerOptions options, RandomSource random, Clock clock) {
        this.options = options;
        this.random = random;
        this.clock = clock;
        this.retriesLeft = options.forcedRetries();
    }

    /**
     * Takes the client's next request and says what to answer.
     *
     * @throws SecurityCheckException if the request must be refused; the handshake is failed afterwards
     */
    public ServerStep onRequest(TlObject request) {
        try {
            return switch (state) {
                case AWAIT_REQ_PQ -> onReqPq(request);
                case AWAIT_REQ_DH -> onReqDh(HandshakeMessages.expect(request, ReqDHParams.class));
                case AWAIT_SET_CLIENT_DH -> onSetClientDh(HandshakeMessages.expect(request, SetClientDHParams.class));
                default -> throw new IllegalStateException("the handshake is " + state);
            };
        } catch (SecurityCheckException e) {
            state = State.FAILED;
            tmp = null;
            dh = null;
            newNonce = null;
            throw e;
        }
    }

    private ServerStep onReqPq(TlObject request) {
        if (request instanceof ReqPqMulti multi) {
            nonce = multi.nonce();
        } else {
            nonce = HandshakeMessages.expect(request, ReqPq.class).nonce();
        }
        serverNonce = Int128.of(random.bytes(16));
        long[] primes = twoPrimes();
        p = minimal(primes[0]);
        q = minimal(primes[1]);
        pq = minimal(primes[0] * primes[1]);
        List<Long> fingerprints = options.keys().stream().map(k -> k.publicKey().fingerprint()).toList();
        state = State.AWAIT_REQ_DH;
        return new ServerStep.Reply(new ResPQ(nonce, serverNonce, pq, fingerprints));
    }

    private ServerStep onReqDh(ReqDHParams request) {
        checkNonces(request.nonce(), request.serverNonce());
        if (!Arrays.equals(request.p(), p) || !Arrays.equals(request.q(), q)) {
            throw new SecurityCheckException(Check.PQ, "req_DH_params carries other factors than those of pq");
        }
        RsaPrivateKey key = options.keys().stream()
                .filter(k -> k.publicKey().fingerprint() == request.publicKeyFingerprint()).findFirst()
                .orElseThrow(() -> new SecurityCheckException(Check.FINGERPRINT, "req_DH_params names key "
                        + Long.toHexString(request.publicKeyFingerprint()) + ", which resPQ did not offer"));
        PQInnerDataType inner = decryptInnerData(request.encryptedData(), key);
        readInnerData(inner);
        tmp = HandshakeKeys.tmpAesKeyIv(serverNonce.toByteArray(), newNonce.toByteArray());
        dh = DhKeyPair.generate(options.dhPrime(), options.g(), random);
        ServerDHInnerData answer = new ServerDHInnerData(nonce, serverNonce, options.g(),
                BigIntegers.toFixed(options.dhPrime(), DhKeyPair.BYTES), dh.publicBytes(),
                (int) clock.instant().getEpochSecond());
        byte[] encrypted = AesIge.encrypt(tmp.key(), tmp.iv(), AnswerWithHash.wrap(answer, random));
        state = State.AWAIT_SET_CLIENT_DH;
        return new ServerStep.Reply(new ServerDHParamsOk(nonce, serverNonce, encrypted));
    }

    /** RSA_PAD first; if its hash does not match, the legacy scheme (SHA-1 ‖ data ‖ padding, raw RSA). */
    private static PQInnerDataType decryptInnerData(byte[] encrypted, RsaPrivateKey key) {
        try {
            byte[] data = RsaPad.decrypt(encrypted, key);
            return read(TlReader.of(data, TlRegistry.EMPTY));
        } catch (SecurityCheckException notRsaPad) {
            byte[] dataWithHash = RsaLegacy.decrypt(encrypted, key);
            TlReader in = TlReader.of(dataWithHash, 20, dataWithHash.length - 20, TlRegistry.EMPTY);
            PQInnerDataType inner = read(in);
            RsaLegacy.checkHash(dataWithHash, in.position());
            return inner;
        }
    }

    private static PQInnerDataType read(TlReader in) {
        try {
            return PQInnerDataType.read(in);
        } catch (TlDecodeException e) {
            throw new SecurityCheckException(Check.RSA, "encrypted_data holds no p_q_inner_data: " + e.getMessage(), e);
        }
    }

    private void readInnerData(PQInnerDataType inner) {
        byte[] innerPq;
        byte[] innerP;
        byte[] innerQ;
        if (inner instanceof PQInnerDataDc d) {
            innerPq = d.pq(); innerP = d.p(); innerQ = d.q();
            checkNonces(d.nonce(), d.serverNonce());
            newNonce = d.newNonce();
            dc = d.dc();
        } else if (inner instanceof PQInnerDataTempDc d) {
            innerPq = d.pq(); innerP = d.p(); innerQ = d.q();
            checkNonces(d.nonce(), d.serverNonce());
            newNonce = d.newNonce();
            dc = d.dc();
            expiresIn = d.expiresIn();
        } else if (inner instanceof PQInnerData d) {
            innerPq = d.pq(); innerP = d.p(); innerQ = d.q();
            checkNonces(d.nonce(), d.serverNonce());
            newNonce = d.newNonce();
        } else {
            PQInnerDataTemp d = (PQInnerDataTemp) inner;
            innerPq = d.pq(); innerP = d.p(); innerQ = d.q();
            checkNonces(d.nonce(), d.serverNonce());
            newNonce = d.newNonce();
            expiresIn = d.expiresIn();
        }
        if (!Arrays.equals(innerPq, pq) || !Arrays.equals(innerP, p) || !Arrays.equals(innerQ, q)) {
            throw new SecurityCheckException(Check.PQ, "p_q_inner_data carries another pq, p or q");
        }
        if (expiresIn < 0) {
            throw new SecurityCheckException(Check.UNEXPECTED_MESSAGE, "expires_in " + expiresIn + " is negative");
        }
    }

    private ServerStep onSetClientDh(SetClientDHParams request) {
        checkNonces(request.nonce(), request.serverNonce());
        byte[] encrypted = request.encryptedData();
        if (encrypted.length == 0 || encrypted.length % 16 != 0) {
            throw new SecurityCheckException(Check.ANSWER_HASH, "encrypted_data of " + encrypted.length
                    + " bytes is not a positive multiple of 16");
        }
        byte[] decrypted = AesIge.decrypt(tmp.key(), tmp.iv(), encrypted);
        ClientDHInnerData inner = (ClientDHInnerData) AnswerWithHash.unwrap(decrypted, ClientDHInnerDataType::read,
                Check.ANSWER_HASH, "client_DH_inner_data");
        checkNonces(inner.nonce(), inner.serverNonce());
        if (inner.retryId() != expectedRetryId) {
            throw new SecurityCheckException(Check.UNEXPECTED_MESSAGE, "retry_id is not the aux_hash of the last key");
        }
        AuthKey key = new AuthKey(dh.sharedSecret(BigIntegers.unsigned(inner.gB()), options.dhPrime(), "g_b"));
        if (retriesLeft > 0) {
            retriesLeft--;
            expectedRetryId = key.auxHash();
            return new ServerStep.Reply(new DhGenRetry(nonce, serverNonce, NonceHashes.newNonceHash(newNonce, 2, key)));
        }
        HandshakeResult result = new HandshakeResult(key, NonceHashes.serverSalt(newNonce, serverNonce), 0, expiresIn, dc);
        DhGenOk ok = new DhGenOk(nonce, serverNonce, NonceHashes.newNonceHash(newNonce, 1, key));
        state = State.DONE;
        tmp = null;
        dh = null;
        return new ServerStep.Done(ok, result);
    }

    /** Two distinct random primes in [2^30, 2^31), smaller first, so that pq fits 62 bits as Telegram's does. */
    private void checkNonces(Int128 receivedNonce, Int128 receivedServerNonce) {
        HandshakeMessages.checkNonces(nonce, receivedNonce, serverNonce, receivedServerNonce);
    }

    private long[] twoPrimes() {
        long first;
        long second;
        do {
            first = randomPrime();
            second = randomPrime();
        } while (first == second);
        return new long[] {Math.min(first, second), Math.max(first, second)};
    }

    private long randomPrime() {
        byte[] bytes = random.bytes(4);
        long start = ((bytes[0] & 0x3FL) << 24 | (bytes[1] & 0xFFL) << 16 | (bytes[2] & 0xFFL) << 8 | (bytes[3] & 0xFFL))
                | (1L << 30);
        long prime = BigInteger.valueOf(start).nextProbablePrime().longValue();
        return prime < (1L << 31) ? prime : BigInteger.valueOf(1L << 30).nextProbablePrime().longValue();
    }

    private static byte[] minimal(long value) {
        return BigIntegers.toMinimal(BigInteger.valueOf(value));
    }


}
