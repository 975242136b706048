/**
 * The test server's login service: accounts on the test-DC phone convention, phone login with 2FA (SRP), QR login
 * (export, accept, migrate, import), the list of authorizations and log-out. {@link dev.mtqr.testkit.auth.AuthService}
 * holds the state and installs the handlers.
 */
package dev.mtqr.testkit.auth;
