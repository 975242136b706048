package dev.mtqr.testkit.server;

import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.TlWriter;

/**
 * A request whose constructor no schema knows, standing in for it where a function is read: at the top or as the
 * {@code query} of a wrapper, always the last field, so what remains is its body. Answered with
 * {@code INPUT_METHOD_INVALID_<id>_0}.
 *
 * @param constructorId the unknown id
 */
record UnknownMethod(int constructorId) implements TlMethod<Object> {
    /** A registry of last resort: any id becomes an {@code UnknownMethod} that swallows the rest of the input. */
    static final TlRegistry REGISTRY = (id, in) -> {
        in.skip(in.remaining());
        return new UnknownMethod(id);
    };

    @Override
    public String tlName() {
        return "unknown#" + Integer.toHexString(constructorId);
    }

    @Override
    public void writeBare(TlWriter out) {
        throw new UnsupportedOperationException("an unknown method cannot be written");
    }

    @Override
    public int bareSize() {
        throw new UnsupportedOperationException("an unknown method has no size");
    }

    @Override
    public Object readResult(TlReader in) {
        throw new UnsupportedOperationException("an unknown method has no result type");
    }
}
