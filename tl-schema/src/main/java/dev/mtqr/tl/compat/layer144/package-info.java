/**
 * The API subset of {@code api.tl} as a layer-144 client sees it: the definitions of
 * {@code compat/layer144.tl} replace those of the same name, so the test server can answer such a client in its
 * own layer.
 */
@TlSchema({"api.tl", "compat/layer144.tl"})
package dev.mtqr.tl.compat.layer144;

import dev.mtqr.tl.TlSchema;
