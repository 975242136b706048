package dev.mtqr.qrlogin;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.mtproto.crypto.Srp;
import dev.mtqr.mtproto.crypto.SrpAnswer;
import dev.mtqr.mtproto.rpc.SessionPasswordNeededException;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.tl.api.AccountGetPassword;
import dev.mtqr.tl.api.AccountPassword;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.AuthSendCode;
import dev.mtqr.tl.api.AuthSentCode;
import dev.mtqr.tl.api.AuthSignIn;
import dev.mtqr.tl.api.CodeSettings;
import dev.mtqr.tl.api.InputCheckPasswordSRP;
import dev.mtqr.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** A two-DC test cluster with clients for the new device and for the phone that scans. */
final class LoginCluster implements AutoCloseable {
    static final RsaPrivateKey KEY = RsaPrivateKey.generate(2048);

    final TestCluster cluster;
    private final List<MtprotoClient> clients = new ArrayList<>();

    LoginCluster(Duration tokenTtl) {
        cluster = TestCluster.builder().dcs(2).rsaKey(KEY).tokenTtl(tokenTtl).start();
    }

    /** A client whose main DC is {@code mainDc}, with {@code clock} as its local time. */
    MtprotoClient client(int mainDc, Clock clock) {
        MtprotoClient.Builder builder = MtprotoClient.builder().serverKeys(List.of(cluster.publicKey()))
                .appInfo(AppInfo.of(4)).clock(clock).mainDc(mainDc).callTimeout(Duration.ofSeconds(20));
        for (int dc = 1; dc <= 2; dc++) {
            builder.dc(new DcAddress(dc, "127.0.0.1", cluster.address(dc).getPort()));
        }
        MtprotoClient client = builder.build();
        clients.add(client);
        return client;
    }

    /** A client logged in by phone as the account {@code phone} (test-DC convention), as a phone that scans. */
    MtprotoClient phone(String phone, String password) throws Exception {
        MtprotoClient client = client(1, Clock.systemUTC());
        AuthSentCode sent = (AuthSentCode) client.invoke(new AuthSendCode(phone, 4, "hash",
                new CodeSettings(false, false, false, false, false, false, null, null, null))).get(20, TimeUnit.SECONDS);
        String code = String.valueOf(phone.charAt(5)).repeat(5);
        try {
            client.invoke(new AuthSignIn(phone, sent.phoneCodeHash(), code, null)).get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof SessionPasswordNeededException)) {
                throw e;
            }
            client.invoke(new AuthCheckPassword(srp(client, password))).get(20, TimeUnit.SECONDS);
        }
        return client;
    }

    static InputCheckPasswordSRP srp(MtprotoClient client, String password) {
        try {
            AccountPassword state = (AccountPassword) client.invoke(new AccountGetPassword()).get(20, TimeUnit.SECONDS);
            var algo = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) state.currentAlgo();
            SrpAnswer answer = Srp.answer(password.getBytes(StandardCharsets.UTF_8), algo.salt1(), algo.salt2(),
                    algo.g(), algo.p(), state.srpB(), RandomSource.secure());
            return new InputCheckPasswordSRP(state.srpId(), answer.a(), answer.m1());
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    @Override
    public void close() {
        clients.forEach(MtprotoClient::close);
        cluster.close();
    }
}
