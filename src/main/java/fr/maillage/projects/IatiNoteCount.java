package fr.maillage.projects;

import java.util.List;

/**
 * A remark about some activities of an IATI file, counted: a message key
 * ({@code projects.iati.warning.*} or {@code projects.iati.skip.*}) with its arguments, how many
 * activities it concerns, and the identifiers (or positions) of the first few.
 */
public record IatiNoteCount(String key, List<String> args, int count, List<String> examples) {

    public IatiNoteCount {
        args = args == null ? List.of() : List.copyOf(args);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
