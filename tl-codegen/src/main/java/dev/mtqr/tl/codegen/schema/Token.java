package dev.mtqr.tl.codegen.schema;

/** One lexeme of a schema file. */
record Token(Kind kind, String text, SourcePosition position) {
    enum Kind {
        /** A name, possibly with a namespace: {@code auth.loginToken}, {@code flags}, {@code X}. */
        IDENT,
        /** A decimal number: the bit of {@code flags.3?} or the multiplier of {@code 4*[ int ]}. */
        NUMBER,
        /** A constructor id, {@code #} immediately followed by 1 to 8 hex digits (text holds the digits). */
        ID,
        /** {@code ---functions---} or {@code ---types---} (text holds the word). */
        SECTION,
        /** A single punctuation character: {@code : ? = ; { } [ ] < > , ! % # * ( ) .}. */
        PUNCT,
        END
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    String describe() {
        return switch (kind) {
            case END -> "end of file";
            case SECTION -> "'---" + text + "---'";
            case ID -> "'#" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
