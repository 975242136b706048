package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.AesIge;
import dev.mtqr.mtproto.crypto.HandshakeKeys;
import dev.mtqr.mtproto.crypto.KeyIv;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPad;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.tl.Int256;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.mtproto.PQInnerDataDc;
import dev.mtqr.tl.mtproto.PQInnerDataType;
import dev.mtqr.tl.mtproto.ReqDHParams;
import dev.mtqr.tl.mtproto.ServerDHInnerData;
import dev.mtqr.tl.mtproto.ServerDHParamsOk;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** A client and a server that talk in memory, and the means to forge what a hostile server would send. */
final class Exchange {
    /** One 2048-bit server key for all tests (making one takes a while). */
    static final RsaPrivateKey SERVER_KEY = RsaPrivateKey.generate(2048);

    final RandomSource random;
    final ClientHandshake client;
    final ServerHandshake server;

    Exchange(long seed, ClientOptions clientOptions, ServerOptions serverOptions) {
        Random seeded = new Random(seed);
        this.random = seeded::nextBytes;
        this.client = new ClientHandshake(clientOptions, random, Clock.systemUTC());
        this.server = new ServerHandshake(serverOptions, random, Clock.systemUTC());
    }

    Exchange(long seed) {
        this(seed, ClientOptions.permanent(List.of(SERVER_KEY.publicKey()), 2),
                ServerOptions.standard(List.of(SERVER_KEY)));
    }

    /** The server's answer to {@code request}, which must not complete the exchange. */
    TlObject serverReply(TlObject request) {
        return ((ServerStep.Reply) server.onRequest(request)).answer();
    }

    /** The client's next request after {@code answer}. */
    TlObject clientSends(TlObject answer) {
        return ((ClientStep.Send) client.onAnswer(answer)).request();
    }

    /** The new_nonce the client put in {@code request}, read the way the server reads it. */
    static Int256 newNonce(ReqDHParams request) {
        PQInnerDataType inner = PQInnerDataType.read(TlReader.of(RsaPad.decrypt(request.encryptedData(), SERVER_KEY)));
        return ((PQInnerDataDc) inner).newNonce();
    }

    /**
     * A server_DH_params_ok for {@code request} carrying {@code inner}, framed as SHA1 ‖ data ‖ padding and then
     * passed through {@code tamper} before encryption.
     */
    ServerDHParamsOk forgeDhParams(ReqDHParams request, ServerDHInnerData inner, UnaryOperator<byte[]> tamper) {
        KeyIv tmp = HandshakeKeys.tmpAesKeyIv(request.serverNonce().toByteArray(), newNonce(request).toByteArray());
        byte[] framed = tamper.apply(AnswerWithHash.wrap(inner, random));
        return new ServerDHParamsOk(request.nonce(), request.serverNonce(), AesIge.encrypt(tmp.key(), tmp.iv(), framed));
    }
}
