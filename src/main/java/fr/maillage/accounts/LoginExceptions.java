package fr.maillage.accounts;

import java.io.Serial;

import org.springframework.security.authentication.AccountStatusException;

/** Why a login was refused, beyond a wrong password. */
final class LoginExceptions {

    private LoginExceptions() {
    }

    /** Too many failures for this e-mail or address: refused whatever the password. */
    static final class TooManyAttempts extends AccountStatusException {
        @Serial
        private static final long serialVersionUID = 1L;

        TooManyAttempts() {
            super("Too many attempts");
        }
    }

    /** Right password, but the e-mail address is not confirmed yet. */
    static final class EmailNotVerified extends AccountStatusException {
        @Serial
        private static final long serialVersionUID = 1L;

        EmailNotVerified() {
            super("E-mail not verified");
        }
    }
}
