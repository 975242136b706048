package dev.mtqr.qrlogin;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.testkit.TestPhones;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        MtprotoClient client = cluster.clientBuilder().appInfo(AppInfo.of(4)).clock(clock).mainDc(mainDc)
                .callTimeout(Duration.ofSeconds(20)).build();
        clients.add(client);
        return client;
    }

    /** A client logged in by phone as the account {@code phone} (test-DC convention), as a phone that scans. */
    MtprotoClient phone(String phone, String password) throws Exception {
        MtprotoClient client = client(1, Clock.systemUTC());
        TestPhones.logInNow(client, phone, password);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(MtprotoClient::close);
        cluster.close();
    }
}
