package dev.mtqr.benchmarks;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.RandomSource;
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
 * One MTProto 2.0 message of 256 bytes of plaintext encrypted by the client (msg_key, KDF, padding, IGE) and
 * decrypted by the server with every receive-side check (core.telegram.org/mtproto/description).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MessageCryptoBenchmark {
    private AuthKey key;
    private byte[] plaintext;
    private RandomSource random;

    @Setup
    public void setUp() {
        Random seeded = new Random(256);
        byte[] keyBytes = new byte[256];
        seeded.nextBytes(keyBytes);
        key = new AuthKey(keyBytes);
        plaintext = new byte[256];
        seeded.nextBytes(plaintext);
        // salt, session, msg_id, seq_no, then message_data_length = 256 - 32 so the receive checks pass
        int length = 256 - 32;
        plaintext[28] = (byte) length;
        plaintext[29] = (byte) (length >>> 8);
        plaintext[30] = 0;
        plaintext[31] = 0;
        random = seeded::nextBytes;
    }

    @Benchmark
    public byte[] encryptThenDecrypt256() {
        byte[] message = MessageCrypto.encrypt(key, plaintext, MessageCrypto.CLIENT, random);
        return MessageCrypto.decrypt(key, message, 0, message.length, MessageCrypto.CLIENT);
    }
}
