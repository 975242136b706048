package dev.mtqr.benchmarks;

import dev.mtqr.mtproto.crypto.AesIge;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-IGE throughput at three sizes, into a reused destination. Compare with
 * {@code openssl speed -evp aes-256-cbc} on the same machine: serial CBC encryption is the ceiling for IGE.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AesIgeBenchmark {
    @Param({"256", "4096", "1048576"})
    int size;

    private final byte[] key = new byte[32];
    private final byte[] iv = new byte[32];
    private byte[] plaintext;
    private byte[] ciphertext;
    private byte[] out;

    @Setup
    public void setUp() {
        Random random = new Random(size);
        random.nextBytes(key);
        random.nextBytes(iv);
        plaintext = new byte[size];
        random.nextBytes(plaintext);
        ciphertext = AesIge.encrypt(key, iv, plaintext);
        out = new byte[size];
    }

    @Benchmark
    public byte[] encrypt() {
        AesIge.encrypt(key, iv, plaintext, 0, out, 0, size);
        return out;
    }

    @Benchmark
    public byte[] decrypt() {
        AesIge.decrypt(key, iv, ciphertext, 0, out, 0, size);
        return out;
    }
}
