/**
 * The API subset of {@code api.tl} as a layer-198 client sees it: the definitions of
 * {@code compat/layer198.tl} replace those of the same name, so the test server can answer such a client in its
 * own layer.
 */
@TlSchema({"api.tl", "compat/layer198.tl"})
package dev.mtqr.tl.compat.layer198;

import dev.mtqr.tl.TlSchema;
