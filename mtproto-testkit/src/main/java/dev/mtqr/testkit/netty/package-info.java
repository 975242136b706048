/** The test server on TCP: a Netty server per DC, the transport detected from the first bytes, buffers released. */
package dev.mtqr.testkit.netty;
