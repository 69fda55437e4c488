package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.ProjectActivity;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.CodeLabel;
import fr.maillage.shared.Facet;
import fr.maillage.shared.Facet.FacetValue;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.search.SearchText;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.aggregation.SearchAggregation;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.sort.SearchSort;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.common.EntityReference;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finding projects: full-text and faceted search of the published projects of published
 * structures (country, theme, DAC sector, SDG, status, year, funder, type and département of
 * the lead structure, exemplary), OR within a facet and AND across facets, each facet counted
 * without its own selection. Lists are served from the search index (stored fields projected,
 * no database access per result), as in the directory.
 */
@Service
public class ProjectSearch {

    private static final Logger log = LoggerFactory.getLogger(ProjectSearch.class);
    private static final int MAX_FACET_VALUES = 400;
    /** The facet counts of all published projects are reused this long at most (dropped at once on any change). */
    static final long WHOLE_COUNTS_TTL_NANOS = 30_000_000_000L;

    private final EntityManagerFactory entityManagerFactory;
    private final Reference reference;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final LeadStructures leads;
    private final AtomicBoolean indexing = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicReference<WholeCounts> wholeCounts = new AtomicReference<>();
    private final ExecutorService facetPool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "project-facets");
        t.setDaemon(true);
        return t;
    });

    ProjectSearch(EntityManagerFactory entityManagerFactory, Reference reference, MessageSource messages, JdbcClient jdbc,
            Directory directory, LeadStructures leads) {
        this.entityManagerFactory = entityManagerFactory;
        this.reference = reference;
        this.messages = messages;
        this.jdbc = jdbc;
        this.directory = directory;
        this.leads = leads;
    }

    // ------------------------------------------------------------------ search

    /** One page of published projects matching the query, with every facet counted. */
    public SearchResult<ProjectSummary> search(ProjectQuery query, Locale locale) {
        int page = query.effectivePage();
        int size = query.effectiveSize();
        return inSession(session -> {
            SearchScope<Project> scope = session.scope(Project.class);
            SearchPredicateFactory pf = scope.predicate();
            SearchPredicate base = base(pf, query.q());
            Map<String, SearchPredicate> filters = filters(pf, query);
            Map<String, AggregationKey<Map<String, Long>>> keys = keys();

            boolean noText = SearchText.tokens(query.q()).isEmpty();
            // the counts of all published projects serve the landing page and the disjunctive
            // count of any single filter: computed once per change of the index
            Map<String, Map<String, Long>> whole = noText && filters.size() <= 1 ? wholeCounts(session, scope, pf, keys) : null;

            List<String> toCount = new ArrayList<>();
            ProjectQuery.FACETS.stream().filter(f -> !filters.containsKey(f)).forEach(toCount::add);
            Map<String, Map<String, Long>> counts = new HashMap<>();
            if (whole != null && filters.isEmpty()) {
                toCount.forEach(f -> counts.put(f, whole.get(f)));
                toCount.clear();
            }
            // on a multi-core machine, half of the facets and every disjunctive count are counted
            // by other threads while this one fetches the page of results
            List<String> inMain = toCount.size() >= 4 ? toCount.subList(0, toCount.size() / 2) : toCount;
            List<String> aside = toCount.subList(inMain.size(), toCount.size());
            List<Future<Map<String, Map<String, Long>>>> pending = new ArrayList<>();
            if (!aside.isEmpty()) {
                pending.add(facetPool.submit(() -> countFacets(query, List.copyOf(aside), null)));
            }
            for (String facet : filters.keySet()) {
                if (!ProjectQuery.FACETS.contains(facet)) {
                    continue;
                }
                if (whole != null) {
                    counts.put(facet, whole.get(facet));
                } else {
                    pending.add(facetPool.submit(() -> countFacets(query, List.of(facet), facet)));
                }
            }
            List<String> organisations = query.organisation();
            Future<Map<String, Long>> organisationCounts = organisations.size() > 1
                    ? facetPool.submit(() -> organisationCounts(query)) : null;

            var step = session.search(scope)
                    .select(summaryProjection(scope.projection(), locale))
                    .where(and(pf, base, filters.values()))
                    .sort(sort(scope.sort(), query.effectiveSort()));
            for (String facet : inMain) {
                addAggregation(step, scope, facet, keys);
            }
            var result = step.fetch((page - 1) * size, size);
            for (String facet : inMain) {
                counts.put(facet, result.aggregation(keys.get(facet)));
            }
            for (var future : pending) {
                counts.putAll(await(future));
            }
            List<Facet> facets = new ArrayList<>();
            for (String facet : ProjectQuery.FACETS) {
                facets.add(facet(facet, counts.getOrDefault(facet, Map.of()), query, locale));
            }
            if (!organisations.isEmpty()) {
                Map<String, Long> byOrganisation = organisationCounts != null ? await(organisationCounts)
                        : Map.of(organisations.get(0), result.total().hitCount());
                facets.add(organisationFacet(query, byOrganisation));
            }
            return new SearchResult<>(result.hits(), result.total().hitCount(), page, size, facets);
        });
    }

    /** Up to {@code limit} published projects matching the query, in its order. */
    public List<ProjectSummary> list(ProjectQuery query, Locale locale, int limit) {
        return inSession(session -> {
            SearchScope<Project> scope = session.scope(Project.class);
            SearchPredicateFactory pf = scope.predicate();
            return session.search(scope)
                    .select(summaryProjection(scope.projection(), locale))
                    .where(and(pf, base(pf, query.q()), filters(pf, query).values()))
                    .sort(sort(scope.sort(), query.effectiveSort()))
                    .fetchHits(limit);
        });
    }

    /** How many published projects match the query. */
    public long count(ProjectQuery query) {
        return inSession(session -> {
            SearchScope<Project> scope = session.scope(Project.class);
            SearchPredicateFactory pf = scope.predicate();
            return session.search(scope).where(and(pf, base(pf, query.q()), filters(pf, query).values())).fetchTotalHitCount();
        });
    }

    // ------------------------------------------------------------------ query checking

    /**
     * The codes of the query that mean nothing ("country=XX", "year=deux-mille",
     * "organisation=inconnue"), as "parameter=value" strings: the API reports them.
     */
    public List<String> unknownCodes(ProjectQuery query) {
        List<String> unknown = new ArrayList<>();
        for (String facet : ProjectQuery.FACETS) {
            for (String code : query.values(facet)) {
                if (!isKnown(facet, code)) {
                    unknown.add(facet + "=" + code);
                }
            }
        }
        for (String slug : query.organisation()) {
            if (directory.ref(slug).isEmpty()) {
                unknown.add("organisation=" + slug);
            }
        }
        return unknown;
    }

    /** The query without unknown codes, page and size within bounds: pages quietly drop what they do not know (an old link keeps working). */
    public ProjectQuery clean(ProjectQuery query) {
        ProjectQuery q = query;
        for (String facet : ProjectQuery.FACETS) {
            List<String> known = q.values(facet).stream().filter(c -> isKnown(facet, c)).toList();
            if (known.size() != q.values(facet).size()) {
                q = q.withValues(facet, known);
            }
        }
        List<String> organisations = q.organisation().stream().filter(s -> directory.ref(s).isPresent()).toList();
        if (organisations.size() != q.organisation().size()) {
            q = q.withValues("organisation", organisations);
        }
        if (query.page() != null) {
            q = q.withPage(Math.max(1, Math.min(query.page(), 10_000)));
        }
        if (query.size() != null && (query.size() < 1 || query.size() > ProjectQuery.MAX_SIZE)) {
            q = q.withSize(Math.max(1, Math.min(query.size(), ProjectQuery.MAX_SIZE)));
        }
        if (q.sort() != null && !ProjectQuery.SORTS.contains(q.sort())) {
            q = q.withSort(null).withPage(q.effectivePage());
        }
        return q;
    }

    private boolean isKnown(String facet, String code) {
        return switch (facet) {
            case "country" -> reference.exists(RefList.COUNTRIES, code);
            case "theme" -> reference.exists(RefList.THEMES, code);
            case "sector" -> reference.exists(RefList.DAC_CATEGORIES, code);
            case "sdg" -> reference.exists(RefList.SDGS, code);
            case "status" -> reference.exists(RefList.ACTIVITY_STATUS, code);
            case "year" -> code.matches("(19|20|21)\\d\\d");
            case "funder" -> FunderKind.isKnown(code);
            case "leadType" -> reference.exists(RefList.STRUCTURE_TYPES, code);
            case "departement" -> reference.exists(RefList.DEPARTEMENTS, code);
            case "exemplary" -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ labels

    /** The label of a facet value in the reader's language. */
    public String facetLabel(String facet, String code, Locale locale) {
        return switch (facet) {
            case "country" -> reference.label(RefList.COUNTRIES, code, locale);
            case "theme" -> reference.label(RefList.THEMES, code, locale);
            case "sector" -> reference.label(RefList.DAC_CATEGORIES, code, locale);
            case "sdg" -> sdgLabel(code, locale);
            case "status" -> reference.label(RefList.ACTIVITY_STATUS, code, locale);
            case "funder" -> messages.getMessage("projects.search.funder." + code, null, code, locale);
            case "leadType" -> reference.label(RefList.STRUCTURE_TYPES, code, locale);
            case "departement" -> reference.find(RefList.DEPARTEMENTS, code).map(d -> d.label(locale) + " (" + d.code() + ")").orElse(code);
            case "exemplary" -> messages.getMessage("projects.search.facet.exemplary." + code, null, code, locale);
            case "organisation" -> directory.ref(code).map(OrganisationRef::displayName).orElse(code);
            default -> code;
        };
    }

    private String sdgLabel(String code, Locale locale) {
        return reference.find(RefList.SDGS, code).map(s -> {
            String shortLabel = s.extra("en".equals(locale.getLanguage()) ? "short_en" : "short_fr");
            return code + ". " + (shortLabel.isBlank() ? s.label(locale) : shortLabel);
        }).orElse(code);
    }

    private Facet facet(String name, Map<String, Long> counts, ProjectQuery query, Locale locale) {
        List<FacetValue> values = new ArrayList<>();
        counts.forEach((code, count) -> {
            boolean shown = count > 0 && !(name.equals("exemplary") && !"true".equals(code));
            if (shown || (count > 0 && query.isSelected(name, code))) {
                values.add(new FacetValue(code, facetLabel(name, code, locale), count, query.isSelected(name, code)));
            }
        });
        for (String selected : query.values(name)) {
            if (!counts.containsKey(selected) || counts.get(selected) == 0) {
                values.add(new FacetValue(selected, facetLabel(name, selected, locale), 0, true));
            }
        }
        Comparator<FacetValue> order = switch (name) {
            // latest years first, statuses in their lifecycle order
            case "year" -> Comparator.comparing(FacetValue::code).reversed();
            case "status", "exemplary" -> Comparator.comparing(FacetValue::code);
            default -> Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::label, String.CASE_INSENSITIVE_ORDER);
        };
        values.sort(order);
        return new Facet(name, values);
    }

    private Facet organisationFacet(ProjectQuery query, Map<String, Long> counts) {
        List<FacetValue> values = new ArrayList<>();
        for (String slug : query.organisation()) {
            values.add(new FacetValue(slug, facetLabel("organisation", slug, Locale.ROOT), counts.getOrDefault(slug, 0L), true));
        }
        return new Facet("organisation", values);
    }

    private Map<String, Long> organisationCounts(ProjectQuery query) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String slug : query.organisation()) {
            out.put(slug, count(query.withValues("organisation", List.of(slug))));
        }
        return out;
    }

    // ------------------------------------------------------------------ indexing

    /**
     * Rebuilds the projects' index from the database, then the directory's project counts
     * (staff action, demo data, lost index). A call while a rebuild runs makes it run once more.
     */
    public void reindex() {
        if (!indexing.compareAndSet(false, true)) {
            again.set(true);
            log.info("Réindexation des projets déjà en cours : une autre suivra");
            return;
        }
        try (EntityManager em = entityManagerFactory.createEntityManager()) {
            do {
                again.set(false);
                long start = System.nanoTime();
                leads.preload(jdbc.sql("""
                        select organisation_id from project
                        union select organisation_id from project_partner where organisation_id is not null
                        union select organisation_id from project_funding where organisation_id is not null""")
                        .query(Long.class).list());
                Search.session(em).massIndexer(Project.class)
                        .threadsToLoadObjects(Math.max(2, Runtime.getRuntime().availableProcessors()))
                        .batchSizeToLoadObjects(200)
                        .idFetchSize(1000)
                        .mergeSegmentsOnFinish(true)
                        .startAndWait();
                leads.clear();
                changed();
                log.info("Index des projets reconstruit en {} ms", (System.nanoTime() - start) / 1_000_000);
            } while (again.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            indexing.set(false);
        }
    }

    // ------------------------------------------------------------------ the directory's project counts

    /**
     * What the published projects of the given structures cover (all structures when
     * {@code organisationIds} is empty), by structure; structures without published project are
     * left out.
     */
    Map<Long, ProjectActivity> activities(Long... organisationIds) {
        boolean all = organisationIds.length == 0;
        String where = all ? "p.publication = 'PUBLISHED'" : "p.publication = 'PUBLISHED' and p.organisation_id = any(:ids)";
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, Set<String>> countries = new HashMap<>();
        Map<Long, Set<String>> themes = new HashMap<>();
        var countQuery = jdbc.sql("select p.organisation_id, count(*) as n from project p where " + where + " group by p.organisation_id");
        var countryQuery = jdbc.sql("select distinct p.organisation_id, pp.country_code from project p join project_place pp on pp.project_id = p.id where " + where);
        var themeQuery = jdbc.sql("select distinct p.organisation_id, pt.theme_code from project p join project_theme pt on pt.project_id = p.id where " + where);
        if (!all) {
            countQuery = countQuery.param("ids", organisationIds);
            countryQuery = countryQuery.param("ids", organisationIds);
            themeQuery = themeQuery.param("ids", organisationIds);
        }
        countQuery.query(rs -> {
            counts.put(rs.getLong(1), rs.getInt(2));
        });
        countryQuery.query(rs -> {
            countries.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        themeQuery.query(rs -> {
            themes.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        Map<Long, ProjectActivity> out = new LinkedHashMap<>();
        counts.forEach((id, n) -> out.put(id, new ProjectActivity(n, countries.getOrDefault(id, Set.of()), themes.getOrDefault(id, Set.of()))));
        return out;
    }

    /**
     * Makes the directory's project counts match the projects; returns how many structures
     * changed. With {@code reindexDirectory}, their search documents follow.
     */
    public int syncDirectoryActivity(boolean reindexDirectory) {
        Set<Long> changed = directory.replaceProjectActivity(activities(), reindexDirectory);
        if (!changed.isEmpty()) {
            log.info("Projets des structures de l'annuaire mis à jour pour {} structures", changed.size());
        }
        return changed.size();
    }

    /** Whether a rebuild of the index runs (searches then miss part of the projects). */
    public boolean isIndexing() {
        return indexing.get();
    }

    /** How many projects the index holds, published or not. */
    public long indexedCount() {
        return inSession(session -> session.search(Project.class).where(f -> f.matchAll()).fetchTotalHitCount());
    }

    /** What was counted from the index before is out of date. */
    void changed() {
        epoch.incrementAndGet();
    }

    // ------------------------------------------------------------------ query building

    private <T> T inSession(Function<SearchSession, T> work) {
        // a plain session: projections need neither a transaction nor a database connection
        try (EntityManager em = entityManagerFactory.createEntityManager()) {
            return work.apply(Search.session(em));
        }
    }

    /** Published projects of published structures, matching the text if any. */
    private SearchPredicate base(SearchPredicateFactory f, String q) {
        SearchPredicate published = f.bool()
                .filter(f.match().field(ProjectSearchMapping.PUBLICATION).matching(Publication.PUBLISHED))
                .filter(f.match().field(ProjectSearchMapping.LEAD_PUBLIC).matching(true))
                .toPredicate();
        List<String> tokens = SearchText.tokens(q);
        if (tokens.isEmpty()) {
            return published;
        }
        String text = String.join(" ", tokens);
        SearchPredicate exact = f.simpleQueryString()
                .field(ProjectSearchMapping.TITLE).boost(4f)
                .field(ProjectSearchMapping.TITLE_FR).boost(2f)
                .field(ProjectSearchMapping.LEAD_NAME).boost(2f)
                .field(ProjectSearchMapping.SUMMARY_TEXT).boost(1.5f)
                .field(ProjectSearchMapping.DESCRIPTION)
                .field(ProjectSearchMapping.COUNTRY_TEXT)
                .field(ProjectSearchMapping.PLACE_TEXT)
                .field(ProjectSearchMapping.THEME_TEXT)
                .field(ProjectSearchMapping.SECTOR_TEXT)
                .field(ProjectSearchMapping.PARTNER_TEXT)
                .field(ProjectSearchMapping.LESSONS)
                .matching(text)
                .defaultOperator(BooleanOperator.AND)
                .toPredicate();
        // typo tolerance on titles, ranked below exact matches: one edit, two for long words
        // (beyond 8 letters; the automata of two edits cost ten times more to build, and every
        // query of a search builds them: the page, and each facet count)
        var fuzzy = f.bool();
        for (String token : tokens) {
            if (token.length() <= 3) {
                fuzzy.must(f.match().field(ProjectSearchMapping.TITLE).matching(token));
            } else {
                boolean longWord = token.length() > 8;
                fuzzy.must(f.match().field(ProjectSearchMapping.TITLE).matching(token).fuzzy(longWord ? 2 : 1, longWord ? 2 : 1));
            }
        }
        fuzzy.boost(0.3f);
        return f.bool().filter(published).must(f.bool().should(exact).should(fuzzy)).toPredicate();
    }

    /** One predicate per facet (and the organisation filter) that has a selection: its values with OR. */
    private Map<String, SearchPredicate> filters(SearchPredicateFactory f, ProjectQuery query) {
        Map<String, SearchPredicate> filters = new LinkedHashMap<>();
        for (String facet : ProjectQuery.FACETS) {
            List<String> values = query.values(facet);
            if (values.isEmpty()) {
                continue;
            }
            if (facet.equals("exemplary")) {
                filters.put(facet, f.match().field(ProjectSearchMapping.EXEMPLARY).matching(Boolean.valueOf(values.get(0))).toPredicate());
            } else {
                filters.put(facet, f.terms().field(field(facet)).matchingAny(values).toPredicate());
            }
        }
        if (!query.organisation().isEmpty()) {
            filters.put("organisation", f.terms().field(ProjectSearchMapping.LEAD_SLUG).matchingAny(query.organisation()).toPredicate());
        }
        return filters;
    }

    private static SearchPredicate and(SearchPredicateFactory f, SearchPredicate base, Collection<SearchPredicate> filters) {
        if (filters.isEmpty()) {
            return base;
        }
        var bool = f.bool().must(base);
        filters.forEach(bool::filter);
        return bool.toPredicate();
    }

    private static SearchSort sort(SearchSortFactory f, String sort) {
        return switch (sort) {
            case "relevance" -> f.score().then().field(ProjectSearchMapping.UPDATED_AT).desc().toSort();
            case "title" -> f.field(ProjectSearchMapping.TITLE_SORT).then().field(ProjectSearchMapping.UPDATED_AT).desc().toSort();
            case "start" -> f.field(ProjectSearchMapping.START).desc().missing().last()
                    .then().field(ProjectSearchMapping.TITLE_SORT).toSort();
            default -> f.field(ProjectSearchMapping.UPDATED_AT).desc().then().field(ProjectSearchMapping.TITLE_SORT).toSort();
        };
    }

    static String field(String facet) {
        return switch (facet) {
            case "country" -> ProjectSearchMapping.COUNTRY;
            case "theme" -> ProjectSearchMapping.THEME;
            case "sector" -> ProjectSearchMapping.SECTOR;
            case "sdg" -> ProjectSearchMapping.SDG;
            case "status" -> ProjectSearchMapping.STATUS;
            case "year" -> ProjectSearchMapping.YEAR;
            case "funder" -> ProjectSearchMapping.FUNDER;
            case "leadType" -> ProjectSearchMapping.LEAD_TYPE;
            case "departement" -> ProjectSearchMapping.LEAD_DEPARTEMENT;
            case "exemplary" -> ProjectSearchMapping.EXEMPLARY;
            default -> throw new IllegalArgumentException(facet);
        };
    }

    private static Map<String, AggregationKey<Map<String, Long>>> keys() {
        Map<String, AggregationKey<Map<String, Long>>> keys = new LinkedHashMap<>();
        for (String facet : ProjectQuery.FACETS) {
            keys.put(facet, AggregationKey.of(facet));
        }
        return keys;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addAggregation(org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep step,
            SearchScope<Project> scope, String facet, Map<String, AggregationKey<Map<String, Long>>> keys) {
        SearchAggregation<?> aggregation = facet.equals("exemplary")
                // booleans counted under "true"/"false", like the other facets' string codes
                ? scope.aggregation().terms().field(ProjectSearchMapping.EXEMPLARY, String.class,
                        org.hibernate.search.engine.search.common.ValueModel.STRING).toAggregation()
                : scope.aggregation().terms().field(field(facet), String.class).maxTermCount(MAX_FACET_VALUES).toAggregation();
        step.aggregation((AggregationKey) keys.get(facet), (SearchAggregation) aggregation);
    }

    /** Counts the given facets for the query, without the filter of {@code excluding} (a disjunctive count) when set. */
    private Map<String, Map<String, Long>> countFacets(ProjectQuery query, List<String> facets, String excluding) {
        return inSession(session -> {
            SearchScope<Project> scope = session.scope(Project.class);
            SearchPredicateFactory pf = scope.predicate();
            Map<String, SearchPredicate> filters = filters(pf, query);
            if (excluding != null) {
                filters.remove(excluding);
            }
            Map<String, AggregationKey<Map<String, Long>>> keys = keys();
            var step = session.search(scope).select(f -> f.id()).where(and(pf, base(pf, query.q()), filters.values()));
            for (String facet : facets) {
                addAggregation(step, scope, facet, keys);
            }
            var result = step.fetch(0);
            Map<String, Map<String, Long>> counts = new HashMap<>();
            for (String facet : facets) {
                counts.put(facet, result.aggregation(keys.get(facet)));
            }
            return counts;
        });
    }

    private record WholeCounts(Map<String, Map<String, Long>> counts, long epoch, long computedAt) {
    }

    /** Facet counts of all published projects, reused while no project changed (and 30 s at most). */
    private Map<String, Map<String, Long>> wholeCounts(SearchSession session, SearchScope<Project> scope, SearchPredicateFactory pf,
            Map<String, AggregationKey<Map<String, Long>>> keys) {
        long now = System.nanoTime();
        long current = epoch.get();
        WholeCounts cached = wholeCounts.get();
        if (cached != null && cached.epoch() == current && now - cached.computedAt() < WHOLE_COUNTS_TTL_NANOS) {
            return cached.counts();
        }
        var step = session.search(scope).select(f -> f.id()).where(base(pf, ""));
        for (String facet : ProjectQuery.FACETS) {
            addAggregation(step, scope, facet, keys);
        }
        var result = step.fetch(0);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (String facet : ProjectQuery.FACETS) {
            counts.put(facet, result.aggregation(keys.get(facet)));
        }
        wholeCounts.set(new WholeCounts(Map.copyOf(counts), current, now));
        return counts;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Recherche interrompue", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stopFacetPool() {
        facetPool.shutdownNow();
    }

    // ------------------------------------------------------------------ projection

    private CodeLabel codeLabel(String facet, String code, Locale locale) {
        return code == null || code.isBlank() ? null : new CodeLabel(code, facetLabel(facet, code, locale));
    }

    private List<CodeLabel> codeLabels(String facet, Collection<String> codes, Locale locale) {
        return codes == null ? List.of() : codes.stream().map(c -> new CodeLabel(c, facetLabel(facet, c, locale))).toList();
    }

    private SearchProjection<ProjectSummary> summaryProjection(SearchProjectionFactory<EntityReference, Project> f, Locale locale) {
        return f.composite().from(
                f.id(Long.class),
                f.field(ProjectSearchMapping.SLUG, String.class),
                f.field(ProjectSearchMapping.TITLE, String.class),
                f.field(ProjectSearchMapping.SUMMARY, String.class),
                f.field(ProjectSearchMapping.STATUS, String.class),
                f.field(ProjectSearchMapping.START, LocalDate.class),
                f.field(ProjectSearchMapping.END, LocalDate.class),
                f.field(ProjectSearchMapping.COUNTRY, String.class).list(),
                f.field(ProjectSearchMapping.THEME, String.class).list(),
                f.field(ProjectSearchMapping.SECTOR, String.class).list(),
                f.field(ProjectSearchMapping.SDG, String.class).list(),
                f.field(ProjectSearchMapping.FUNDER, String.class).list(),
                f.field(ProjectSearchMapping.LEAD_SLUG, String.class),
                f.field(ProjectSearchMapping.LEAD_NAME, String.class),
                f.field(ProjectSearchMapping.LEAD_TYPE, String.class),
                f.field(ProjectSearchMapping.LEAD_DEPARTEMENT, String.class),
                f.field(ProjectSearchMapping.EXEMPLARY, Boolean.class),
                f.field(ProjectSearchMapping.BUDGET, BigDecimal.class),
                f.field(ProjectSearchMapping.CURRENCY, String.class),
                f.field(ProjectSearchMapping.IMAGE, String.class),
                f.field(ProjectSearchMapping.UPDATED_AT, Instant.class))
                .asArray(a -> toSummary(a, locale))
                .toProjection();
    }

    @SuppressWarnings("unchecked")
    private ProjectSummary toSummary(Object[] a, Locale locale) {
        ProjectSummary.Lead lead = a[12] == null ? null : new ProjectSummary.Lead((String) a[12], (String) a[13],
                codeLabel("leadType", (String) a[14], locale), codeLabel("departement", (String) a[15], locale));
        return new ProjectSummary(
                (Long) a[0], (String) a[1], (String) a[2], (String) a[3],
                codeLabel("status", (String) a[4], locale),
                (LocalDate) a[5], (LocalDate) a[6],
                codeLabels("country", (List<String>) a[7], locale),
                codeLabels("theme", (List<String>) a[8], locale),
                codeLabels("sector", (List<String>) a[9], locale),
                codeLabels("sdg", (List<String>) a[10], locale),
                codeLabels("funder", (List<String>) a[11], locale),
                lead, Boolean.TRUE.equals(a[16]), (BigDecimal) a[17], (String) a[18], (String) a[19], (Instant) a[20]);
    }
}
