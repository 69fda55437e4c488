package fr.maillage.projects;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.maillage.shared.text.Slugs;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts the new projects of an import batch with JDBC batches (one statement per table for
 * the whole batch, ids taken from the project sequence beforehand), in the caller's
 * transaction. The values are those {@link Projects#apply} gives the entity, so an imported
 * project is stored exactly as if it had been created through the form.
 */
@Component
class IatiProjectWriter {

    /** A project to create: its content, its lead structure and its IATI identifier. */
    record NewProject(ProjectData data, long organisationId, String iatiIdentifier) {
    }

    /** A project created: id, slug, lead structure, title. */
    record Created(long id, String slug, long organisationId, String title) {
    }

    private static final int SLUG_CANDIDATES = 20;

    private final JdbcTemplate jdbc;
    private final Projects projects;

    IatiProjectWriter(JdbcTemplate jdbc, Projects projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    List<Created> insert(List<NewProject> items, boolean publish, long createdBy) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.queryForList("select nextval('project_id_seq') from generate_series(1, ?)", Long.class, items.size());
        List<Project> entities = new ArrayList<>(items.size());
        Instant now = Instant.now();
        for (int i = 0; i < items.size(); i++) {
            NewProject item = items.get(i);
            Project p = new Project(item.organisationId(), item.data().title().strip());
            Projects.apply(item.data(), p);
            p.id = ids.get(i);
            p.iatiIdentifier = item.iatiIdentifier();
            p.source = "IATI";
            p.createdBy = createdBy;
            p.createdAt = now;
            p.updatedAt = now;
            p.publication = publish ? Publication.PUBLISHED : Publication.DRAFT;
            p.publishedAt = publish ? now : null;
            entities.add(p);
        }
        slugs(entities);
        Timestamp ts = Timestamp.from(now);
        jdbc.batchUpdate("""
                insert into project (id, slug, organisation_id, iati_identifier, title, summary, description, activity_status,
                                     planned_start, planned_end, actual_start, actual_end, total_budget, budget_currency,
                                     lessons_worked, lessons_failed, lessons_advice, publication, exemplary, source, created_by,
                                     created_at, updated_at, published_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, 0)""", entities, entities.size(), (ps, p) -> {
            ps.setLong(1, p.id);
            ps.setString(2, p.slug);
            ps.setLong(3, p.organisationId);
            ps.setString(4, p.iatiIdentifier);
            ps.setString(5, p.title);
            ps.setString(6, p.summary);
            ps.setString(7, p.description);
            ps.setString(8, p.activityStatus);
            setDate(ps, 9, p.plannedStart);
            setDate(ps, 10, p.plannedEnd);
            setDate(ps, 11, p.actualStart);
            setDate(ps, 12, p.actualEnd);
            ps.setBigDecimal(13, p.totalBudget);
            ps.setString(14, p.budgetCurrency);
            ps.setString(15, p.lessonsWorked);
            ps.setString(16, p.lessonsFailed);
            ps.setString(17, p.lessonsAdvice);
            ps.setString(18, p.publication.name());
            ps.setString(19, p.source);
            ps.setLong(20, p.createdBy);
            ps.setTimestamp(21, ts);
            ps.setTimestamp(22, ts);
            ps.setTimestamp(23, p.publishedAt == null ? null : ts);
        });
        children(entities);
        List<Created> out = new ArrayList<>(entities.size());
        entities.forEach(p -> out.add(new Created(p.id, p.slug, p.organisationId, p.title)));
        return out;
    }

    private void children(List<Project> entities) {
        record Child<T>(long projectId, int position, T value) {
        }
        List<Child<ProjectPlace>> places = new ArrayList<>();
        List<Child<String>> themes = new ArrayList<>();
        List<Child<Short>> sdgs = new ArrayList<>();
        List<Child<ProjectSector>> sectors = new ArrayList<>();
        List<Child<ProjectPartner>> partners = new ArrayList<>();
        List<Child<ProjectFunding>> fundings = new ArrayList<>();
        List<Child<ProjectLink>> links = new ArrayList<>();
        for (Project p : entities) {
            for (int i = 0; i < p.places.size(); i++) {
                places.add(new Child<>(p.id, i, p.places.get(i)));
            }
            p.themes.forEach(t -> themes.add(new Child<>(p.id, 0, t)));
            p.sdgs.forEach(s -> sdgs.add(new Child<>(p.id, 0, s)));
            for (int i = 0; i < p.sectors.size(); i++) {
                sectors.add(new Child<>(p.id, i, p.sectors.get(i)));
            }
            for (int i = 0; i < p.partners.size(); i++) {
                partners.add(new Child<>(p.id, i, p.partners.get(i)));
            }
            for (int i = 0; i < p.fundings.size(); i++) {
                fundings.add(new Child<>(p.id, i, p.fundings.get(i)));
            }
            for (int i = 0; i < p.links.size(); i++) {
                links.add(new Child<>(p.id, i, p.links.get(i)));
            }
        }
        if (!places.isEmpty()) {
            jdbc.batchUpdate("insert into project_place (project_id, position, country_code, place, latitude, longitude) values (?, ?, ?, ?, ?, ?)",
                    places, places.size(), (ps, c) -> {
                        ps.setLong(1, c.projectId());
                        ps.setInt(2, c.position());
                        ps.setString(3, c.value().countryCode);
                        ps.setString(4, c.value().place);
                        setDouble(ps, 5, c.value().latitude);
                        setDouble(ps, 6, c.value().longitude);
                    });
        }
        if (!themes.isEmpty()) {
            jdbc.batchUpdate("insert into project_theme (project_id, theme_code) values (?, ?)", themes, themes.size(), (ps, c) -> {
                ps.setLong(1, c.projectId());
                ps.setString(2, c.value());
            });
        }
        if (!sdgs.isEmpty()) {
            jdbc.batchUpdate("insert into project_sdg (project_id, sdg) values (?, ?)", sdgs, sdgs.size(), (ps, c) -> {
                ps.setLong(1, c.projectId());
                ps.setShort(2, c.value());
            });
        }
        if (!sectors.isEmpty()) {
            jdbc.batchUpdate("insert into project_sector (project_id, position, vocabulary, code, percentage) values (?, ?, ?, ?, ?)",
                    sectors, sectors.size(), (ps, c) -> {
                        ps.setLong(1, c.projectId());
                        ps.setInt(2, c.position());
                        ps.setString(3, c.value().vocabulary);
                        ps.setString(4, c.value().code);
                        ps.setBigDecimal(5, c.value().percentage);
                    });
        }
        if (!partners.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into project_partner (project_id, position, organisation_id, name, iati_ref, org_type, country_code, role)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", partners, partners.size(), (ps, c) -> {
                ps.setLong(1, c.projectId());
                ps.setInt(2, c.position());
                setLong(ps, 3, c.value().organisationId);
                ps.setString(4, c.value().name);
                ps.setString(5, c.value().iatiRef);
                ps.setString(6, c.value().orgType);
                ps.setString(7, c.value().countryCode);
                ps.setString(8, c.value().role);
            });
        }
        if (!fundings.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into project_funding (project_id, position, funder_kind, funder_name, organisation_id, amount, currency, year)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", fundings, fundings.size(), (ps, c) -> {
                ps.setLong(1, c.projectId());
                ps.setInt(2, c.position());
                ps.setString(3, c.value().funderKind);
                ps.setString(4, c.value().funderName);
                setLong(ps, 5, c.value().organisationId);
                ps.setBigDecimal(6, c.value().amount);
                ps.setString(7, c.value().currency);
                if (c.value().year == null) {
                    ps.setNull(8, Types.INTEGER);
                } else {
                    ps.setInt(8, c.value().year);
                }
            });
        }
        if (!links.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into project_link (project_id, position, kind, title, url, file_key, media_type) values (?, ?, ?, ?, ?, ?, ?)""",
                    links, links.size(), (ps, c) -> {
                        ps.setLong(1, c.projectId());
                        ps.setInt(2, c.position());
                        ps.setString(3, c.value().kind);
                        ps.setString(4, c.value().title);
                        ps.setString(5, c.value().url);
                        ps.setString(6, c.value().fileKey);
                        ps.setString(7, c.value().mediaType);
                    });
        }
    }

    /** Unique slugs for the batch: the title's, else with -2, -3... (one query for all the candidates of the batch). */
    private void slugs(List<Project> entities) {
        List<String> bases = new ArrayList<>(entities.size());
        List<String> candidates = new ArrayList<>();
        for (Project p : entities) {
            String base = Slugs.slug(p.title);
            if (base.isEmpty()) {
                base = "projet";
            }
            if (base.length() > 160) {
                base = base.substring(0, 160).replaceAll("-+$", "");
            }
            bases.add(base);
            candidates.add(base);
            for (int i = 2; i <= SLUG_CANDIDATES; i++) {
                candidates.add(base + "-" + i);
            }
        }
        Set<String> taken = new HashSet<>(jdbc.queryForList("select slug from project where slug = any(?)", String.class,
                (Object) candidates.toArray(String[]::new)));
        for (int k = 0; k < entities.size(); k++) {
            String base = bases.get(k);
            String slug = null;
            for (int i = 1; i <= SLUG_CANDIDATES && slug == null; i++) {
                String c = i == 1 ? base : base + "-" + i;
                if (taken.add(c)) {
                    slug = c;
                }
            }
            if (slug == null) {
                slug = projects.uniqueSlug(entities.get(k).title);
                while (!taken.add(slug)) {
                    slug = slug + "-" + entities.get(k).id;
                }
            }
            entities.get(k).slug = slug;
        }
    }

    private static void setDate(java.sql.PreparedStatement ps, int i, LocalDate d) throws java.sql.SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, d);
        }
    }

    private static void setDouble(java.sql.PreparedStatement ps, int i, Double d) throws java.sql.SQLException {
        if (d == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, d);
        }
    }

    private static void setLong(java.sql.PreparedStatement ps, int i, Long l) throws java.sql.SQLException {
        if (l == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, l);
        }
    }
}
