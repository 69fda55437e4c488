package fr.maillage.directory;

/** Where a structure stands in moderation. Only PUBLISHED ones are public. */
public enum OrganisationStatus {
    /** Submitted, waiting for staff ("en attente de validation"). */
    PENDING,
    /** Staff asked the submitter for changes. */
    CHANGES_REQUESTED,
    PUBLISHED,
    REFUSED,
    /** Merged into another structure (a duplicate); its page redirects there. */
    MERGED
}
