package dev.mtqr.tl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the build to generate this package's TL records from schema files. Put it on a {@code package-info.java};
 * the annotation processor in {@code tl-codegen} reads the named files from the module's {@code src/main/tl}
 * (next to {@code src/main/java}) and writes the sources during compilation.
 *
 * <pre>{@code
 * @TlSchema({"api.tl"})
 * package com.example.tl;
 *
 * import dev.mtqr.tl.TlSchema;
 * }</pre>
 *
 * <p>When several files are named, a definition in a later file replaces the one of the same name in an earlier
 * file: this is how an older layer is described as a few lines on top of the current one.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PACKAGE)
public @interface TlSchema {
    /** Schema files, relative to {@code src/main/tl}. */
    String[] value();
}
