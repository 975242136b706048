package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.HexFormat;

/** Buffers for tests: pooled (so that the leak detector tracks them) and read back into arrays. */
final class TestBuffers {
    private TestBuffers() {
    }

    /** A pooled buffer holding {@code bytes}, tracked by Netty's leak detector. */
    static ByteBuf buffer(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.heapBuffer(bytes.length).writeBytes(bytes);
    }

    /** A pooled buffer holding the bytes of {@code hex}. */
    static ByteBuf buffer(String hex) {
        return buffer(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    /** The readable bytes of {@code buf}, which is released. */
    static byte[] drain(ByteBuf buf) {
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** {@code count} bytes 0, 1, 2, ... (mod 251, so that no pattern repeats at powers of two). */
    static byte[] pattern(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
