package fr.maillage.projects;

import java.util.List;

/**
 * The outcome of an IATI import run: why activities were skipped, the warnings about what was
 * left out, the activities that failed (each one left out entirely), and the first projects
 * created or updated.
 */
public record IatiReport(List<IatiNoteCount> skipped, List<IatiNoteCount> warnings, List<Failure> failures, int failureCount,
                         List<ProjectLine> projects) {

    public static final int MAX_FAILURES = 200;
    public static final int MAX_PROJECTS = 50;

    public IatiReport {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        failures = failures == null ? List.of() : List.copyOf(failures);
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    public static IatiReport empty() {
        return new IatiReport(List.of(), List.of(), List.of(), 0, List.of());
    }

    /** An activity that could not be written (its transaction rolled back: nothing of it was kept). */
    public record Failure(String identifier, int line, String message) {
    }

    /** A project the run created or updated. */
    public record ProjectLine(long id, String slug, String title, boolean created) {
    }
}
