package dev.mtqr.tl.codegen.java;

import dev.mtqr.tl.codegen.schema.Param;

/**
 * A parameter as the generated record sees it.
 *
 * @param param    the TL parameter
 * @param name     the Java name
 * @param type     the resolved type
 * @param kind     how it is stored
 * @param derivedFrom for a {@link Kind#DERIVED} flag, the component whose presence it reports
 */
record Component(Param param, String name, FieldType type, Kind kind, Component derivedFrom) {
    enum Kind {
        /** A record component that is always present. */
        REQUIRED,
        /** A nullable record component, present when its flag bit is set. */
        OPTIONAL,
        /** A {@code flags.N?true} bit stored as a boolean component. */
        FLAG,
        /**
         * A {@code flags.N?true} bit that shares its bit with another parameter: not a component but an accessor
         * that reports the other one (so the two can never disagree).
         */
        DERIVED,
        /** A {@code name:#} field: not a component, computed when writing. */
        FLAGS
    }

    boolean isComponent() {
        return kind == Kind.REQUIRED || kind == Kind.OPTIONAL || kind == Kind.FLAG;
    }

    /** The Java expression that tells whether this parameter's flag bit is set. */
    String presence() {
        return switch (kind) {
            case OPTIONAL -> "this." + name + " != null";
            case FLAG -> "this." + name;
            case DERIVED -> derivedFrom.presence();
            default -> throw new IllegalStateException(name + " has no flag bit");
        };
    }
}
