package fr.maillage.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.reference.ThemesChanged;
import fr.maillage.shared.CodeLabel;
import fr.maillage.shared.Facet;
import fr.maillage.shared.Facet.FacetValue;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.text.Slugs;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.aggregation.SearchAggregation;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.engine.search.sort.SearchSort;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.common.EntityReference;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read side of the directory: full-text and faceted search of the published structures,
 * structure pages, similar structures, country pages, exports. Lists are served from the
 * search index (stored fields projected, no database access per result); a structure's page
 * and exports read the database.
 */
@Service
public class DirectorySearch {

    private static final Logger log = LoggerFactory.getLogger(DirectorySearch.class);

    private static final int MAX_FACET_VALUES = 400;
    private static final int EXPORT_BATCH = 500;

    private final EntityManagerFactory entityManagerFactory;
    private final OrganisationRepository repository;
    private final Reference reference;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final AtomicBoolean indexing = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final DirectoryProperties properties;
    private final PlatformTransactionManager transactions;
    private final EntityManager sharedEntityManager;

    DirectorySearch(EntityManagerFactory entityManagerFactory, OrganisationRepository repository, Reference reference,
            MessageSource messages, JdbcClient jdbc, PlatformTransactionManager transactions, DirectoryProperties properties) {
        this.properties = properties;
        this.transactions = transactions;
        this.sharedEntityManager = org.springframework.orm.jpa.SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
        this.entityManagerFactory = entityManagerFactory;
        this.repository = repository;
        this.reference = reference;
        this.messages = messages;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // ------------------------------------------------------------------ search

    /** One page of published structures matching the query, with the eight facets counted. */
    public SearchResult<OrganisationSummary> search(OrganisationQuery query, Locale locale) {
        int page = query.effectivePage();
        int size = query.effectiveSize();
        return inSession(session -> {
            SearchScope<Organisation> scope = session.scope(Organisation.class);
            SearchPredicateFactory pf = scope.predicate();
            SearchPredicate base = base(pf, query.q());
            Map<String, SearchPredicate> filters = filters(pf, query);
            Map<String, AggregationKey<? extends Map<?, Long>>> keys = new LinkedHashMap<>();
            for (String facet : OrganisationQuery.FACETS) {
                keys.put(facet, AggregationKey.of(facet));
            }

            boolean noText = tokens(query.q()).isEmpty();
            // the counts of the whole directory (no text, no filter) serve the landing page and
            // the disjunctive count of any single filter: computed once per change of the index
            Map<String, Map<String, Long>> whole = noText && filters.size() <= 1 ? wholeDirectoryCounts(session, scope, pf, keys) : null;

            boolean countInMainQuery = !(whole != null && filters.isEmpty());
            List<String> toCount = new ArrayList<>();
            if (countInMainQuery) {
                OrganisationQuery.FACETS.stream().filter(f -> !filters.containsKey(f)).forEach(toCount::add);
            }
            // "has projects" not ticked while countries or themes are: its count is what ticking it
            // gives, where countries and themes become those of the projects
            boolean projectsAside = !filters.containsKey("projects") && !query.byProjects()
                    && (filters.containsKey("country") || filters.containsKey("theme"));
            if (projectsAside) {
                toCount.remove("projects");
            }
            // on a multi-core machine, half of the facets and every disjunctive count are counted
            // by other threads while this one fetches the page of results
            List<String> inMain = toCount.size() >= 4 ? toCount.subList(0, toCount.size() / 2) : toCount;
            List<String> aside = toCount.subList(inMain.size(), toCount.size());
            Map<String, java.util.concurrent.Future<Map<String, Map<String, Long>>>> pending = new LinkedHashMap<>();
            if (!aside.isEmpty()) {
                pending.put("", facetPool.submit(() -> countFacets(query, aside, null)));
            }
            if (projectsAside) {
                OrganisationQuery withProjects = query.withValues("projects", List.of("true"));
                pending.put("projects", facetPool.submit(() -> Map.of("projects", Map.of("true", count(withProjects)))));
            }
            Map<String, Map<String, Long>> counts = new HashMap<>();
            for (String facet : filters.keySet()) {
                // disjunctive counts: a facet with a selection is counted without its own filter
                if (whole != null && filters.size() == 1) {
                    counts.put(facet, whole.get(facet));
                } else {
                    pending.put(facet, facetPool.submit(() -> countFacets(query, List.of(facet), facet)));
                }
            }

            var step = session.search(scope)
                    .select(summaryProjection(scope.projection(), locale))
                    .where(and(pf, base, filters.values()))
                    .sort(sort(scope.sort(), query.effectiveSort()));
            for (String facet : inMain) {
                addAggregation(step, scope, facet, keys, query);
            }
            var result = step.fetch((page - 1) * size, size);
            for (String facet : inMain) {
                counts.put(facet, stringKeys(result.aggregation(keys.get(facet))));
            }
            if (!countInMainQuery) {
                OrganisationQuery.FACETS.stream().filter(f -> !filters.containsKey(f)).forEach(f -> counts.put(f, whole.get(f)));
            }
            counts.putIfAbsent("projects", Map.of());
            for (var future : pending.values()) {
                counts.putAll(await(future));
            }
            List<Facet> facets = new ArrayList<>();
            for (String facet : OrganisationQuery.FACETS) {
                facets.add(facet(facet, counts.get(facet), query, locale));
            }
            return new SearchResult<>(result.hits(), result.total().hitCount(), page, size, facets);
        });
    }

    /** Up to {@code limit} published structures matching the query, in its order (print view). */
    public List<OrganisationSummary> list(OrganisationQuery query, Locale locale, int limit) {
        return inSession(session -> {
            SearchScope<Organisation> scope = session.scope(Organisation.class);
            SearchPredicateFactory pf = scope.predicate();
            return session.search(scope)
                    .select(summaryProjection(scope.projection(), locale))
                    .where(and(pf, base(pf, query.q()), filters(pf, query).values()))
                    .sort(sort(scope.sort(), query.effectiveSort()))
                    .fetchHits(limit);
        });
    }

    /** How many published structures match the query. */
    public long count(OrganisationQuery query) {
        return inSession(session -> {
            SearchScope<Organisation> scope = session.scope(Organisation.class);
            SearchPredicateFactory pf = scope.predicate();
            return session.search(scope).where(and(pf, base(pf, query.q()), filters(pf, query).values())).fetchTotalHitCount();
        });
    }

    // ------------------------------------------------------------------ suggestions

    /** Weights of what two structures share: each common country, each common theme, both at once, the same département. */
    static final float WEIGHT_COUNTRY = 3f;
    static final float WEIGHT_THEME = 2f;
    static final float WEIGHT_COUNTRY_AND_THEME = 2f;
    static final float WEIGHT_DEPARTEMENT = 1f;
    /** At most this many countries and themes of a basis are looked for (a person with many structures). */
    static final int MAX_BASIS_TERMS = 60;
    /** At most this many items are named in a suggestion's "why" before "and n others". */
    static final int WHY_ITEMS = 4;
    /** Between the items of a "why" (theme labels have commas of their own). */
    static final String WHY_SEPARATOR = " · ";

    /**
     * What suggestions are computed from: countries (ISO codes), themes and départements,
     * and the structures to leave out.
     */
    record SuggestionBasis(Set<String> countries, Set<String> themes, Set<String> departements, Set<Long> excluded) {

        boolean isEmpty() {
            return countries.isEmpty() && themes.isEmpty();
        }
    }

    /** One of a person's structures with what it works on. */
    private record OwnStructure(long id, String name, String slug, OrganisationStatus status, String departement,
                                List<String> countries, List<String> themes) {
    }

    /**
     * Published structures that share countries and themes with the given one, best first, at
     * most {@code limit}: see {@link #similarSuggestions}.
     */
    public List<OrganisationSummary> similar(OrganisationDetails organisation, Locale locale, int limit) {
        return similarSuggestions(organisation, locale, limit).stream().map(Suggestion::organisation).toList();
    }

    /**
     * Published structures that share countries and themes with the given one ("Structures
     * proches"), each with what it shares. Ranked in the search index: {@value #WEIGHT_COUNTRY}
     * points per common country, {@value #WEIGHT_THEME} per common theme,
     * {@value #WEIGHT_COUNTRY_AND_THEME} more when it shares both a country and a theme, and
     * {@value #WEIGHT_DEPARTEMENT} when it is in the same département; then by name.
     */
    public List<Suggestion> similarSuggestions(OrganisationDetails organisation, Locale locale, int limit) {
        Set<String> countries = new java.util.LinkedHashSet<>();
        organisation.countries().forEach(c -> countries.add(c.code()));
        Set<String> themes = new java.util.LinkedHashSet<>();
        organisation.themes().forEach(t -> themes.add(t.code()));
        Set<String> departements = organisation.departement() == null ? Set.of() : Set.of(organisation.departement().code());
        return suggest(new SuggestionBasis(countries, themes, departements, Set.of(organisation.id())), locale, limit);
    }

    /**
     * "Ils travaillent comme vous": published structures that work in the same countries and on
     * the same themes as the structures of this person (merged and refused ones left out),
     * ranked as {@link #similarSuggestions}; the person's own structures and {@code alsoExclude}
     * (the page being read) are left out. Empty when the person's structures name no country
     * nor theme.
     */
    public List<Suggestion> suggestionsFor(long personId, Long alsoExclude, Locale locale, int limit) {
        List<OwnStructure> own = ownStructures(personId);
        Set<String> countries = new java.util.LinkedHashSet<>();
        Set<String> themes = new java.util.LinkedHashSet<>();
        Set<String> departements = new java.util.LinkedHashSet<>();
        Set<Long> excluded = new java.util.HashSet<>();
        for (OwnStructure o : own) {
            countries.addAll(o.countries());
            themes.addAll(o.themes());
            if (o.departement() != null) {
                departements.add(o.departement());
            }
            excluded.add(o.id());
        }
        if (alsoExclude != null) {
            excluded.add(alsoExclude);
        }
        return suggest(new SuggestionBasis(countries, themes, departements, excluded), locale, limit);
    }

    /** For each structure of the person (merged and refused ones left out), its best matches; own structures never suggested. */
    public List<StructureSuggestions> suggestionsByStructure(long personId, Locale locale, int perStructure) {
        List<OwnStructure> own = ownStructures(personId);
        Set<Long> excluded = new java.util.HashSet<>();
        own.forEach(o -> excluded.add(o.id()));
        List<StructureSuggestions> out = new ArrayList<>();
        for (OwnStructure o : own) {
            SuggestionBasis basis = new SuggestionBasis(new java.util.LinkedHashSet<>(o.countries()), new java.util.LinkedHashSet<>(o.themes()),
                    o.departement() == null ? Set.of() : Set.of(o.departement()), excluded);
            out.add(new StructureSuggestions(o.id(), o.name(), o.slug(), o.status(), !basis.isEmpty(), suggest(basis, locale, perStructure)));
        }
        return out;
    }

    private List<OwnStructure> ownStructures(long personId) {
        return jdbc.sql("""
                select o.id, o.name, o.slug, o.status, o.departement,
                       array(select distinct c.country_code from organisation_country c where c.organisation_id = o.id) as countries,
                       array(select t.theme_code from organisation_theme t where t.organisation_id = o.id order by t.theme_code) as themes
                from organisation_member m join organisation o on o.id = m.organisation_id
                where m.person_id = ? and o.status not in ('MERGED', 'REFUSED')
                order by o.name_key, o.id""")
                .param(personId)
                .query((rs, n) -> new OwnStructure(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
                        OrganisationStatus.valueOf(rs.getString("status")), rs.getString("departement"),
                        List.of((String[]) rs.getArray("countries").getArray()), List.of((String[]) rs.getArray("themes").getArray())))
                .list();
    }

    /** The ranked query of the suggestions, in the search index (boolean should-clauses with constant scores). */
    List<Suggestion> suggest(SuggestionBasis basis, Locale locale, int limit) {
        if (basis.isEmpty() || limit < 1) {
            return List.of();
        }
        List<String> countries = basis.countries().stream().limit(MAX_BASIS_TERMS).toList();
        List<String> themes = basis.themes().stream().limit(MAX_BASIS_TERMS).toList();
        List<String> departements = basis.departements().stream().limit(MAX_BASIS_TERMS).toList();
        List<OrganisationSummary> hits = inSession(session -> {
            SearchScope<Organisation> scope = session.scope(Organisation.class);
            return session.search(scope)
                    .select(summaryProjection(scope.projection(), locale))
                    .where(f -> f.bool(b -> {
                        b.filter(f.match().field(OrganisationSearchMapping.STATUS).matching(OrganisationStatus.PUBLISHED));
                        if (!basis.excluded().isEmpty()) {
                            b.mustNot(f.id().matchingAny(basis.excluded()));
                        }
                        b.must(f.bool(any -> {
                            countries.forEach(c -> any.should(f.match().field(OrganisationSearchMapping.COUNTRY).matching(c)
                                    .constantScore().boost(WEIGHT_COUNTRY)));
                            themes.forEach(t -> any.should(f.match().field(OrganisationSearchMapping.THEME).matching(t)
                                    .constantScore().boost(WEIGHT_THEME)));
                        }));
                        if (!countries.isEmpty() && !themes.isEmpty()) {
                            b.should(f.bool()
                                    .must(f.terms().field(OrganisationSearchMapping.COUNTRY).matchingAny(countries))
                                    .must(f.terms().field(OrganisationSearchMapping.THEME).matchingAny(themes))
                                    .constantScore().boost(WEIGHT_COUNTRY_AND_THEME));
                        }
                        if (!departements.isEmpty()) {
                            b.should(f.terms().field(OrganisationSearchMapping.DEPARTEMENT).matchingAny(departements)
                                    .constantScore().boost(WEIGHT_DEPARTEMENT));
                        }
                    }))
                    .sort(f -> f.score().then().field(OrganisationSearchMapping.NAME_SORT))
                    .fetchHits(limit);
        });
        return hits.stream().map(o -> explain(o, basis, locale)).toList();
    }

    private Suggestion explain(OrganisationSummary o, SuggestionBasis basis, Locale locale) {
        List<CodeLabel> countries = o.countries().stream().filter(c -> basis.countries().contains(c.code())).toList();
        List<CodeLabel> themes = o.themes().stream().filter(t -> basis.themes().contains(t.code())).toList();
        CodeLabel departement = o.departement() != null && basis.departements().contains(o.departement().code()) ? o.departement() : null;
        List<String> items = new ArrayList<>();
        countries.forEach(c -> items.add(c.label()));
        themes.forEach(t -> items.add(t.label()));
        String shared;
        if (items.size() > WHY_ITEMS) {
            shared = messages.getMessage("directory.suggest.why.more",
                    new Object[] {String.join(WHY_SEPARATOR, items.subList(0, WHY_ITEMS)), items.size() - WHY_ITEMS}, locale);
        } else {
            shared = String.join(WHY_SEPARATOR, items);
        }
        String why = departement == null
                ? messages.getMessage("directory.suggest.why", new Object[] {shared}, locale)
                : messages.getMessage("directory.suggest.why.departement", new Object[] {shared, departement.label()}, locale);
        return new Suggestion(o, countries, themes, departement, why);
    }

    /** Who works in a country, by theme; empty for an unknown country code. */
    public Optional<CountryOverview> country(String code, Locale locale, int perTheme) {
        Optional<RefItem> country = reference.find(RefList.COUNTRIES, code);
        if (country.isEmpty()) {
            return Optional.empty();
        }
        String iso = country.get().code();
        OrganisationQuery inCountry = OrganisationQuery.empty().withValues("country", List.of(iso));
        SearchResult<OrganisationSummary> overall = search(inCountry.withSize(1), locale);
        List<CountryOverview.ThemeGroup> groups = new ArrayList<>();
        for (FacetValue theme : overall.facet("theme").map(Facet::values).orElse(List.of())) {
            if (theme.count() == 0) {
                continue;
            }
            List<OrganisationSummary> items = list(inCountry.withValues("theme", List.of(theme.code())), locale, perTheme);
            groups.add(new CountryOverview.ThemeGroup(new CodeLabel(theme.code(), theme.label()), theme.count(), items));
        }
        return Optional.of(new CountryOverview(new CodeLabel(iso, country.get().label(locale)), overall.total(), groups));
    }

    // ------------------------------------------------------------------ one structure

    /** A published structure, public fields only. */
    public Optional<OrganisationDetails> findPublished(String slug, Locale locale) {
        return find(slug, locale, false).filter(OrganisationDetails::isPublished);
    }

    /**
     * A structure whatever its status (for its members and staff, who see it with a
     * "pending" banner). {@code includePrivate} also returns e-mail and phone the structure
     * chose not to show.
     */
    public Optional<OrganisationDetails> find(String slug, Locale locale, boolean includePrivate) {
        return readOnly.execute(tx -> repository.findBySlug(slug).map(o -> details(o, locale, includePrivate)));
    }

    /** The slug of the structure a merged one now lives in (following successive merges). */
    public Optional<String> mergedInto(String slug) {
        return readOnly.execute(tx -> {
            Optional<Organisation> current = repository.findBySlug(slug);
            for (int hops = 0; hops < 10 && current.isPresent(); hops++) {
                Organisation o = current.get();
                if (o.status != OrganisationStatus.MERGED || o.mergedIntoId == null) {
                    return hops == 0 ? Optional.<String>empty() : Optional.of(o.slug);
                }
                current = repository.findById(o.mergedIntoId);
            }
            return Optional.<String>empty();
        });
    }

    /**
     * Whether a person is an admin or editor of the structure (members see their structure's
     * page before it is published).
     */
    public boolean isMemberOf(long personId, long organisationId) {
        return jdbc.sql("select count(*) from organisation_member where person_id = ? and organisation_id = ?")
                .params(personId, organisationId).query(Long.class).single() > 0;
    }

    // ------------------------------------------------------------------ exports

    /**
     * Every published structure matching the query, in its order, read by batches (the index
     * gives the ids, the database the fields): memory stays flat however many there are.
     */
    public void export(OrganisationQuery query, Locale locale, boolean includePrivate, Consumer<OrganisationDetails> sink) {
        try (EntityManager em = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(em);
            SearchScope<Organisation> scope = session.scope(Organisation.class);
            SearchPredicateFactory pf = scope.predicate();
            try (SearchScroll<Long> scroll = session.search(scope)
                    .select(f -> f.id(Long.class))
                    .where(and(pf, base(pf, query.q()), filters(pf, query).values()))
                    .sort(sort(scope.sort(), query.effectiveSort()))
                    .scroll(EXPORT_BATCH)) {
                for (SearchScrollResult<Long> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
                    List<Long> ids = chunk.hits();
                    List<OrganisationDetails> rows = readOnly.execute(tx -> {
                        Map<Long, Organisation> byId = new HashMap<>();
                        repository.findAllById(ids).forEach(o -> byId.put(o.id, o));
                        List<OrganisationDetails> out = new ArrayList<>(ids.size());
                        for (Long id : ids) {
                            Organisation o = byId.get(id);
                            if (o != null && o.isPublished()) {
                                out.add(details(o, locale, includePrivate));
                            }
                        }
                        return out;
                    });
                    rows.forEach(sink);
                }
            }
        }
    }

    // ------------------------------------------------------------------ indexing

    /** Rebuilds the whole index from the database (staff action; about a minute for 100,000). */
    public void reindex() {
        if (!indexing.compareAndSet(false, true)) {
            // what changed since the running reindex read it is taken by one more pass
            again.set(true);
            log.info("Réindexation de l'annuaire déjà en cours : une autre suivra");
            return;
        }
        try (EntityManager em = entityManagerFactory.createEntityManager()) {
            do {
                again.set(false);
                long start = System.nanoTime();
                Search.session(em).massIndexer(Organisation.class)
                        .threadsToLoadObjects(3)
                        .batchSizeToLoadObjects(200)
                        .idFetchSize(1000)
                        .mergeSegmentsOnFinish(true)
                        .startAndWait();
                IndexEpoch.bump();
                log.info("Annuaire réindexé en {} ms", (System.nanoTime() - start) / 1_000_000);
            } while (again.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            indexing.set(false);
        }
    }

    /**
     * Updates the search documents of the given structures once the current transaction has
     * committed (at once without a transaction): for what is written without the entity, such
     * as the project activity.
     */
    void reindexAfterCommit(java.util.Collection<Long> ids) {
        List<Long> copy = List.copyOf(new java.util.LinkedHashSet<>(ids));
        afterCommit(() -> reindexNow(copy));
    }

    /** Rebuilds the whole index once the current transaction has committed (at once without a transaction). */
    void reindexAllAfterCommit() {
        afterCommit(this::reindex);
    }

    private void reindexNow(List<Long> ids) {
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (int from = 0; from < ids.size(); from += EXPORT_BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + EXPORT_BATCH));
            tx.executeWithoutResult(status -> {
                var plan = Search.session(sharedEntityManager).indexingPlan();
                repository.findAllById(chunk).forEach(plan::addOrUpdate);
            });
        }
        IndexEpoch.bump();
    }

    private static void afterCommit(Runnable work) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            work.run();
                        }
                    });
        } else {
            work.run();
        }
    }

    /** Whether a reindex is running (searches then miss part of the structures). */
    public boolean isIndexing() {
        return indexing.get();
    }

    /**
     * At start, rebuilds the index when it does not match the database (new or lost index
     * folder, restored database): synchronously for small directories, in the background for
     * large ones so the portal answers at once.
     */
    @EventListener(ApplicationReadyEvent.class)
    void indexIfNeeded() {
        long inDatabase = repository.count();
        long inIndex = inSession(session -> session.search(Organisation.class).where(f -> f.matchAll()).fetchTotalHitCount());
        if (inDatabase == inIndex) {
            return;
        }
        log.info("Index de l'annuaire à reconstruire ({} structures en base, {} dans l'index)", inDatabase, inIndex);
        if (inDatabase <= 5_000) {
            reindex();
        } else {
            background("directory-reindex", this::reindex);
        }
    }

    /** Theme labels are indexed as text: reindex the structures of a theme staff renamed. */
    @EventListener
    void on(ThemesChanged event) {
        background("directory-theme-reindex", () -> {
            try (EntityManager em = entityManagerFactory.createEntityManager()) {
                var indexer = Search.session(em).massIndexer(Organisation.class).purgeAllOnStart(false).threadsToLoadObjects(2);
                if (event.code() != null) {
                    indexer.type(Organisation.class).reindexOnly(":code member of e.themes").param("code", event.code());
                }
                indexer.startAndWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Réindexation après modification du thème {} impossible", event.code(), e);
            }
        });
    }

    // ------------------------------------------------------------------ query building

    private static void background(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private final java.util.concurrent.ExecutorService facetPool = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "directory-facets");
                t.setDaemon(true);
                return t;
            });

    /** Counts the given facets for the query, without the filter of {@code excluding} (a disjunctive count) when set. */
    private Map<String, Map<String, Long>> countFacets(OrganisationQuery query, List<String> facets, String excluding) {
        return inSession(session -> {
            SearchScope<Organisation> scope = session.scope(Organisation.class);
            SearchPredicateFactory pf = scope.predicate();
            Map<String, SearchPredicate> filters = filters(pf, query);
            if (excluding != null) {
                filters.remove(excluding);
            }
            Map<String, AggregationKey<? extends Map<?, Long>>> keys = new LinkedHashMap<>();
            var step = session.search(scope).select(f -> f.id()).where(and(pf, base(pf, query.q()), filters.values()));
            for (String facet : facets) {
                keys.put(facet, AggregationKey.of(facet));
                addAggregation(step, scope, facet, keys, query);
            }
            var result = step.fetch(0);
            Map<String, Map<String, Long>> counts = new HashMap<>();
            for (String facet : facets) {
                counts.put(facet, stringKeys(result.aggregation(keys.get(facet))));
            }
            return counts;
        });
    }

    private static <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Recherche interrompue", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @jakarta.annotation.PreDestroy
    void stopFacetPool() {
        facetPool.shutdownNow();
    }

    private record WholeCounts(Map<String, Map<String, Long>> counts, long epoch, long computedAt) {
    }

    private final java.util.concurrent.atomic.AtomicReference<WholeCounts> wholeCounts = new java.util.concurrent.atomic.AtomicReference<>();

    /** Facet counts of all published structures, reused while no structure changed (and for the configured time at most). */
    private Map<String, Map<String, Long>> wholeDirectoryCounts(SearchSession session, SearchScope<Organisation> scope,
            SearchPredicateFactory pf, Map<String, AggregationKey<? extends Map<?, Long>>> keys) {
        long ttl = properties.facetCacheTtl().toNanos();
        long epoch = IndexEpoch.current();
        WholeCounts cached = wholeCounts.get();
        if (cached != null && cached.epoch() == epoch && System.nanoTime() - cached.computedAt() < ttl) {
            return cached.counts();
        }
        var step = session.search(scope).select(f -> f.id()).where(base(pf, ""));
        for (String facet : OrganisationQuery.FACETS) {
            addAggregation(step, scope, facet, keys, OrganisationQuery.empty());
        }
        var result = step.fetch(0);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (String facet : OrganisationQuery.FACETS) {
            counts.put(facet, stringKeys(result.aggregation(keys.get(facet))));
        }
        if (ttl > 0) {
            wholeCounts.set(new WholeCounts(Map.copyOf(counts), epoch, System.nanoTime()));
        }
        return counts;
    }

    private <T> T inSession(Function<SearchSession, T> work) {
        // a plain session: projections need neither a transaction nor a database connection
        try (EntityManager em = entityManagerFactory.createEntityManager()) {
            return work.apply(Search.session(em));
        }
    }

    /** Published, and matching the text if any. */
    private SearchPredicate base(SearchPredicateFactory f, String q) {
        SearchPredicate published = f.match().field(OrganisationSearchMapping.STATUS).matching(OrganisationStatus.PUBLISHED).toPredicate();
        List<String> tokens = tokens(q);
        if (tokens.isEmpty()) {
            return published;
        }
        String text = String.join(" ", tokens);
        SearchPredicate exact = f.simpleQueryString()
                .field(OrganisationSearchMapping.NAME).boost(4f)
                .field(OrganisationSearchMapping.ACRONYM).boost(4f)
                .field(OrganisationSearchMapping.NAME_FR).boost(2f)
                .field(OrganisationSearchMapping.KEYWORDS).boost(2f)
                .field(OrganisationSearchMapping.CITY).boost(1.5f)
                .field(OrganisationSearchMapping.DESCRIPTION)
                .field(OrganisationSearchMapping.COUNTRY_TEXT)
                .field(OrganisationSearchMapping.THEME_TEXT)
                .field(OrganisationSearchMapping.PLACE_TEXT)
                .matching(text)
                .defaultOperator(BooleanOperator.AND)
                .toPredicate();
        // typo tolerance on names: each word within one or two edits, ranked below exact matches
        var fuzzy = f.bool();
        for (String token : tokens) {
            if (token.length() <= 3) {
                fuzzy.must(f.match().field(OrganisationSearchMapping.NAME).matching(token));
            } else {
                // two edits only on long words, with a two-letter exact prefix: far fewer terms to visit
                boolean longWord = token.length() > 6;
                fuzzy.must(f.match().field(OrganisationSearchMapping.NAME).matching(token).fuzzy(longWord ? 2 : 1, longWord ? 2 : 1));
            }
        }
        fuzzy.boost(0.3f);
        return f.bool().filter(published).must(f.bool().should(exact).should(fuzzy)).toPredicate();
    }

    /** Words of a query, folded, without one-letter words ("d'", "l'") nor common stop words. */
    static List<String> tokens(String q) {
        return fr.maillage.shared.search.SearchText.tokens(q);
    }

    /** One predicate per facet that has a selection: its values with OR. */
    private Map<String, SearchPredicate> filters(SearchPredicateFactory f, OrganisationQuery query) {
        Map<String, SearchPredicate> filters = new LinkedHashMap<>();
        for (String facet : OrganisationQuery.FACETS) {
            List<String> values = query.values(facet);
            if (values.isEmpty()) {
                continue;
            }
            if (OrganisationQuery.BOOLEAN_FACETS.contains(facet)) {
                filters.put(facet, f.match().field(field(facet, query)).matching(Boolean.valueOf(values.get(0))).toPredicate());
            } else {
                filters.put(facet, f.terms().field(field(facet, query)).matchingAny(values).toPredicate());
            }
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
            case "relevance" -> f.score().then().field(OrganisationSearchMapping.NAME_SORT).toSort();
            case "updated" -> f.field(OrganisationSearchMapping.UPDATED_AT).desc().then().field(OrganisationSearchMapping.NAME_SORT).toSort();
            default -> f.field(OrganisationSearchMapping.NAME_SORT).then().field(OrganisationSearchMapping.UPDATED_AT).desc().toSort();
        };
    }

    /** The index field of a facet: countries and themes of the structures' projects when the query asks for structures with projects. */
    static String field(String facet, OrganisationQuery query) {
        if (query.byProjects() && facet.equals("country")) {
            return OrganisationSearchMapping.PROJECT_COUNTRY;
        }
        if (query.byProjects() && facet.equals("theme")) {
            return OrganisationSearchMapping.PROJECT_THEME;
        }
        return field(facet);
    }

    static String field(String facet) {
        return switch (facet) {
            case "country" -> OrganisationSearchMapping.COUNTRY;
            case "theme" -> OrganisationSearchMapping.THEME;
            case "type" -> OrganisationSearchMapping.TYPE;
            case "college" -> OrganisationSearchMapping.COLLEGE;
            case "departement" -> OrganisationSearchMapping.DEPARTEMENT;
            case "region" -> OrganisationSearchMapping.REGION;
            case "sdg" -> OrganisationSearchMapping.SDG;
            case "member" -> OrganisationSearchMapping.MEMBER;
            case "projects" -> OrganisationSearchMapping.HAS_PROJECTS;
            default -> throw new IllegalArgumentException(facet);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addAggregation(org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep step,
            SearchScope<Organisation> scope, String facet, Map<String, AggregationKey<? extends Map<?, Long>>> keys, OrganisationQuery query) {
        SearchAggregation<?> aggregation = OrganisationQuery.BOOLEAN_FACETS.contains(facet)
                ? scope.aggregation().terms().field(field(facet), Boolean.class).toAggregation()
                : scope.aggregation().terms().field(field(facet, query), String.class).maxTermCount(MAX_FACET_VALUES).toAggregation();
        step.aggregation((AggregationKey) keys.get(facet), (SearchAggregation) aggregation);
    }

    private static Map<String, Long> stringKeys(Map<?, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private Facet facet(String name, Map<String, Long> counts, OrganisationQuery query, Locale locale) {
        List<FacetValue> values = new ArrayList<>();
        counts.forEach((code, count) -> {
            if (count > 0 && !(name.equals("projects") && !"true".equals(code) && !query.isSelected(name, code))) {
                values.add(new FacetValue(code, facetLabel(name, code, locale), count, query.isSelected(name, code)));
            }
        });
        for (String selected : query.values(name)) {
            if (!counts.containsKey(selected) || counts.get(selected) == 0) {
                values.add(new FacetValue(selected, facetLabel(name, selected, locale), 0, true));
            }
        }
        Comparator<FacetValue> order = OrganisationQuery.BOOLEAN_FACETS.contains(name)
                ? Comparator.comparing(v -> !"true".equals(v.code()))
                : Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::label, String.CASE_INSENSITIVE_ORDER);
        values.sort(order);
        return new Facet(name, values);
    }

    /** The label of a facet value in the reader's language. */
    public String facetLabel(String facet, String code, Locale locale) {
        return switch (facet) {
            case "country" -> reference.label(RefList.COUNTRIES, code, locale);
            case "theme" -> reference.label(RefList.THEMES, code, locale);
            case "type" -> reference.label(RefList.STRUCTURE_TYPES, code, locale);
            case "college" -> reference.label(RefList.COLLEGES, code, locale);
            case "departement" -> departementLabel(code, locale);
            case "region" -> reference.label(RefList.REGIONS, code, locale);
            case "sdg" -> sdgLabel(code, locale);
            case "member" -> messages.getMessage("search.facet.member." + code, null, code, locale);
            case "projects" -> messages.getMessage("search.facet.projects." + code, null, code, locale);
            default -> code;
        };
    }

    private String departementLabel(String code, Locale locale) {
        return reference.find(RefList.DEPARTEMENTS, code).map(d -> d.label(locale) + " (" + d.code() + ")").orElse(code);
    }

    private String sdgLabel(String code, Locale locale) {
        return reference.find(RefList.SDGS, code).map(s -> {
            String shortLabel = s.extra("en".equals(locale.getLanguage()) ? "short_en" : "short_fr");
            return code + ". " + (shortLabel.isBlank() ? s.label(locale) : shortLabel);
        }).orElse(code);
    }

    private CodeLabel codeLabel(String facet, String code, Locale locale) {
        return code == null || code.isBlank() ? null : new CodeLabel(code, facetLabel(facet, code, locale));
    }

    private List<CodeLabel> codeLabels(String facet, Collection<String> codes, Locale locale) {
        return codes == null ? List.of() : codes.stream().map(c -> new CodeLabel(c, facetLabel(facet, c, locale))).toList();
    }

    private SearchProjection<OrganisationSummary> summaryProjection(SearchProjectionFactory<EntityReference, Organisation> f, Locale locale) {
        return f.composite().from(
                f.id(Long.class),
                f.field(OrganisationSearchMapping.SLUG, String.class),
                f.field(OrganisationSearchMapping.NAME, String.class),
                f.field(OrganisationSearchMapping.ACRONYM, String.class),
                f.field(OrganisationSearchMapping.CITY, String.class),
                f.field(OrganisationSearchMapping.DEPARTEMENT, String.class),
                f.field(OrganisationSearchMapping.REGION, String.class),
                f.field(OrganisationSearchMapping.TYPE, String.class),
                f.field(OrganisationSearchMapping.COLLEGE, String.class),
                f.field(OrganisationSearchMapping.COUNTRY, String.class).list(),
                f.field(OrganisationSearchMapping.THEME, String.class).list(),
                f.field(OrganisationSearchMapping.SDG, String.class).list(),
                f.field(OrganisationSearchMapping.MEMBER, Boolean.class),
                f.field(OrganisationSearchMapping.SUMMARY, String.class),
                f.field(OrganisationSearchMapping.LOGO, String.class),
                f.field(OrganisationSearchMapping.UPDATED_AT, Instant.class),
                f.field(OrganisationSearchMapping.PROJECTS, Integer.class))
                .asArray(a -> toSummary(a, locale))
                .toProjection();
    }

    @SuppressWarnings("unchecked")
    private OrganisationSummary toSummary(Object[] a, Locale locale) {
        return new OrganisationSummary(
                (Long) a[0], (String) a[1], (String) a[2], (String) a[3], (String) a[4],
                codeLabel("departement", (String) a[5], locale),
                codeLabel("region", (String) a[6], locale),
                codeLabel("type", (String) a[7], locale),
                codeLabel("college", (String) a[8], locale),
                codeLabels("country", (List<String>) a[9], locale),
                codeLabels("theme", (List<String>) a[10], locale),
                codeLabels("sdg", (List<String>) a[11], locale),
                Boolean.TRUE.equals(a[12]),
                (String) a[13], (String) a[14], (Instant) a[15], a[16] == null ? 0 : (Integer) a[16]);
    }

    private OrganisationDetails details(Organisation o, Locale locale, boolean includePrivate) {
        List<OrganisationDetails.Place> places = o.countries.stream()
                .map(c -> new OrganisationDetails.Place(c.getCountryCode(), facetLabel("country", c.getCountryCode(), locale), c.getPlace()))
                .toList();
        List<String> sdgs = o.sdgs.stream().sorted().map(String::valueOf).toList();
        return new OrganisationDetails(o.id, o.slug, o.name, o.acronym,
                codeLabel("type", o.structureType, locale), codeLabel("college", o.college, locale),
                o.siret, o.rna, o.addressLine, o.postalCode, o.city,
                codeLabel("departement", o.departement, locale), codeLabel("region", o.region, locale),
                o.latitude, o.longitude, o.website,
                includePrivate || o.showEmail ? o.publicEmail : null,
                includePrivate || o.showPhone ? o.phone : null,
                o.logoKey, o.description, o.yearFounded, o.volunteers, o.employees, o.member,
                places, codeLabels("theme", o.themes, locale), codeLabels("sdg", sdgs, locale),
                List.copyOf(o.keywords), o.status, o.updatedAt, o.publishedAt, o.publishedProjects);
    }

    /** The labels of a reference list, for the API and the pages' filters. */
    Map<RefList, List<RefItem>> lists() {
        Map<RefList, List<RefItem>> out = new EnumMap<>(RefList.class);
        for (RefList l : RefList.values()) {
            out.put(l, reference.list(l));
        }
        return out;
    }
}
