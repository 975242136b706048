package dev.mtqr.testkit.auth;

import dev.mtqr.mtproto.crypto.RandomSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The accounts of a cluster, on Telegram's test-DC phone convention: {@code 99966XYYYY} lives on DC X and logs in
 * with code XXXXX. The user id is {@code 1_000_000 + X * 10_000 + YYYY}, so the same phone always has the same id.
 *
 * <pre>{@code
 * Account alice = cluster.accounts().add("9996621234", "hunter2", "Alice"); // DC 2, code 22222, with 2FA
 * }</pre>
 */
public final class Accounts {
    private static final Pattern PHONE = Pattern.compile("99966([1-9])(\\d{4})");

    private final int dcCount;
    private final RandomSource random;
    private final Map<String, Account> byPhone = new ConcurrentHashMap<>();
    private final Map<Long, Account> byId = new ConcurrentHashMap<>();

    public Accounts(int dcCount, RandomSource random) {
        this.dcCount = dcCount;
        this.random = random;
    }

    /**
     * Adds (or replaces) the account of {@code phone}.
     *
     * @param phone     {@code 99966XYYYY} with X a DC of the cluster ({@code +} and spaces are ignored)
     * @param password  the 2FA password, or null for none
     * @param firstName the user's first name
     * @throws IllegalArgumentException if the phone does not follow the convention or X is not a DC
     */
    public Account add(String phone, String password, String firstName) {
        String digits = normalize(phone);
        var match = PHONE.matcher(digits);
        if (!match.matches()) {
            throw new IllegalArgumentException("a test phone is 99966XYYYY (X = home DC), not " + phone);
        }
        int dc = Integer.parseInt(match.group(1));
        if (dc > dcCount) {
            throw new IllegalArgumentException("phone " + phone + " lives on DC " + dc + " but the cluster has "
                    + dcCount + " DCs");
        }
        long id = 1_000_000L + dc * 10_000L + Integer.parseInt(match.group(2));
        Account account = new Account(id, digits, dc, firstName == null ? "User " + id : firstName,
                password == null ? null : SrpPassword.of(password, random));
        byPhone.put(digits, account);
        byId.put(id, account);
        return account;
    }

    /** The account of {@code phone}, if any. */
    public Optional<Account> byPhone(String phone) {
        return Optional.ofNullable(byPhone.get(normalize(phone)));
    }

    /** The account with user id {@code userId}, if any. */
    public Optional<Account> byId(long userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    /** Every account. */
    public List<Account> all() {
        return List.copyOf(byId.values());
    }

    static String normalize(String phone) {
        return phone == null ? "" : phone.replaceAll("[+\\s-]", "");
    }
}
