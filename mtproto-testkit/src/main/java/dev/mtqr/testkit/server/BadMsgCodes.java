package dev.mtqr.testkit.server;

/**
 * The {@code error_code}s of {@code bad_msg_notification} (core.telegram.org/mtproto/service_messages_about_messages
 * #notice-of-ignored-error-message).
 */
public final class BadMsgCodes {
    /** msg_id too low: the client's clock is behind (more than 300 s in the past). */
    public static final int MSG_ID_TOO_LOW = 16;
    /** msg_id too high: the client's clock is ahead (more than 30 s in the future). */
    public static final int MSG_ID_TOO_HIGH = 17;
    /** The two lower bits of a client msg_id are not 0. */
    public static final int MSG_ID_PARITY = 18;
    /** A container whose msg_id was already received. */
    public static final int CONTAINER_ID_REUSED = 19;
    /** A msg_id older than every one the session still remembers: whether it was received cannot be verified. */
    public static final int MSG_TOO_OLD = 20;
    /** msg_seqno too low: a lower msg_id came with a higher seqno, or an equal odd one. */
    public static final int SEQNO_TOO_LOW = 32;
    /** msg_seqno too high: a higher msg_id came with a lower seqno, or an equal odd one. */
    public static final int SEQNO_TOO_HIGH = 33;
    /** An odd seqno on a message that is not content-related. */
    public static final int SEQNO_EXPECTED_EVEN = 34;
    /** An even seqno on a content-related message. */
    public static final int SEQNO_EXPECTED_ODD = 35;
    /** The salt is not valid: answered with {@code bad_server_salt} carrying the right one. */
    public static final int BAD_SERVER_SALT = 48;
    /** A container that does not decode or holds a container. */
    public static final int INVALID_CONTAINER = 64;

    private BadMsgCodes() {
    }
}
