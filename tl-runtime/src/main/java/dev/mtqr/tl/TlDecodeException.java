package dev.mtqr.tl;

import java.util.ArrayDeque;

/**
 * Thrown when bytes cannot be decoded as TL: too short, a length or count larger than what remains,
 * an unknown constructor id, or nesting deeper than the reader allows.
 *
 * <p>The message names where decoding failed, outermost first, for example
 * {@code auth.loginTokenSuccess#390d5c5e.authorization: auth.authorization#2ea2c0d4.user: user#b1b8cc83.first_name:
 * a string of 300 bytes, but 10 remain}.
 */
public final class TlDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final ArrayDeque<String> path = new ArrayDeque<>();

    public TlDecodeException(String problem) {
        super(problem, null, false, true);
        this.problem = problem;
    }

    /** The failure itself, without the path of constructors and fields that led to it. */
    public String problem() {
        return problem;
    }

    /** Where the failure happened, outermost first: {@code "auth.authorization#2ea2c0d4.user"} and so on. */
    public String where() {
        return String.join(": ", path);
    }

    /**
     * Records that the failure happened while decoding {@code field} of {@code constructor}, and returns this
     * exception so that the caller can rethrow it. Generated code calls this as the exception travels outwards.
     */
    public TlDecodeException at(String constructor, String field) {
        path.addFirst(field == null ? constructor : constructor + "." + field);
        return this;
    }

    @Override
    public String getMessage() {
        return path.isEmpty() ? problem : "unable to decode " + where() + ": " + problem;
    }

    static TlDecodeException truncated(String what, long needed, int remaining) {
        return new TlDecodeException(what + " needs " + needed + " bytes, but " + remaining + " remain");
    }

    /** An id that names no constructor of the expected type. */
    public static TlDecodeException unknownConstructor(String type, int id) {
        return new TlDecodeException("unknown constructor #" + TlIds.hex(id) + " for type " + type);
    }
}
