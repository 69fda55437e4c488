package fr.maillage.projects;

import java.util.List;

/**
 * A project (or a partnership, a declaration...) refused for reasons the person can fix. Each
 * {@link Problem} names the field (a path such as {@code "sectors[2].percentage"}, or
 * {@code null} for the whole form), a key of the projects messages and its arguments.
 */
public class ProjectException extends RuntimeException {

    public record Problem(String field, String messageKey, List<Object> args) {
        public Problem {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }

    private final List<Problem> problems;

    public ProjectException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    public ProjectException(String field, String messageKey, Object... args) {
        this(List.of(new Problem(field, messageKey, List.of(args))));
    }

    public List<Problem> problems() {
        return problems;
    }
}
