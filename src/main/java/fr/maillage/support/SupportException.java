package fr.maillage.support;

import java.util.List;

/**
 * Bad input or a refused action, as messages for the person: each {@link Problem} names the form
 * field it belongs to (null: the whole form), a key of {@code support.properties} and its arguments.
 * Nothing is saved when it is thrown.
 */
public class SupportException extends RuntimeException {

    public record Problem(String field, String messageKey, Object... args) {
    }

    private final List<Problem> problems;

    public SupportException(List<Problem> problems) {
        super(problems.isEmpty() ? "support" : problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    public SupportException(String field, String messageKey, Object... args) {
        this(List.of(new Problem(field, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
