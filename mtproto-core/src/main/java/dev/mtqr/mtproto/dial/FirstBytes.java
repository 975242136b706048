package dev.mtqr.mtproto.dial;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Keeps a copy of the first bytes a connection receives, before any decoder sees them, so that a peer that does not
 * speak MTProto can be named by what it said ({@code "HTTP/1.1 400 Bad Request"}). Sits first in the pipeline and
 * leaves it once it has {@value #KEEP} bytes.
 */
public final class FirstBytes extends ChannelInboundHandlerAdapter {
    static final int KEEP = 64;
    private byte[] kept = new byte[0];

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && kept.length < KEEP) {
            int take = Math.min(KEEP - kept.length, buf.readableBytes());
            byte[] more = Arrays.copyOf(kept, kept.length + take);
            buf.getBytes(buf.readerIndex(), more, kept.length, take);
            kept = more;
            if (kept.length == KEEP) {
                ctx.pipeline().remove(this);
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** What arrived first, as a person would recognise it; empty if nothing did. */
    public String describe() {
        return describe(kept);
    }

    /** The first line of {@code bytes} in quotes if they are text, else their first 16 bytes in hex. */
    static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "";
        }
        int printable = 0;
        for (byte b : bytes) {
            if ((b >= 0x20 && b < 0x7f) || b == '\r' || b == '\n' || b == '\t') {
                printable++;
            }
        }
        if (printable * 10 >= bytes.length * 9) {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int end = text.length();
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\r' || text.charAt(i) == '\n') {
                    end = i;
                    break;
                }
            }
            return "\"" + text.substring(0, Math.min(end, 60)).strip() + "\"";
        }
        return "bytes " + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(16, bytes.length));
    }
}
