package dev.mtqr.tl.codegen.schema;

/** A place in a schema file: 1-based line and column. */
public record SourcePosition(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
