package dev.mtqr.tl;

/** Constructor ids of the builtin TL types, and how ids are written. */
public final class TlIds {
    /** {@code vector#1cb5c415 {t:Type} # [ t ] = Vector t}. */
    public static final int VECTOR = 0x1cb5c415;
    /** {@code boolTrue#997275b5 = Bool}. */
    public static final int BOOL_TRUE = 0x997275b5;
    /** {@code boolFalse#bc799737 = Bool}. */
    public static final int BOOL_FALSE = 0xbc799737;

    private TlIds() {
    }

    /** An id as eight lowercase hex digits, the way schemas and error messages show it. */
    public static String hex(int id) {
        String s = Integer.toHexString(id);
        return "00000000".substring(s.length()) + s;
    }
}
