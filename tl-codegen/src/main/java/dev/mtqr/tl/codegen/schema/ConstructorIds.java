package dev.mtqr.tl.codegen.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The CRC32 rule for constructor ids (core.telegram.org/mtproto/serialize, "Combinator number"): the IEEE CRC32 of
 * the declaration without its id and final semicolon, normalised the way the published ids were computed:
 * {@code flags.N?true} parameters dropped, {@code T<U>} written {@code T U}, braces removed, and a parameter type
 * {@code bytes} written {@code string}. The schema's explicit id always wins; a mismatch is only a warning.
 */
public final class ConstructorIds {
    private ConstructorIds() {
    }

    public static int computed(Combinator c) {
        CRC32 crc = new CRC32();
        crc.update(normalised(c).getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }

    /** The string that is hashed, for example {@code auth.loginToken expires:int token:string = auth.LoginToken}. */
    public static String normalised(Combinator c) {
        List<String> parts = new ArrayList<>();
        parts.add(c.name());
        for (Param p : c.typeParams()) {
            parts.add(p.name() + ":" + render(p.type(), false));
        }
        for (Param p : c.params()) {
            if (p.isTrueFlag()) {
                continue;
            }
            parts.add(renderParam(p));
        }
        parts.add("=");
        parts.add(render(c.result(), false));
        return String.join(" ", parts);
    }

    /** A warning when the explicit id differs from the computed one, else {@code null}. */
    public static String mismatch(Combinator c) {
        if (c.explicitId() == null || c.builtin()) {
            return null;
        }
        int computed = computed(c);
        if (computed == c.explicitId()) {
            return null;
        }
        return String.format("%s: id #%08x of %s differs from the CRC32 #%08x of '%s'; the schema's id is used",
                c.position(), c.explicitId(), c.name(), computed, normalised(c));
    }

    private static String renderParam(Param p) {
        String prefix = p.name() == null ? "" : p.name() + ":";
        String condition = p.condition() == null ? "" : p.condition().field() + "." + p.condition().bit() + "?";
        return prefix + condition + render(p.type(), p.name() != null);
    }

    private static String render(TypeExpr type, boolean parameterType) {
        if (type instanceof TypeExpr.Named n) {
            String name = parameterType && n.isNamed("bytes") ? "string" : (n.percent() ? "%" : "") + n.name();
            StringBuilder out = new StringBuilder(name);
            for (TypeExpr arg : n.args()) {
                out.append(' ').append(render(arg, false));
            }
            return out.toString();
        }
        if (type instanceof TypeExpr.Bang b) {
            return "!" + b.variable();
        }
        if (type instanceof TypeExpr.Repeat r) {
            StringBuilder out = new StringBuilder(r.multiplier() == null ? "[" : r.multiplier() + "*[");
            for (Param p : r.fields()) {
                out.append(' ').append(renderParam(p));
            }
            return out.append(" ]").toString();
        }
        return "#";
    }
}
