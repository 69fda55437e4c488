package fr.maillage.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Service;

import fr.maillage.reference.Reference;
import fr.maillage.shared.text.Slugs;

/**
 * Loads synthetic projects for the demo structures into the projects tables with PostgreSQL
 * {@code COPY} (see {@link DemoProjectGenerator}). Demo projects carry
 * {@code created_by = }{@value DemoData#DEMO_CREATOR}. Idempotent: {@link #ensure} only adds
 * what is missing to reach the number asked, under the demo loader's advisory lock. Indexing is
 * the caller's business (the projects module's {@code ProjectSearch.reindex()}).
 */
@Service
public class DemoProjects {

    private static final long LOCK_KEY = 0x4d61696c6c616765L; // the same lock as the structures

    private static final String PROJECT_COLUMNS = "id, slug, organisation_id, title, summary, description, activity_status, "
            + "planned_start, planned_end, actual_start, actual_end, total_budget, budget_currency, lessons_worked, lessons_failed, "
            + "lessons_advice, publication, moderation_message, exemplary, source, created_by, created_at, updated_at, published_at";

    private final DataSource dataSource;
    private final Reference reference;

    public DemoProjects(DataSource dataSource, Reference reference) {
        this.dataSource = dataSource;
        this.reference = reference;
    }

    /** The number of demo projects. */
    public long count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from project where created_by = " + DemoData.DEMO_CREATOR)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de compter les projets de démonstration", e);
        }
    }

    /**
     * Makes the database hold at least {@code target} demo projects, led by the published demo
     * structures; generates the missing ones from {@code seed}. Nothing is added when there is
     * no published demo structure.
     */
    public DemoData.LoadResult ensure(int target, long seed) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    lock.execute();
                }
                long before;
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select count(*) from project where created_by = " + DemoData.DEMO_CREATOR)) {
                    rs.next();
                    before = rs.getLong(1);
                }
                long missing = target - before;
                List<DemoProjectGenerator.Lead> leads = missing > 0 ? leads(c) : List.of();
                if (missing <= 0 || leads.isEmpty()) {
                    c.commit();
                    return new DemoData.LoadResult(before, 0, Duration.ofNanos(System.nanoTime() - start));
                }
                insert(c, before, missing, new DemoProjectGenerator(reference, seed, Instant.now().truncatedTo(ChronoUnit.SECONDS), leads));
                c.commit();
                return new DemoData.LoadResult(before, missing, Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Chargement des projets de démonstration impossible", e);
        }
    }

    /**
     * Deletes the demo projects and every project of a demo structure (with their places,
     * themes, sectors... by cascade); returns how many.
     */
    public int remove() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate("delete from project where created_by = " + DemoData.DEMO_CREATOR
                    + " or organisation_id in (select id from organisation where created_by = " + DemoData.DEMO_CREATOR + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("Suppression des projets de démonstration impossible", e);
        }
    }

    /** The published demo structures, by id, with their countries and themes. */
    private static List<DemoProjectGenerator.Lead> leads(Connection c) throws SQLException {
        List<DemoProjectGenerator.Lead> out = new ArrayList<>();
        String sql = """
                select o.id, o.name, o.structure_type, o.city, o.departement, o.region,
                  array(select country_code from organisation_country x where x.organisation_id = o.id order by position) as countries,
                  array(select coalesce(place, '') from organisation_country x where x.organisation_id = o.id order by position) as places,
                  array(select theme_code from organisation_theme t where t.organisation_id = o.id order by theme_code) as themes
                from organisation o where o.created_by = %d and o.status = 'PUBLISHED' order by o.id""".formatted(DemoData.DEMO_CREATOR);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    String[] countries = strings(rs.getArray("countries"));
                    String[] places = strings(rs.getArray("places"));
                    List<DemoStructure.Country> list = new ArrayList<>();
                    for (int i = 0; i < countries.length; i++) {
                        list.add(new DemoStructure.Country(countries[i], places[i].isEmpty() ? null : places[i]));
                    }
                    out.add(new DemoProjectGenerator.Lead(rs.getLong("id"), rs.getString("name"), rs.getString("structure_type"),
                            rs.getString("city"), rs.getString("departement"), rs.getString("region"), list,
                            List.of(strings(rs.getArray("themes")))));
                }
            }
        }
        return out;
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private void insert(Connection c, long firstNumber, long count, DemoProjectGenerator generator) throws SQLException {
        Set<String> slugs = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select slug from project")) {
            while (rs.next()) {
                slugs.add(rs.getString(1));
            }
        }
        Map<String, Integer> nextSuffix = new HashMap<>();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (long done = 0; done < count; done += DemoData.BATCH) {
            int size = (int) Math.min(DemoData.BATCH, count - done);
            List<Long> ids = nextIds(c, size);
            DemoData.Rows projects = new DemoData.Rows();
            DemoData.Rows places = new DemoData.Rows();
            DemoData.Rows themes = new DemoData.Rows();
            DemoData.Rows sdgs = new DemoData.Rows();
            DemoData.Rows sectors = new DemoData.Rows();
            DemoData.Rows partners = new DemoData.Rows();
            DemoData.Rows fundings = new DemoData.Rows();
            DemoData.Rows links = new DemoData.Rows();
            for (int i = 0; i < size; i++) {
                DemoProjectGenerator.DemoProject p = generator.project(firstNumber + done + i);
                long id = ids.get(i);
                String base = Slugs.slug(p.title());
                if (base.length() > 160) {
                    base = base.substring(0, 160).replaceAll("-+$", "");
                }
                String slug = DemoData.uniqueSlug(base.isEmpty() ? "projet" : base, slugs, nextSuffix);
                projects.row(id, slug, p.organisationId(), p.title(), p.summary(), p.description(), p.status(),
                        p.plannedStart(), p.plannedEnd(), p.actualStart(), p.actualEnd(), p.totalBudget(), "EUR",
                        p.lessonsWorked(), p.lessonsFailed(), p.lessonsAdvice(), p.publication(), p.moderationMessage(), p.exemplary(),
                        "LOCAL", DemoData.DEMO_CREATOR, p.createdAt(), p.updatedAt(), p.publishedAt());
                places.row(id, 0, p.countryCode(), p.place(), null, null);
                p.themes().forEach(t -> themes.row(id, t));
                p.sdgs().forEach(g -> sdgs.row(id, g));
                for (int k = 0; k < p.sectors().size(); k++) {
                    sectors.row(id, k, "1", p.sectors().get(k).code(), p.sectors().get(k).percentage());
                }
                for (int k = 0; k < p.partners().size(); k++) {
                    var pa = p.partners().get(k);
                    partners.row(id, k, pa.organisationId(), pa.name(), null, pa.orgType(), pa.countryCode(), pa.role());
                }
                for (int k = 0; k < p.fundings().size(); k++) {
                    var f = p.fundings().get(k);
                    fundings.row(id, k, f.kind(), f.name(), null, f.amount(), "EUR", f.year());
                }
                if (p.link() != null) {
                    links.row(id, 0, "WEB", "Le projet sur le site de la structure", p.link(), null, null);
                }
            }
            projects.copy(copy, "project (" + PROJECT_COLUMNS + ")");
            places.copy(copy, "project_place (project_id, position, country_code, place, latitude, longitude)");
            themes.copy(copy, "project_theme (project_id, theme_code)");
            sdgs.copy(copy, "project_sdg (project_id, sdg)");
            sectors.copy(copy, "project_sector (project_id, position, vocabulary, code, percentage)");
            partners.copy(copy, "project_partner (project_id, position, organisation_id, name, iati_ref, org_type, country_code, role)");
            fundings.copy(copy, "project_funding (project_id, position, funder_kind, funder_name, organisation_id, amount, currency, year)");
            links.copy(copy, "project_link (project_id, position, kind, title, url, file_key, media_type)");
        }
    }

    private static List<Long> nextIds(Connection c, int n) throws SQLException {
        List<Long> ids = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement(
                "select nextval(pg_get_serial_sequence('project', 'id')) from generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
