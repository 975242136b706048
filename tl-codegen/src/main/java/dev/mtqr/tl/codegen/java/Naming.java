package dev.mtqr.tl.codegen.java;

import java.util.Set;

/**
 * The naming rule from TL names to Java names.
 * <ul>
 *   <li>A constructor or function becomes a record named by its full name in UpperCamelCase, the namespace
 *       included: split at {@code .} and {@code _}, first letter of each part upper-cased, the rest kept
 *       ({@code auth.loginToken} → {@code AuthLoginToken}, {@code req_DH_params} → {@code ReqDHParams}).</li>
 *   <li>A boxed type becomes a sealed interface named the same way plus {@code Type}
 *       ({@code auth.LoginToken} → {@code AuthLoginTokenType}, {@code User} → {@code UserType}).</li>
 *   <li>A parameter becomes a component in lowerCamelCase: split at {@code _}, the first part lower-cased if it is
 *       all capitals else only its first letter, later parts capitalised ({@code api_hash} → {@code apiHash},
 *       {@code srp_B} → {@code srpB}, {@code M1} → {@code m1}); a Java keyword or a name that {@code TlObject},
 *       {@code TlMethod} or {@code Object} already uses gets a trailing {@code _} ({@code static} → {@code static_}).</li>
 * </ul>
 * The generator refuses a schema in which two names collide.
 */
public final class Naming {
    static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits", "non", "_");

    /** Members of TlObject, TlMethod and Object that a component must not shadow. */
    static final Set<String> RESERVED_MEMBERS = Set.of("constructorId", "tlName", "writeBare", "bareSize", "write",
            "serializedSize", "toByteArray", "readResult", "equals", "hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize", "readBare", "read",
            // local names of the generated methods
            "tlIn", "tlOut", "tlField", "tlError", "tlSize", "tlId", "tlValue", "tlOther", "tlObject");

    /** Names the generated code itself uses: no TL record or interface may take them. */
    static final Set<String> RESERVED_CLASSES = Set.of("SchemaRegistry", "String", "Object", "Integer", "Long",
            "Boolean", "Double", "Override", "SuppressWarnings", "List", "Objects", "Arrays", "TlObject", "TlMethod",
            "TlReader", "TlWriter", "TlSizes", "TlValues", "TlRegistry", "TlDecodeException", "Int128", "Int256");

    private Naming() {
    }

    /** The record name of a constructor or function. */
    public static String recordName(String tlName) {
        StringBuilder out = new StringBuilder();
        for (String part : tlName.split("[._]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return out.toString();
    }

    /** The interface name of a boxed type. */
    public static String interfaceName(String tlType) {
        return recordName(tlType) + "Type";
    }

    /** The component (and local variable) name of a parameter. */
    public static String componentName(String tlParam) {
        StringBuilder out = new StringBuilder();
        for (String part : tlParam.split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() == 0) {
                out.append(part.equals(part.toUpperCase()) ? part.toLowerCase()
                        : Character.toLowerCase(part.charAt(0)) + part.substring(1));
            } else {
                out.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        String name = out.toString();
        return KEYWORDS.contains(name) || RESERVED_MEMBERS.contains(name) ? name + "_" : name;
    }
}
