package fr.maillage.projects;

import java.time.Instant;

/**
 * An IATI import as its page shows it: the file, the choices, where it stands, the analysis
 * (once done) and the report (once run). {@code stalled}: the analysis or the run has given no
 * sign of life for a while (the server stopped): it can be resumed.
 */
public record IatiImportView(
        long id,
        long createdBy,
        String createdByName,
        boolean staff,
        Long organisationId,
        String organisationSlug,
        String organisationName,
        String fileName,
        long fileSize,
        boolean fileKept,
        IatiImportStatus status,
        boolean lenient,
        IatiImportMode mode,
        boolean publish,
        int activities,
        int done,
        int created,
        int updated,
        int skipped,
        int failed,
        IatiAnalysis analysis,
        IatiReport report,
        String errorKey,
        String errorDetail,
        Instant createdAt,
        Instant analysedAt,
        Instant startedAt,
        Instant finishedAt,
        boolean stalled) {

    /** Percentage of the activities handled by the run (0 to 100). */
    public int percent() {
        if (activities <= 0) {
            return status == IatiImportStatus.DONE ? 100 : 0;
        }
        return (int) Math.min(100, Math.round(done * 100.0 / activities));
    }

    /** The page should refresh itself: something is under way and alive. */
    public boolean inProgress() {
        return status.busy() && !stalled;
    }

    /** The person may choose how to import (after a clean analysis, or in lenient mode after schema errors). */
    public boolean canStart() {
        return fileKept && analysis != null && analysis.activities() > 0
                && (status == IatiImportStatus.READY || status == IatiImportStatus.INVALID);
    }

    /** The reporting organisation decides which structure each project goes to (staff only). */
    public boolean reportingOrganisationDecides() {
        return organisationId == null;
    }
}
