// Generated from golden.tl; do not edit
package dev.mtqr.golden;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlWriter;
import java.util.Objects;

/**
 * TL function {@code invokeWithLayer#da9b0d0d}, answered with {@code X} (golden.tl:6:1).
 */
public record InvokeWithLayer<X>(int layer, TlMethod<X> query) implements TlMethod<X> {
    public static final int CONSTRUCTOR_ID = 0xda9b0d0d;

    public static final String TL_NAME = "invokeWithLayer";

    public InvokeWithLayer {
        Objects.requireNonNull(query, "query");
    }

    @Override
    public int constructorId() {
        return CONSTRUCTOR_ID;
    }

    @Override
    public String tlName() {
        return TL_NAME;
    }

    @Override
    public void writeBare(TlWriter tlOut) {
        tlOut.writeInt(this.layer);
        this.query.write(tlOut);
    }

    @Override
    public int bareSize() {
        return 4 + this.query.serializedSize();
    }

    /**
     * Reads the fields of {@code invokeWithLayer} (its id has been read already).
     */
    public static InvokeWithLayer<?> readBare(TlReader tlIn) {
        String tlField = null;
        try {
            tlField = "layer";
            int layer = tlIn.readInt();
            tlField = "query";
            TlMethod<?> query = tlIn.readMethod();
            return new InvokeWithLayer<>(layer, query);
        } catch (TlDecodeException tlError) {
            throw tlError.at("invokeWithLayer#da9b0d0d", tlField);
        }
    }

    @Override
    public X readResult(TlReader tlIn) {
        return this.query.readResult(tlIn);
    }
}
