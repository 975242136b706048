/**
 * The Telegram API (layer 228, the subset in {@code src/main/tl/api.tl}): generated records for QR login, 2FA,
 * configuration and the calls the client and the test server make. {@link dev.mtqr.tl.api.SchemaRegistry#LAYER}
 * is the layer to declare in {@code invokeWithLayer}.
 */
@TlSchema("api.tl")
package dev.mtqr.tl.api;

import dev.mtqr.tl.TlSchema;
