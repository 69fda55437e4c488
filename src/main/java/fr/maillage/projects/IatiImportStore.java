package fr.maillage.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The {@code iati_import} table: one row per uploaded file, read by the import's page and written by its background work. */
@Component
class IatiImportStore {

    /** No sign of life for this long: the analysis or the run died with its server. */
    static final Duration STALL = Duration.ofMinutes(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Row(long id, long createdBy, String createdByName, String createdByEmail, Locale locale, boolean staff, Long organisationId,
               String fileName, String filePath, long fileSize, IatiImportStatus status, boolean lenient, IatiImportMode mode,
               boolean publish, int activities, int done, int created, int updated, int skipped, int failed,
               IatiAnalysis analysis, IatiReport report, String errorKey, String errorDetail,
               Instant createdAt, Instant analysedAt, Instant startedAt, Instant finishedAt, Instant heartbeatAt) {

        boolean stalled() {
            Instant last = heartbeatAt != null ? heartbeatAt : createdAt;
            return status.busy() && last.isBefore(Instant.now().minus(STALL));
        }
    }

    private final JdbcClient jdbc;

    IatiImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long createdBy, String name, String email, Locale locale, boolean staff, Long organisationId, String fileName, long fileSize) {
        return jdbc.sql("""
                        insert into iati_import (created_by, created_by_name, created_by_email, locale, staff, organisation_id, file_name,
                                                 file_size, status, heartbeat_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'ANALYSING', now()) returning id""")
                .params(createdBy, cut(name, 200), cut(email, 320), locale.toLanguageTag(), staff, organisationId, cut(fileName, 300), fileSize)
                .query(Long.class).single();
    }

    void filePath(long id, String path) {
        jdbc.sql("update iati_import set file_path = ? where id = ?").params(path, id).update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select * from iati_import where id = ?").param(id).query(IatiImportStore::row).optional();
    }

    /** The latest imports of a person (all of them for staff when {@code personId} is null). */
    List<Row> latest(Long personId, int limit) {
        return jdbc.sql("select * from iati_import where (cast(:p as bigint) is null or created_by = :p) order by created_at desc, id desc limit :l")
                .param("p", personId).param("l", limit).query(IatiImportStore::row).list();
    }

    /** A queued run starts here (only one worker gets it). */
    boolean toRunning(long id) {
        return jdbc.sql("update iati_import set status = 'RUNNING', heartbeat_at = now() where id = ? and status = 'QUEUED'")
                .param(id).update() == 1;
    }

    /** A failed run, or one whose worker went silent, is queued again, keeping what it did (it goes on after it). */
    boolean requeue(long id) {
        return jdbc.sql("""
                        update iati_import set status = 'QUEUED', error_key = null, error_detail = null, finished_at = null, heartbeat_at = now()
                        where id = ? and (status = 'FAILED'
                          or (status in ('RUNNING', 'QUEUED') and coalesce(heartbeat_at, created_at) < now() - cast(? as interval)))""")
                .params(id, STALL.toSeconds() + " seconds").update() == 1;
    }

    /** An analysis whose worker went silent is taken again here. */
    boolean reclaimAnalysis(long id) {
        return jdbc.sql("""
                        update iati_import set heartbeat_at = now()
                        where id = ? and status = 'ANALYSING' and coalesce(heartbeat_at, created_at) < now() - cast(? as interval)""")
                .params(id, STALL.toSeconds() + " seconds").update() == 1;
    }

    void heartbeat(long id) {
        jdbc.sql("update iati_import set heartbeat_at = now() where id = ?").param(id).update();
    }

    void analysed(long id, IatiImportStatus status, IatiAnalysis analysis, String errorKey, String errorDetail) {
        jdbc.sql("""
                        update iati_import set status = ?, analysis = cast(? as jsonb), activities = ?, error_key = ?, error_detail = ?,
                                               analysed_at = now(), heartbeat_at = now()
                        where id = ?""")
                .params(status.name(), analysis == null ? null : JSON.writeValueAsString(analysis), analysis == null ? 0 : analysis.activities(),
                        errorKey, cut(errorDetail, 1000), id)
                .update();
    }

    /** The person's choices; the run is queued (counters start again from zero). */
    boolean queue(long id, IatiImportMode mode, boolean publish, boolean lenient) {
        return jdbc.sql("""
                        update iati_import set status = 'QUEUED', mode = ?, publish = ?, lenient = ?, done = 0, created = 0, updated = 0,
                                               skipped = 0, failed = 0, report = null, error_key = null, error_detail = null,
                                               started_at = null, finished_at = null, heartbeat_at = now()
                        where id = ? and status in ('READY', 'INVALID')""")
                .params(mode.name(), publish, lenient, id).update() == 1;
    }

    void started(long id) {
        jdbc.sql("update iati_import set started_at = coalesce(started_at, now()), heartbeat_at = now() where id = ?").param(id).update();
    }

    /** Counters and report after a batch of activities (in the batch's transaction). */
    void progress(long id, int done, int created, int updated, int skipped, int failed, IatiReport report) {
        jdbc.sql("""
                        update iati_import set done = greatest(done, ?), created = created + ?, updated = updated + ?, skipped = skipped + ?,
                                               failed = failed + ?, report = cast(? as jsonb), heartbeat_at = now()
                        where id = ?""")
                .params(done, created, updated, skipped, failed, JSON.writeValueAsString(report), id).update();
    }

    void finished(long id, IatiImportStatus status, IatiReport report, String errorKey, String errorDetail) {
        jdbc.sql("""
                        update iati_import set status = ?, report = coalesce(cast(? as jsonb), report), error_key = ?, error_detail = ?,
                                               finished_at = now(),
                                               heartbeat_at = now()
                        where id = ?""")
                .params(status.name(), report == null ? null : JSON.writeValueAsString(report), errorKey, cut(errorDetail, 1000), id).update();
    }

    void forgetFile(long id) {
        jdbc.sql("update iati_import set file_path = null where id = ?").param(id).update();
    }

    /** Imports whose worker went silent (a restart): to take up again. */
    List<Row> stalled() {
        return jdbc.sql("""
                        select * from iati_import where status in ('ANALYSING', 'QUEUED', 'RUNNING')
                          and coalesce(heartbeat_at, created_at) < now() - cast(? as interval)""")
                .param(STALL.toSeconds() + " seconds").query(IatiImportStore::row).list();
    }

    /** Imports that were analysed but never run, older than {@code age}, whose file is still kept. */
    List<Row> abandoned(Duration age) {
        return jdbc.sql("""
                        select * from iati_import where file_path is not null and status in ('UNREADABLE', 'INVALID', 'READY', 'DONE', 'FAILED')
                          and coalesce(analysed_at, created_at) < now() - cast(? as interval)""")
                .param(age.toSeconds() + " seconds").query(IatiImportStore::row).list();
    }

    void delete(long id) {
        jdbc.sql("delete from iati_import where id = ?").param(id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String analysis = rs.getString("analysis");
        String report = rs.getString("report");
        String mode = rs.getString("mode");
        return new Row(rs.getLong("id"), rs.getLong("created_by"), rs.getString("created_by_name"), rs.getString("created_by_email"),
                Locale.forLanguageTag(rs.getString("locale")), rs.getBoolean("staff"), (Long) rs.getObject("organisation_id"),
                rs.getString("file_name"), rs.getString("file_path"), rs.getLong("file_size"),
                IatiImportStatus.valueOf(rs.getString("status")), rs.getBoolean("lenient"), mode == null ? null : IatiImportMode.valueOf(mode),
                rs.getBoolean("publish"), rs.getInt("activities"), rs.getInt("done"), rs.getInt("created"), rs.getInt("updated"),
                rs.getInt("skipped"), rs.getInt("failed"),
                analysis == null ? null : JSON.readValue(analysis, IatiAnalysis.class),
                report == null ? null : JSON.readValue(report, IatiReport.class),
                rs.getString("error_key"), rs.getString("error_detail"),
                instant(rs, "created_at"), instant(rs, "analysed_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "heartbeat_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
