package dev.mtqr.tl.codegen.schema;

/** A schema that cannot be parsed or generated; the message starts with {@code file:line:col}. */
public final class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;
    private final String problem;

    public SchemaException(SourcePosition position, String problem) {
        super(position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    public SourcePosition position() {
        return position;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
