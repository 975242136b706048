package dev.mtqr.tl;

/**
 * A TL constructor or function value: it knows its constructor id and how to serialize itself.
 * Generated records implement this; serialization is generated code, with no reflection.
 *
 * <p>See <a href="https://core.telegram.org/mtproto/serialize">core.telegram.org/mtproto/serialize</a>.
 */
public interface TlObject {
    /** The 32-bit constructor id, as written before a boxed value. */
    int constructorId();

    /** The TL name of the constructor, for example {@code auth.loginToken}. */
    String tlName();

    /** Writes the fields only (the bare form, with no constructor id). */
    void writeBare(TlWriter out);

    /** The exact size of {@link #writeBare}'s output in bytes. */
    int bareSize();

    /** Writes the boxed form: the constructor id, then the fields. */
    default void write(TlWriter out) {
        out.writeInt(constructorId());
        writeBare(out);
    }

    /** The exact size of {@link #write}'s output in bytes. */
    default int serializedSize() {
        return 4 + bareSize();
    }

    /** The boxed form as a new array of exactly {@link #serializedSize()} bytes. */
    default byte[] toByteArray() {
        byte[] bytes = new byte[serializedSize()];
        TlWriter out = TlWriter.wrap(bytes);
        write(out);
        if (out.position() != bytes.length) {
            throw new IllegalStateException(tlName() + " wrote " + out.position() + " bytes, size said " + bytes.length);
        }
        return bytes;
    }
}
