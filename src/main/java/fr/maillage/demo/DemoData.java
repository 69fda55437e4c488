package fr.maillage.demo;

import java.nio.charset.StandardCharsets;
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
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import fr.maillage.projects.ProjectSearch;
import fr.maillage.reference.Reference;
import fr.maillage.shared.text.Slugs;

/**
 * Loads synthetic structures into the directory tables with PostgreSQL {@code COPY}, and
 * rebuilds the directory's search index afterwards. Demo rows carry
 * {@code created_by = }{@value #DEMO_CREATOR}; everything else in the directory is left
 * alone. Loading is idempotent: {@link #ensure} only adds what is missing to reach the
 * number asked, under an advisory lock so that two nodes starting together load once.
 */
@Service
public class DemoData {

    /** The {@code created_by} of demo structures: no person. */
    public static final long DEMO_CREATOR = -1L;

    /** How many structures are generated and copied at a time (bounds the memory used). */
    static final int BATCH = 5_000;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final long LOCK_KEY = 0x4d61696c6c616765L; // "Maillage"
    private static final String DIRECTORY_PACKAGE = "fr.maillage.directory.";

    private static final String ORGANISATION_COLUMNS = "id, slug, name, name_key, acronym, structure_type, college, siret, rna, "
            + "address_line, postal_code, city, departement, region, latitude, longitude, website, public_email, show_email, "
            + "phone, show_phone, description, year_founded, volunteers, employees, member, status, created_by, created_at, "
            + "updated_at, published_at";

    private final DataSource dataSource;
    private final Reference reference;
    private final ObjectProvider<SearchMapping> searchMappingBean;
    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
    private final ObjectProvider<ProjectSearch> projectSearch;

    public DemoData(DataSource dataSource, Reference reference, ObjectProvider<SearchMapping> searchMappingBean,
            ObjectProvider<EntityManagerFactory> entityManagerFactory, ObjectProvider<ProjectSearch> projectSearch) {
        this.projectSearch = projectSearch;
        this.dataSource = dataSource;
        this.reference = reference;
        this.searchMappingBean = searchMappingBean;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** What {@link #ensure} did. */
    public record LoadResult(long before, long inserted, Duration took) {
    }

    /** The number of demo structures in the directory. */
    public long count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from organisation where created_by = " + DEMO_CREATOR)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de compter les structures de démonstration", e);
        }
    }

    /**
     * Makes the directory hold at least {@code target} demo structures, generating the missing
     * ones from {@code seed} (structure number n of a seed is always the same).
     */
    public LoadResult ensure(int target, long seed, String homeRegion) {
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
                        ResultSet rs = s.executeQuery("select count(*) from organisation where created_by = " + DEMO_CREATOR)) {
                    rs.next();
                    before = rs.getLong(1);
                }
                long missing = target - before;
                if (missing <= 0) {
                    c.commit();
                    return new LoadResult(before, 0, Duration.ofNanos(System.nanoTime() - start));
                }
                insert(c, before, missing, new DemoGenerator(reference, seed, homeRegion, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
                c.commit();
                return new LoadResult(before, missing, Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Chargement des structures de démonstration impossible", e);
        }
    }

    /**
     * Deletes every demo structure (and, by cascade, its themes, countries, SDGs and keywords)
     * with its projects, then rebuilds the indexes so that they hold none of them; returns how
     * many structures.
     */
    public int remove() {
        int removed;
        int projects;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // their projects first (a project belongs to its structure)
            projects = s.executeUpdate("delete from project where created_by = " + DEMO_CREATOR
                    + " or organisation_id in (select id from organisation where created_by = " + DEMO_CREATOR + ")");
            removed = s.executeUpdate("delete from organisation where created_by = " + DEMO_CREATOR);
        } catch (SQLException e) {
            throw new IllegalStateException("Suppression des structures de démonstration impossible", e);
        }
        if (removed > 0) {
            reindexDirectory();
        }
        if (projects > 0) {
            projectSearch.ifAvailable(ProjectSearch::reindex);
        }
        return removed;
    }

    private void insert(Connection c, long firstNumber, long count, DemoGenerator generator) throws SQLException {
        Set<String> slugs = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select slug from organisation")) {
            while (rs.next()) {
                slugs.add(rs.getString(1));
            }
        }
        Map<String, Integer> nextSuffix = new HashMap<>();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (long done = 0; done < count; done += BATCH) {
            int size = (int) Math.min(BATCH, count - done);
            List<Long> ids = nextIds(c, size);
            Rows organisations = new Rows();
            Rows themes = new Rows();
            Rows countries = new Rows();
            Rows sdgs = new Rows();
            Rows keywords = new Rows();
            for (int i = 0; i < size; i++) {
                DemoStructure d = generator.structure(firstNumber + done + i);
                long id = ids.get(i);
                String slug = uniqueSlug(Slugs.slug(d.name()), slugs, nextSuffix);
                organisations.row(id, slug, d.name(), Slugs.fold(d.name()), d.acronym(), d.structureType(), d.college(), d.siret(), d.rna(),
                        d.addressLine(), d.postalCode(), d.city(), d.departement(), d.region(), d.latitude(), d.longitude(), d.website(),
                        d.publicEmail(), d.showEmail(), d.phone(), d.showPhone(), d.description(), d.yearFounded(), d.volunteers(),
                        d.employees(), d.member(), d.status(), DEMO_CREATOR, d.createdAt(), d.updatedAt(), d.publishedAt());
                d.themes().forEach(t -> themes.row(id, t));
                for (int p = 0; p < d.countries().size(); p++) {
                    countries.row(id, p, d.countries().get(p).code(), d.countries().get(p).place());
                }
                d.sdgs().forEach(g -> sdgs.row(id, g));
                d.keywords().forEach(k -> keywords.row(id, k));
            }
            organisations.copy(copy, "organisation (" + ORGANISATION_COLUMNS + ")");
            themes.copy(copy, "organisation_theme (organisation_id, theme_code)");
            countries.copy(copy, "organisation_country (organisation_id, position, country_code, place)");
            sdgs.copy(copy, "organisation_sdg (organisation_id, sdg)");
            keywords.copy(copy, "organisation_keyword (organisation_id, keyword)");
        }
    }

    private static List<Long> nextIds(Connection c, int n) throws SQLException {
        List<Long> ids = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement(
                "select nextval(pg_get_serial_sequence('organisation', 'id')) from generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The name's slug, or the slug followed by "-2", "-3"... when taken. */
    static String uniqueSlug(String base, Set<String> taken, Map<String, Integer> nextSuffix) {
        if (taken.add(base)) {
            return base;
        }
        int n = nextSuffix.getOrDefault(base, 2);
        while (!taken.add(base + "-" + n)) {
            n++;
        }
        nextSuffix.put(base, n + 1);
        return base + "-" + n;
    }

    // ---------------------------------------------------------------- search index

    /**
     * Rebuilds the search index of the directory's indexed entities, when Hibernate Search maps
     * some; returns how long it took, or empty when there is nothing to index.
     */
    public Optional<Duration> reindexDirectory() {
        Optional<SearchMapping> mapping = searchMapping();
        List<Class<?>> types = mapping.map(DemoData::directoryTypes).orElse(List.of());
        if (types.isEmpty()) {
            log.info("Démonstration : aucune entité indexée de l'annuaire, pas d'index à reconstruire");
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            mapping.get().<Object>scope(types).massIndexer()
                    .typesToIndexInParallel(1)
                    .threadsToLoadObjects(Math.max(2, Runtime.getRuntime().availableProcessors()))
                    .batchSizeToLoadObjects(200)
                    .mergeSegmentsOnFinish(true)
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Indexation interrompue", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Démonstration : index de l'annuaire reconstruit en {} ms ({})", took.toMillis(), types.stream().map(Class::getSimpleName).toList());
        return Optional.of(took);
    }

    /** Whether the directory has indexed entities whose index holds no document at all. */
    public boolean directoryIndexIsEmpty() {
        Optional<SearchMapping> mapping = searchMapping();
        List<Class<?>> types = mapping.map(DemoData::directoryTypes).orElse(List.of());
        if (types.isEmpty()) {
            return false;
        }
        try (EntityManager em = mapping.get().toEntityManagerFactory().createEntityManager()) {
            return Search.session(em).search(mapping.get().<Object>scope(types)).where(f -> f.matchAll()).fetchTotalHitCount() == 0;
        } catch (RuntimeException e) {
            log.warn("Démonstration : impossible de compter les documents de l'index ({})", e.getMessage());
            return false;
        }
    }

    private Optional<SearchMapping> searchMapping() {
        SearchMapping bean = searchMappingBean.getIfAvailable();
        if (bean != null) {
            return Optional.of(bean);
        }
        EntityManagerFactory emf = entityManagerFactory.getIfAvailable();
        if (emf == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Search.mapping(emf));
        } catch (RuntimeException e) {
            // Hibernate Search disabled or not started
            log.debug("Hibernate Search indisponible : {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Class<?>> directoryTypes(SearchMapping mapping) {
        List<Class<?>> types = new ArrayList<>();
        for (SearchIndexedEntity<?> entity : mapping.allIndexedEntities()) {
            if (entity.javaClass().getName().startsWith(DIRECTORY_PACKAGE)) {
                types.add(entity.javaClass());
            }
        }
        return types;
    }

    // ---------------------------------------------------------------- COPY text format

    /** Rows in PostgreSQL's COPY text format. */
    static final class Rows {
        private final StringBuilder text = new StringBuilder(1 << 16);
        private int count;

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(values[i]);
            }
            text.append('\n');
            count++;
        }

        private void append(Object value) {
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof Boolean b) {
                text.append(b ? 't' : 'f');
            } else if (value instanceof String s) {
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    switch (ch) {
                        case '\\' -> text.append("\\\\");
                        case '\n' -> text.append("\\n");
                        case '\r' -> text.append("\\r");
                        case '\t' -> text.append("\\t");
                        default -> text.append(ch);
                    }
                }
            } else {
                // numbers and Instants (ISO-8601, which timestamptz reads)
                text.append(value);
            }
        }

        String text() {
            return text.toString();
        }

        void copy(CopyManager copy, String table) throws SQLException {
            if (count == 0) {
                return;
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            CopyIn in = copy.copyIn("copy " + table + " from stdin");
            try {
                for (int off = 0; off < bytes.length; off += 1 << 20) {
                    in.writeToCopy(bytes, off, Math.min(1 << 20, bytes.length - off));
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
    }
}
