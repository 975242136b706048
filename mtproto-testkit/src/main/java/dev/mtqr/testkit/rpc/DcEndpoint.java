package dev.mtqr.testkit.rpc;

/**
 * Where one DC of the cluster listens.
 *
 * @param id   the DC id (1, 2, …)
 * @param host the address it is bound to, such as {@code 127.0.0.1}
 * @param port its TCP port
 */
public record DcEndpoint(int id, String host, int port) {
}
