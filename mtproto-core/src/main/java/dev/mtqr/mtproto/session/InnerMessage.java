package dev.mtqr.mtproto.session;

import java.util.Arrays;

/**
 * One message as it travels inside a container or an encrypted envelope: its id, seqno and boxed body.
 *
 * @param msgId the message id
 * @param seqNo the sequence number
 * @param body  one boxed TL object
 */
public record InnerMessage(long msgId, int seqNo, byte[] body) {
    /** The constructor id the body starts with (0 for a body shorter than 4 bytes). */
    public int constructorId() {
        return Bodies.constructorId(body);
    }

    /** Whether the peer must acknowledge it (odd seqno). */
    public boolean contentRelated() {
        return (seqNo & 1) == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InnerMessage m && msgId == m.msgId && seqNo == m.seqNo && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(msgId) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "InnerMessage[msgId=" + msgId + ", seqNo=" + seqNo + ", #" + Integer.toHexString(constructorId())
                + ", <" + body.length + " bytes>]";
    }
}
