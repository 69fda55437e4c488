package fr.maillage.agenda;

import java.util.List;

/**
 * Something refused for reasons the person can fix (an end before the start, a registration
 * after the deadline, a negative capacity, a slot just taken...). Each {@link Problem} names the
 * field (a path such as {@code "sessions[2].capacity"}, or {@code null} for the whole form), a
 * key of the agenda messages and its arguments. Nothing has been written when it is thrown.
 */
public class AgendaException extends RuntimeException {

    public record Problem(String field, String messageKey, List<Object> args) {
        public Problem {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }

    private final List<Problem> problems;

    public AgendaException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    public AgendaException(String field, String messageKey, Object... args) {
        this(List.of(new Problem(field, messageKey, List.of(args))));
    }

    public List<Problem> problems() {
        return problems;
    }
}
