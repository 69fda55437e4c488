package fr.maillage.accounts;

import java.io.Serial;

/**
 * A refused account operation, tied to the form field it is about and a message key of the
 * {@code accounts} bundle. Thrown before anything is written, or rolls the transaction back.
 */
public class AccountException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String code;

    public AccountException(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    /** The form field at fault, or null for the whole form. */
    public String field() {
        return field;
    }

    /** The message key. */
    public String code() {
        return code;
    }
}
