package dev.mtqr.examples;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A test account for {@code mtqr serve}: {@code PHONE[:PASSWORD[:FIRST_NAME]]}. PHONE is {@code 99966XYYYY}, where
 * X is the account's home DC and the login code is X five times; an empty PASSWORD means no 2FA password.
 */
record AccountSpec(String phone, String password, String firstName) {
    private static final Pattern PHONE = Pattern.compile("99966[1-9]\\d{4}");

    @Override
    public String toString() {
        return "AccountSpec[" + phone + (password == null ? "" : ", with a password") + "]";
    }

    /** The DC the account lives on: the phone's sixth digit. */
    int homeDc() {
        return phone.charAt(5) - '0';
    }

    static final class Converter implements ITypeConverter<AccountSpec> {
        @Override
        public AccountSpec convert(String value) {
            String[] parts = value.split(":", 3);
            if (!PHONE.matcher(parts[0]).matches()) {
                throw new TypeConversionException("'" + parts[0] + "' is not a test phone 99966XYYYY"
                        + " (X is the account's DC, 1-9): give PHONE[:PASSWORD[:FIRST_NAME]]");
            }
            String password = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
            String name = parts.length > 2 && !parts[2].isBlank() ? parts[2] : null;
            return new AccountSpec(parts[0], password, name);
        }
    }
}
