package dev.mtqr.mtproto.dial;

/** What happens on a {@link Pipe}, delivered on the thread of the scheduler it was dialled with. */
public interface PipeListener {
    /** The pipe is open: packets can be sent. */
    void opened();

    /** One whole MTProto packet arrived. */
    void received(byte[] packet);

    /**
     * The pipe is closed for good. {@code cause} says why: null when this side closed it or the peer closed it
     * cleanly, a {@link ForeignProtocolException} when the peer sent bytes no transport frames, a
     * {@link dev.mtqr.mtproto.transport.TransportException} for a transport error the server sent, or the I/O
     * error that ended it ({@link java.net.ConnectException}, {@link java.net.UnknownHostException}…).
     */
    void closed(Throwable cause);
}
