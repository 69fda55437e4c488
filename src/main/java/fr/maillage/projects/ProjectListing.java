package fr.maillage.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.RowPage;
import fr.maillage.shared.text.Slugs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of projects for the staff area and "Mon espace": every project whatever its
 * publication, filtered by publication, lead structure and words of the title, paged; the
 * projects of a set of structures; counts by publication for the dashboard.
 */
@Service
@Transactional(readOnly = true)
public class ProjectListing {

    private static final String SELECT = "select id, slug, title, organisation_id, publication, exemplary, activity_status, source, updated_at from project";

    private final JdbcClient jdbc;
    private final Directory directory;

    ProjectListing(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * One page (from 0) of all projects, latest change first. {@code publication} and
     * {@code organisationId} may be null; {@code text} (may be blank) must appear in the title
     * or the summary, accents and case ignored.
     */
    public RowPage<ProjectRow> page(Publication publication, Long organisationId, String text, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (publication != null) {
            where.append(" and publication = :publication");
            params.put("publication", publication.name());
        }
        if (organisationId != null) {
            where.append(" and organisation_id = :org");
            params.put("org", organisationId);
        }
        List<String> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            // the folding of Slugs.fold (lower case, no accents) done in SQL on the stored text
            where.append(" and translate(replace(replace(lower(title || ' ' || coalesce(summary, '')), 'œ', 'oe'), 'æ', 'ae'), ")
                    .append("'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy') like :w").append(i);
            params.put("w" + i, "%" + words.get(i).replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        int safePage = Math.max(0, Math.min(page, 1_000_000));
        long total = bind(jdbc.sql("select count(*) from project" + where), params).query(Long.class).single();
        List<ProjectRow> rows = rows(bind(jdbc.sql(SELECT + where + " order by updated_at desc, id desc limit :limit offset :offset"), params)
                .param("limit", size).param("offset", (long) safePage * size));
        return new RowPage<>(rows, safePage, size, total);
    }

    /** The projects of these structures, whatever their publication, by structure then latest change first. */
    public List<ProjectRow> ofOrganisations(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return rows(jdbc.sql(SELECT + " where organisation_id = any(:ids) order by organisation_id, updated_at desc, id desc")
                .param("ids", organisationIds.toArray(Long[]::new)));
    }

    /** The published projects where the structure is a partner (and not the lead), latest change first. */
    public List<Long> publishedAsPartner(long organisationId, int limit) {
        return jdbc.sql("""
                select p.id from project p
                where p.publication = 'PUBLISHED' and p.organisation_id <> :org
                  and exists (select 1 from project_partner pp where pp.project_id = p.id and pp.organisation_id = :org)
                order by p.updated_at desc, p.id desc limit :limit""")
                .param("org", organisationId).param("limit", limit).query(Long.class).list();
    }

    /** How many projects each publication state holds (every state present, 0 when none). */
    public Map<Publication, Long> counts() {
        Map<Publication, Long> out = new EnumMap<>(Publication.class);
        for (Publication p : Publication.values()) {
            out.put(p, 0L);
        }
        jdbc.sql("select publication, count(*) as n from project group by publication")
                .query((rs, n) -> Map.entry(Publication.valueOf(rs.getString("publication")), rs.getLong("n")))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The structures that lead at least one project, by name (for the staff filter). */
    public List<OrganisationRef> leadOrganisations() {
        List<Long> ids = jdbc.sql("select distinct organisation_id from project").query(Long.class).list();
        return directory.refs(ids).values().stream()
                .sorted((a, b) -> Slugs.fold(a.name()).compareTo(Slugs.fold(b.name())))
                .toList();
    }

    private List<ProjectRow> rows(JdbcClient.StatementSpec spec) {
        List<Object[]> raw = spec.query((ResultSet rs, int n) -> new Object[] {
                rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getLong("organisation_id"),
                rs.getString("publication"), rs.getBoolean("exemplary"), rs.getString("activity_status"),
                rs.getString("source"), timestamp(rs)}).list();
        Map<Long, OrganisationRef> orgs = directory.refs(raw.stream().map(r -> (Long) r[3]).distinct().toList());
        List<ProjectRow> out = new ArrayList<>(raw.size());
        for (Object[] r : raw) {
            OrganisationRef o = orgs.get((Long) r[3]);
            out.add(new ProjectRow((Long) r[0], (String) r[1], (String) r[2], (Long) r[3],
                    o == null ? null : o.slug(), o == null ? null : o.displayName(),
                    Publication.valueOf((String) r[4]), (Boolean) r[5], (String) r[6], (String) r[7], (java.time.Instant) r[8]));
        }
        return out;
    }

    private static java.time.Instant timestamp(ResultSet rs) throws SQLException {
        Timestamp t = rs.getTimestamp("updated_at");
        return t == null ? null : t.toInstant();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (Map.Entry<String, Object> e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String w : Slugs.fold(text).split("\\s+")) {
            if (!w.isBlank() && out.size() < 8) {
                out.add(w);
            }
        }
        return out;
    }
}
