package dev.mtqr.mtproto.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The jqwik hook runs the leak check after a property; here every try releases what it allocates. */
@AddLifecycleHook(NettyLeakCheckHook.class)
class NettyLeakCheckHookTest {

    @Property(tries = 50)
    void releasedBuffersPass(@ForAll @IntRange(min = 1, max = 4096) int size) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(size).writeZero(size);
        assertEquals(size, buf.readableBytes());
        buf.release();
    }
}
