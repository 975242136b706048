package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * An MTProto payload framed with the quick-ack flag set (core.telegram.org/mtproto/mtproto-transports#quick-ack: the
 * most significant bit of the abridged length byte or of the intermediate length). A client writes one instead of a
 * plain {@link ByteBuf} to ask the server for a {@link QuickAck}; a server-side decoder emits one for each packet the
 * client sent that way. The full transport has no such flag: its encoder refuses these.
 *
 * <p>Reference-counted like the payload it holds; whoever ends up with it releases it.
 */
public final class QuickAckRequest extends DefaultByteBufHolder {

    /** Wraps {@code payload} (auth_key_id and the rest); takes over its reference. */
    public QuickAckRequest(ByteBuf payload) {
        super(payload);
    }

    @Override
    public QuickAckRequest copy() {
        return replace(content().copy());
    }

    @Override
    public QuickAckRequest duplicate() {
        return replace(content().duplicate());
    }

    @Override
    public QuickAckRequest retainedDuplicate() {
        return replace(content().retainedDuplicate());
    }

    @Override
    public QuickAckRequest replace(ByteBuf content) {
        return new QuickAckRequest(content);
    }

    @Override
    public QuickAckRequest retain() {
        super.retain();
        return this;
    }

    @Override
    public QuickAckRequest retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public QuickAckRequest touch() {
        super.touch();
        return this;
    }

    @Override
    public QuickAckRequest touch(Object hint) {
        super.touch(hint);
        return this;
    }
}
