package fr.maillage.projects;

/**
 * Where an IATI import stands. The file is first analysed (validated against the schema, then
 * previewed): {@code UNREADABLE} (not an IATI activities file, or not well-formed: nothing can be
 * imported), {@code INVALID} (schema errors: refused, unless the person chooses the lenient
 * mode), or {@code READY}. Once the person chooses what to do, the run is {@code QUEUED}, then
 * {@code RUNNING}, and ends {@code DONE} (with its report) or {@code FAILED} (stopped by an
 * unexpected error; what was imported before stays, activity by activity).
 */
public enum IatiImportStatus {
    ANALYSING, UNREADABLE, INVALID, READY, QUEUED, RUNNING, DONE, FAILED;

    /** Work is under way (analysis or run). */
    public boolean busy() {
        return this == ANALYSING || this == QUEUED || this == RUNNING;
    }
}
