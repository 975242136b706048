package dev.mtqr.benchmarks;

import dev.mtqr.mtproto.crypto.BigIntegers;
import dev.mtqr.mtproto.crypto.DhChecks;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.Srp;
import dev.mtqr.mtproto.crypto.SrpAnswer;
import dev.mtqr.mtproto.crypto.SrpServer;
import java.nio.charset.StandardCharsets;
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
 * The client's 2FA answer (core.telegram.org/api/srp): PBKDF2-HMAC-SHA512 with 100000 iterations, then the SRP
 * arithmetic with Telegram's 2048-bit prime. The PBKDF2 dominates by design.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class SrpBenchmark {
    private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private final byte[] salt1 = new byte[40];
    private final byte[] salt2 = new byte[16];
    private final byte[] p = BigIntegers.toFixed(DhChecks.TELEGRAM_PRIME, 256);
    private byte[] srpB;
    private RandomSource random;

    @Setup
    public void setUp() {
        Random seeded = new Random(3);
        seeded.nextBytes(salt1);
        seeded.nextBytes(salt2);
        random = seeded::nextBytes;
        byte[] verifier = SrpServer.verifier(password, salt1, salt2, 3, p);
        srpB = SrpServer.challenge(verifier, 3, p, random).srpB();
    }

    @Benchmark
    public SrpAnswer clientAnswer() {
        return Srp.answer(password, salt1, salt2, 3, p, srpB, random);
    }
}
