/**
 * The MTProto service schema ({@code src/main/tl/mtproto.tl}): the key exchange, containers, acks, salts, pings.
 */
@TlSchema("mtproto.tl")
package dev.mtqr.tl.mtproto;

import dev.mtqr.tl.TlSchema;
