package dev.mtqr.examples.samples;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.testkit.TestPhones;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.User;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A "phone": logs a session in by phone number on {@code mtqr serve} (test phones {@code 99966XYYYY}: the code is X
 * five times; {@code auth.sendCode}, {@code auth.signIn}, and SRP when the account has a password), and saves it.
 * That session can then accept QR codes ({@code mtqr accept URL --session phone.session}).
 *
 * <pre>
 * ./mtqr serve --key-out key.pem --account 9996621234:secret:Alice &amp;
 * java -cp examples/target/mtqr.jar dev.mtqr.examples.samples.PhoneLogin \
 *     key.pem phone.session 9996621234 secret 1@127.0.0.1:PORT1 2@127.0.0.1:PORT2
 * </pre>
 */
public final class PhoneLogin {
    private PhoneLogin() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            TestServer.usage(PhoneLogin.class.getName() + " KEY.pem SESSION PHONE PASSWORD|- ID@HOST:PORT...");
        }
        String password = args[3].equals("-") ? null : args[3];
        try (MtprotoClient client = TestServer.client(Path.of(args[0]), Path.of(args[1]), 4,
                Arrays.asList(args).subList(4, args.length))) {
            AuthAuthorization auth = (AuthAuthorization) TestPhones.logInNow(client, args[2], password);
            User user = (User) auth.user();
            client.setUserId(user.id());                 // the session file remembers who is logged in
            System.out.println("logged in as " + user.firstName() + " (id " + user.id() + ") on dc " + client.mainDc());
        }
        System.exit(0);
    }
}
