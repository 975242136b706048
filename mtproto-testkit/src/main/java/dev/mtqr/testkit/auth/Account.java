package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.layer.RecordAssembler;
import dev.mtqr.tl.api.User;
import java.util.HashMap;
import java.util.Map;

/**
 * One account of the test cluster.
 *
 * @param userId    its user id, derived from the phone (stable across runs)
 * @param phone     {@code 99966XYYYY}
 * @param homeDc    X, the DC the account lives on
 * @param firstName its first name
 * @param password  its 2FA password's SRP parameters, or null without 2FA
 */
public record Account(long userId, String phone, int homeDc, String firstName, SrpPassword password) {

    /** The login code of the test-DC convention: the home DC's digit five times. */
    public String loginCode() {
        return String.valueOf(homeDc).repeat(5);
    }

    /** Whether login needs the 2FA password after the code or the QR token. */
    public boolean hasPassword() {
        return password != null;
    }

    /** The account as a latest-layer {@code user}; {@code self} when the caller is this user. */
    public User user(boolean self) {
        Map<String, Object> values = new HashMap<>();
        values.put("self", self);
        values.put("id", userId);
        values.put("accessHash", userId * 31 + 7);
        values.put("firstName", firstName);
        values.put("phone", phone);
        return RecordAssembler.build(User.class, values);
    }

    @Override
    public String toString() {
        return "Account[id=" + userId + ", phone=" + phone + ", dc=" + homeDc + ", 2fa=" + hasPassword() + "]";
    }
}
