package fr.maillage.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The password rule: at least 10 characters, at most 72 bytes (BCrypt's limit), not the e-mail itself. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** The message key of what is wrong with the password, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.isBlank()) {
            return Optional.of("accounts.password.required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("accounts.password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > ThrottledAuthenticationProvider.MAX_PASSWORD_BYTES) {
            return Optional.of("accounts.password.too-long");
        }
        if (email != null && password.strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("accounts.password.same-as-email");
        }
        return Optional.empty();
    }

    static void check(String field, String password, String email) {
        problem(password, email).ifPresent(code -> {
            throw new AccountException(field, code);
        });
    }
}
