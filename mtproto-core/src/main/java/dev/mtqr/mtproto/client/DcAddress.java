package dev.mtqr.mtproto.client;

/** Where a DC listens. */
public record DcAddress(int id, String host, int port) {
    public DcAddress {
        if (id <= 0 || host == null || host.isEmpty() || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("not a DC address: " + id + "@" + host + ":" + port);
        }
    }

    @Override
    public String toString() {
        return id + "@" + host + ":" + port;
    }
}
