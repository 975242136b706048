package dev.mtqr.mtproto.dial;

/** One connection to a DC, carrying whole MTProto packets. Call it from the thread its events arrive on. */
public interface Pipe {
    /** Sends one packet (an unencrypted message or an encrypted one); dropped if the pipe is closed. */
    void send(byte[] packet);

    /** Closes the pipe (or gives up opening it); {@link PipeListener#closed} follows with a null cause. */
    void close();
}
