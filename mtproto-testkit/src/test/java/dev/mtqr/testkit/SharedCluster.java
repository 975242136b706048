package dev.mtqr.testkit;

import dev.mtqr.testkit.server.TestKeys;

/** Builds clusters with the tests' shared RSA key, so that no test waits for a key to be generated. */
final class SharedCluster {
    private SharedCluster() {
    }

    static TestCluster start(int dcs) {
        return TestCluster.builder().dcs(dcs).rsaKey(TestKeys.RSA).start();
    }
}
