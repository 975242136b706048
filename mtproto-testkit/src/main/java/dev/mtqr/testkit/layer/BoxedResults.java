package dev.mtqr.testkit.layer;

import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The bytes of an RPC result as it goes into {@code rpc_result}: a boxed object, a boxed {@code Vector} of objects
 * or numbers (core.telegram.org/mtproto/serialize: {@code vector#1cb5c415}), or a {@code Bool}.
 */
public final class BoxedResults {
    /** {@code vector#1cb5c415 {t:Type} # [ t ] = Vector t}. */
    public static final int VECTOR = 0x1cb5c415;
    /** {@code boolTrue#997275b5 = Bool}. */
    public static final int BOOL_TRUE = 0x997275b5;
    /** {@code boolFalse#bc799737 = Bool}. */
    public static final int BOOL_FALSE = 0xbc799737;

    private BoxedResults() {
    }

    /** The boxed bytes of {@code result}: a {@link TlObject}, a {@link List} of them or of numbers, or a Boolean. */
    public static byte[] toBytes(Object result) {
        if (result instanceof TlObject object) {
            return object.toByteArray();
        }
        if (result instanceof Boolean bool) {
            return intBytes(bool ? BOOL_TRUE : BOOL_FALSE);
        }
        if (result instanceof List<?> list) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(intBytes(VECTOR));
            out.writeBytes(intBytes(list.size()));
            for (Object element : list) {
                out.writeBytes(element(element));
            }
            return out.toByteArray();
        }
        throw new IllegalArgumentException("cannot serialize a result of type "
                + (result == null ? "null" : result.getClass().getName()));
    }

    private static byte[] element(Object element) {
        if (element instanceof TlObject object) {
            return object.toByteArray();
        }
        if (element instanceof Long value) {
            byte[] out = new byte[8];
            TlWriter.wrap(out).writeLong(value);
            return out;
        }
        if (element instanceof Integer value) {
            return intBytes(value);
        }
        throw new IllegalArgumentException("cannot serialize a vector element of type "
                + (element == null ? "null" : element.getClass().getName()));
    }

    private static byte[] intBytes(int value) {
        byte[] out = new byte[4];
        TlWriter.wrap(out).writeInt(value);
        return out;
    }
}
