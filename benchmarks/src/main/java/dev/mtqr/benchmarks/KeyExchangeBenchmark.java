package dev.mtqr.benchmarks;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.mtproto.handshake.ClientHandshake;
import dev.mtqr.mtproto.handshake.ClientOptions;
import dev.mtqr.mtproto.handshake.ClientStep;
import dev.mtqr.mtproto.handshake.HandshakeResult;
import dev.mtqr.mtproto.handshake.ServerHandshake;
import dev.mtqr.mtproto.handshake.ServerOptions;
import dev.mtqr.mtproto.handshake.ServerStep;
import dev.mtqr.tl.TlObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client's compute for one auth-key exchange: factorising pq, RSA_PAD, decrypting and checking the DH
 * parameters, g^b and g_a^b, the final hash. The server's answers are recorded once in setup for a client whose
 * randomness is replayed, so each run sees the same answers and only the client works.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KeyExchangeBenchmark {
    private static final long CLIENT_SEED = 1;
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private ClientOptions options;
    private final List<TlObject> answers = new ArrayList<>();

    @Setup
    public void setUp() {
        RsaPrivateKey key = RsaPrivateKey.generate(2048);
        options = ClientOptions.permanent(List.of(key.publicKey()), 2);
        Random serverRandom = new Random(2);
        ServerHandshake server = new ServerHandshake(ServerOptions.standard(List.of(key)), serverRandom::nextBytes, clock);
        ClientHandshake client = new ClientHandshake(options, clientRandom(), clock);
        TlObject request = client.start();
        while (true) {
            ServerStep step = server.onRequest(request);
            TlObject answer = step instanceof ServerStep.Done done ? done.answer() : ((ServerStep.Reply) step).answer();
            answers.add(answer);
            if (client.onAnswer(answer) instanceof ClientStep.Send send) {
                request = send.request();
            } else {
                break;
            }
        }
    }

    private static RandomSource clientRandom() {
        Random random = new Random(CLIENT_SEED);
        return random::nextBytes;
    }

    @Benchmark
    public HandshakeResult clientSide() {
        ClientHandshake client = new ClientHandshake(options, clientRandom(), clock);
        client.start();
        ClientStep step = null;
        for (TlObject answer : answers) {
            step = client.onAnswer(answer);
        }
        return ((ClientStep.Done) step).result();
    }
}
