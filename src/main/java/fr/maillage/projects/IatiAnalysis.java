package fr.maillage.projects;

import java.util.List;

/**
 * What the analysis of an uploaded IATI file found: the file's IATI version, its schema errors
 * (the first {@value #MAX_ERRORS}, with their line), and the preview of an import: how many
 * activities are new, would update an existing project (same IATI identifier), or would be
 * skipped and why, the warnings about what our reference lists do not know, and the
 * organisations named in the file with the structure of the directory each one is (or may be).
 */
public record IatiAnalysis(String version, int activities, List<FileError> errors, int errorCount, int fresh, int updates,
                           int skipped, List<IatiNoteCount> skipReasons, List<IatiNoteCount> warnings,
                           List<Organisation> organisations, int organisationCount) {

    public static final int MAX_ERRORS = 200;
    public static final int MAX_ORGANISATIONS = 300;

    public IatiAnalysis {
        errors = errors == null ? List.of() : List.copyOf(errors);
        skipReasons = skipReasons == null ? List.of() : List.copyOf(skipReasons);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    /** A schema error: where it is in the file and what the validator says. */
    public record FileError(int line, int column, String message) {
    }

    /**
     * An organisation of the file: its IATI identifier and name, its roles ("reporting", or
     * IATI role codes 1 to 4), in how many activities, and the structure it matched
     * ({@code kind}: IDENTIFIER, MAPPING, PROPOSED or NONE, see {@link IatiOrganisations.MatchKind}).
     */
    public record Organisation(String ref, String name, List<String> roles, int activities, Long organisationId,
                               String organisationSlug, String organisationName, String kind) {

        public Organisation {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }
}
