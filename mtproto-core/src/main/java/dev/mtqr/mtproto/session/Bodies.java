package dev.mtqr.mtproto.session;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.TlSizes;
import dev.mtqr.tl.TlWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The wrappers MTProto bodies come in, handled on raw bytes because the object inside is typed only by the
 * request it answers (core.telegram.org/mtproto/service_messages): {@code msg_container}, {@code gzip_packed},
 * {@code rpc_result}.
 */
public final class Bodies {
    /** {@code msg_container#73f1f8dc messages:vector<%Message>}. */
    public static final int MSG_CONTAINER = 0x73f1f8dc;
    /** {@code gzip_packed#3072cfa1 packed_data:bytes}. */
    public static final int GZIP_PACKED = 0x3072cfa1;
    /** {@code rpc_result#f35c6d01 req_msg_id:long result:Object}. */
    public static final int RPC_RESULT = 0xf35c6d01;
    /** {@code rpc_error#2144ca19 error_code:int error_message:string}. */
    public static final int RPC_ERROR = 0x2144ca19;
    /** Telegram accepts at most this many messages in one container. */
    public static final int MAX_CONTAINER_MESSAGES = 1020;
    /** The most a gzip_packed body may inflate to; more is refused as a decompression bomb. */
    public static final int MAX_INFLATED = 16 << 20;
    /** Calls larger than this are sent gzip_packed when that makes them smaller. */
    static final int GZIP_CALLS_ABOVE = 512;

    private Bodies() {
    }

    /** The constructor id {@code body} starts with (0 if it is shorter than 4 bytes). */
    public static int constructorId(byte[] body) {
        return body.length < 4 ? 0 : TlReader.of(body, 0, 4, TlRegistry.EMPTY).readInt();
    }

    /** The messages of a {@code msg_container} body, each checked to fit. */
    public static List<InnerMessage> unpackContainer(byte[] body) {
        TlReader in = TlReader.of(body, TlRegistry.EMPTY);
        in.expectConstructor(MSG_CONTAINER, "msg_container");
        int count = in.readCount(16);
        if (count > MAX_CONTAINER_MESSAGES) {
            throw new TlDecodeException("msg_container of " + count + " messages, more than " + MAX_CONTAINER_MESSAGES);
        }
        List<InnerMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long msgId = in.readLong();
            int seqNo = in.readInt();
            int length = in.readInt();
            if (length < 0 || length % 4 != 0 || length > in.remaining()) {
                throw new TlDecodeException("message " + i + " of a msg_container claims " + length + " bytes, "
                        + in.remaining() + " remain");
            }
            int at = in.position();
            out.add(new InnerMessage(msgId, seqNo, Arrays.copyOfRange(body, at, at + length)));
            in.skip(length);
        }
        in.expectEnd();
        return out;
    }

    /** A {@code msg_container} body holding {@code messages}. */
    public static byte[] packContainer(List<InnerMessage> messages) {
        int size = 8;
        for (InnerMessage m : messages) {
            size += 16 + m.body().length;
        }
        byte[] out = new byte[size];
        TlWriter w = TlWriter.wrap(out);
        w.writeInt(MSG_CONTAINER);
        w.writeInt(messages.size());
        int at = 8;
        for (InnerMessage m : messages) {
            TlWriter header = TlWriter.wrap(out, at, 16);
            header.writeLong(m.msgId());
            header.writeInt(m.seqNo());
            header.writeInt(m.body().length);
            System.arraycopy(m.body(), 0, out, at + 16, m.body().length);
            at += 16 + m.body().length;
        }
        return out;
    }

    /** A call's body as it goes out: gzip_packed when large and that makes it smaller. */
    public static byte[] encodeCall(dev.mtqr.tl.TlObject call) {
        byte[] body = call.toByteArray();
        if (body.length > GZIP_CALLS_ABOVE) {
            byte[] packed = packGzip(body);
            return packed.length < body.length ? packed : body;
        }
        return body;
    }

    /**
     * The body a {@code gzip_packed} body holds, inflated to at most {@link #MAX_INFLATED} bytes. A gzip_packed
     * inside it is refused: nothing legitimate packs twice, and unpacking without end is how a hostile peer would
     * exhaust the stack or memory.
     */
    public static byte[] unpackGzip(byte[] body) {
        TlReader in = TlReader.of(body, TlRegistry.EMPTY);
        in.expectConstructor(GZIP_PACKED, "gzip_packed");
        byte[] packed = in.readBytes();
        try (InputStream gzip = new GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(packed.length * 4, MAX_INFLATED));
            byte[] chunk = new byte[8192];
            int n;
            while ((n = gzip.read(chunk)) > 0) {
                if (out.size() + n > MAX_INFLATED) {
                    throw new TlDecodeException("gzip_packed inflates to more than " + MAX_INFLATED + " bytes");
                }
                out.write(chunk, 0, n);
            }
            byte[] inflated = out.toByteArray();
            if (constructorId(inflated) == GZIP_PACKED) {
                throw new TlDecodeException("gzip_packed inside gzip_packed");
            }
            return inflated;
        } catch (IOException e) {
            throw new TlDecodeException("gzip_packed holds no valid gzip data: " + e.getMessage());
        }
    }

    /** {@code body} wrapped in {@code gzip_packed}. */
    public static byte[] packGzip(byte[] body) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream(body.length / 2 + 32);
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("gzip into memory failed", e);
        }
        byte[] data = packed.toByteArray();
        byte[] out = new byte[4 + TlSizes.bytes(data.length)];
        TlWriter w = TlWriter.wrap(out);
        w.writeInt(GZIP_PACKED);
        w.writeBytes(data);
        return out;
    }

    /** A body unwrapped from {@code gzip_packed} if it is one, else itself. */
    public static byte[] inflateIfPacked(byte[] body) {
        return constructorId(body) == GZIP_PACKED ? unpackGzip(body) : body;
    }

    /** An {@code rpc_result}: the request's msg_id and the raw result (still possibly gzip_packed). */
    public record RpcResultBody(long reqMsgId, byte[] result) {
    }

    /** Splits an {@code rpc_result} body. */
    public static RpcResultBody unpackRpcResult(byte[] body) {
        TlReader in = TlReader.of(body, TlRegistry.EMPTY);
        in.expectConstructor(RPC_RESULT, "rpc_result");
        long reqMsgId = in.readLong();
        if (in.remaining() < 4) {
            throw new TlDecodeException("rpc_result holds no result");
        }
        return new RpcResultBody(reqMsgId, Arrays.copyOfRange(body, 12, body.length));
    }

    /** An {@code rpc_result} body answering {@code reqMsgId} with the boxed {@code result}. */
    public static byte[] packRpcResult(long reqMsgId, byte[] result) {
        byte[] out = new byte[12 + result.length];
        TlWriter w = TlWriter.wrap(out);
        w.writeInt(RPC_RESULT);
        w.writeLong(reqMsgId);
        System.arraycopy(result, 0, out, 12, result.length);
        return out;
    }
}
