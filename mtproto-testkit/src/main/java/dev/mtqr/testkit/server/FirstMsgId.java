package dev.mtqr.testkit.server;

/**
 * Which msg_id a DC reports as {@code first_msg_id} in {@code new_session_created}
 * (core.telegram.org/mtproto/service_messages#new-session-creation-notification: "the identifier of the first message
 * received in the session"). When the packet that created the session is a lone message, both conventions report its
 * id; when it is a {@code msg_container}, servers differ:
 * <ul>
 * <li>{@link #FIRST_MESSAGE}: the lowest msg_id among the messages inside the container;</li>
 * <li>{@link #CONTAINER}: the msg_id of the container itself.</li>
 * </ul>
 * A client tells which of its unanswered messages were sent before the session began (and must go out again) by
 * comparing first_msg_id with the id of the packet each one went out in (its container's id, or its own when sent
 * alone): below first_msg_id means before. TDLib's {@code Session::on_session_created} compares container ids so,
 * which is right under either convention; comparing each message's own id is wrong under {@link #CONTAINER}.
 *
 * <pre>{@code
 * ServerSettings settings = ServerSettings.defaults().withFirstMsgId(FirstMsgId.CONTAINER);
 * }</pre>
 */
public enum FirstMsgId {
    /** The lowest msg_id of the messages inside the packet that created the session (the default). */
    FIRST_MESSAGE,
    /** The msg_id of the container that created the session; for a lone message, its own id. */
    CONTAINER
}
