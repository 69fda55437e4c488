package fr.maillage.directory;

import java.util.List;

/**
 * A message "Prendre contact" refuses, with every reason: each {@link Problem} names the form
 * field it concerns ({@code subject}, {@code body}, {@code onBehalfOf}), or none for the whole
 * message (a limit reached), and a key of the directory messages with its arguments. Nothing
 * was sent nor recorded.
 */
public class ContactException extends RuntimeException {

    public record Problem(String field, String messageKey, Object... args) {
    }

    private final List<Problem> problems;

    public ContactException(List<Problem> problems) {
        super(problems.stream().map(Problem::messageKey).reduce((a, b) -> a + ", " + b).orElse("contact"));
        this.problems = List.copyOf(problems);
    }

    public ContactException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
