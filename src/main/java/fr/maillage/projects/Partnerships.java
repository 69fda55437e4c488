package fr.maillage.projects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import fr.maillage.directory.Directory;
import fr.maillage.directory.MyStructure;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.directory.OrganisationsMerged;
import fr.maillage.projects.ProjectException.Problem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.CodeLabel;
import fr.maillage.shared.Facet;
import fr.maillage.shared.SearchResult;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decentralised-cooperation partnerships of the directory's local authorities (structures of
 * type {@code collectivite}) with foreign authorities: recorded and edited by the authority's
 * editors and by staff, searched by country, French département, theme and status (the
 * Atlas-like view, its export and the API), shown on the authority's page. Every change
 * publishes a {@link PartnershipChanged}.
 */
@Service
@Transactional(readOnly = true)
public class Partnerships {

    /** The structure type of local authorities in the directory. */
    public static final String LOCAL_AUTHORITY = "collectivite";

    private final PartnershipRepository partnerships;
    private final PartnershipValidator validator;
    private final Directory directory;
    private final Projects projects;
    private final Reference reference;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final StaffActions staffActions;
    private final ApplicationEventPublisher events;

    Partnerships(PartnershipRepository partnerships, PartnershipValidator validator, Directory directory, Projects projects,
                 Reference reference, MessageSource messages, JdbcClient jdbc, StaffActions staffActions,
                 ApplicationEventPublisher events) {
        this.partnerships = partnerships;
        this.validator = validator;
        this.directory = directory;
        this.projects = projects;
        this.reference = reference;
        this.messages = messages;
        this.jdbc = jdbc;
        this.staffActions = staffActions;
        this.events = events;
    }

    // ------------------------------------------------------------------ reading

    /** The partnerships of published local authorities matching the query, labels in the current locale. */
    public SearchResult<PartnershipSummary> search(PartnershipQuery query) {
        return search(query, LocaleContextHolder.getLocale());
    }

    /**
     * The partnerships of published local authorities matching the query, by authority then
     * partner name, one page of them, with the counts of each filter's values (a filter's counts
     * ignore its own selection).
     */
    public SearchResult<PartnershipSummary> search(PartnershipQuery query, Locale locale) {
        List<Row> rows = publicRows();
        List<Row> matching = rows.stream().filter(r -> matches(r, query, null)).toList();
        List<Facet> facets = new ArrayList<>();
        for (String facet : PartnershipQuery.FACETS) {
            facets.add(facet(facet, rows.stream().filter(r -> matches(r, query, facet)).toList(), query, locale));
        }
        int page = query.effectivePage();
        int size = query.effectiveSize();
        long from = (long) (page - 1) * size;
        List<PartnershipSummary> items = matching.stream().skip(from).limit(size)
                .map(r -> summary(r, locale)).toList();
        return new SearchResult<>(items, matching.size(), page, size, facets);
    }

    /** How many partnerships match the query, between how many French authorities and how many countries. */
    public PartnershipFigures figures(PartnershipQuery query) {
        List<Row> matching = publicRows().stream().filter(r -> matches(r, query, null)).toList();
        return new PartnershipFigures(matching.size(), matching.stream().map(r -> r.org().id()).distinct().count(),
                matching.stream().map(r -> r.p().partnerCountry).distinct().count());
    }

    /** Every partnership matching the query (no paging), with its details, the e-mails left out unless {@code withEmails}. */
    public List<PartnershipDetails> export(PartnershipQuery query, Locale locale, boolean withEmails) {
        List<Row> matching = publicRows().stream().filter(r -> matches(r, query, null)).toList();
        Map<Long, ProjectRow> linked = projectRows(matching.stream().flatMap(r -> r.p().projectIds.stream()).toList());
        return matching.stream().map(r -> {
            PartnershipDetails d = details(r, linked, locale).publicProjects();
            return withEmails ? d : d.withoutEmails();
        }).toList();
    }

    /** A partnership, whatever its authority's status (the caller checks who may see it). */
    public Optional<PartnershipDetails> find(long id, Locale locale) {
        return partnerships.findById(id).flatMap(p -> directory.ref(p.organisationId).map(org -> {
            Row r = new Row(p, org);
            return details(r, projectRows(p.projectIds), locale);
        }));
    }

    /** Whether {@code me} (possibly null) may read it: its authority is published, or {@code me} edits it. */
    public boolean canView(PartnershipDetails p, CurrentPerson me) {
        return p.authorityPublished() || projects.canEditOrganisation(p.authority().id(), me);
    }

    /** The partnerships of one local authority, by partner name. */
    public List<PartnershipSummary> ofOrganisation(long organisationId, Locale locale) {
        Optional<OrganisationRef> org = directory.ref(organisationId);
        if (org.isEmpty()) {
            return List.of();
        }
        return partnerships.findByOrganisationIdOrderByPartnerNameAsc(organisationId).stream()
                .map(p -> summary(new Row(p, org.get()), locale)).toList();
    }

    /** Staff, and the admins and editors of the local authority. */
    public boolean canEdit(long partnershipId, CurrentPerson me) {
        return partnerships.findById(partnershipId).map(p -> projects.canEditOrganisation(p.organisationId, me)).orElse(false);
    }

    public boolean canRecord(long organisationId, CurrentPerson me) {
        return projects.canEditOrganisation(organisationId, me);
    }

    public static boolean isLocalAuthority(OrganisationRef org) {
        return org != null && LOCAL_AUTHORITY.equals(org.structureType())
                && org.status() != OrganisationStatus.MERGED && org.status() != OrganisationStatus.REFUSED;
    }

    /** The local authorities {@code me} may record partnerships for: theirs, or every published one for staff. */
    public List<OrganisationRef> authoritiesOf(CurrentPerson me) {
        if (me == null) {
            return List.of();
        }
        Map<Long, OrganisationRef> out = new LinkedHashMap<>();
        List<Long> mine = directory.structuresOf(me.personId()).stream().map(MyStructure::id).toList();
        directory.refs(mine).values().stream().filter(Partnerships::isLocalAuthority).forEach(o -> out.put(o.id(), o));
        if (me.isStaff()) {
            directory.publishedOfTypes(List.of(LOCAL_AUTHORITY)).forEach(o -> out.putIfAbsent(o.id(), o));
        }
        return out.values().stream().sorted(Comparator.comparing(o -> Slugs.fold(o.name()))).toList();
    }

    /** The kind of authority to propose for a new partnership: the one of its last partnership, else a guess from its name. */
    public FrenchAuthorityLevel suggestedLevel(long organisationId) {
        return partnerships.findFirstByOrganisationIdOrderByUpdatedAtDesc(organisationId).map(p -> p.frenchLevel)
                .orElseGet(() -> FrenchAuthorityLevel.guess(directory.ref(organisationId).map(OrganisationRef::name).orElse("")));
    }

    // ------------------------------------------------------------------ writing

    /** Records a partnership of a local authority; returns its id. Nothing is saved when a {@link ProjectException} is thrown. */
    @Transactional
    public long create(long organisationId, PartnershipData data, CurrentPerson by) {
        List<Problem> problems = problemsOfNew(organisationId, data, by);
        if (!problems.isEmpty()) {
            throw new ProjectException(problems);
        }
        OrganisationRef org = directory.ref(organisationId).orElseThrow();
        Partnership p = new Partnership(organisationId);
        p.createdBy = by.personId();
        apply(data, p);
        partnerships.saveAndFlush(p);
        if (by.isStaff() && directory.roleOf(organisationId, by.personId()).isEmpty()) {
            staffActions.record(by, "projects.partnership.create", "partnership", p.id, org.name() + " – " + p.partnerName);
        }
        events.publishEvent(new PartnershipChanged(p.id, organisationId, false));
        return p.id;
    }

    /**
     * What is wrong with a new partnership of this structure, without saving anything (the form
     * checks it with its own reading errors before creating). Throws {@link AccessDeniedException}
     * when {@code by} may not record partnerships for this local authority.
     */
    public List<Problem> problemsOfNew(Long organisationId, PartnershipData data, CurrentPerson by) {
        if (by == null) {
            throw new AccessDeniedException("Sign in");
        }
        Optional<OrganisationRef> org = organisationId == null ? Optional.empty() : directory.ref(organisationId);
        List<Problem> problems = new ArrayList<>();
        if (org.isEmpty() || !isLocalAuthority(org.get())) {
            problems.add(PartnershipValidator.p("organisationId", "projects.coop.error.not-local-authority"));
        } else if (!canRecord(organisationId, by)) {
            throw new AccessDeniedException("Not an editor of " + organisationId);
        }
        problems.addAll(validator.problems(data));
        problems.addAll(projectProblems(data.projectIds(), by));
        return problems;
    }

    /** What is wrong with these changes of a partnership, without saving anything. */
    public List<Problem> problemsOfChange(long partnershipId, PartnershipData data, CurrentPerson by) {
        Partnership p = loadForEdit(partnershipId, by);
        List<Problem> problems = new ArrayList<>(validator.problems(data));
        problems.addAll(projectProblems(data.projectIds().stream().filter(pid -> !p.projectIds.contains(pid)).toList(), by));
        return problems;
    }

    /** Changes a partnership; fails with {@code projects.error.concurrent} when someone saved it since {@code version} was read. */
    @Transactional
    public void update(long id, int version, PartnershipData data, CurrentPerson by) {
        Partnership p = loadForEdit(id, by);
        if (p.version != version) {
            throw new ProjectException(null, "projects.coop.error.concurrent");
        }
        // a project already linked stays linked even if its owner since hid it from this editor
        List<Problem> problems = problemsOfChange(id, data, by);
        if (!problems.isEmpty()) {
            throw new ProjectException(problems);
        }
        apply(data, p);
        p.updatedAt = Instant.now();
        partnerships.saveAndFlush(p);
        if (by.isStaff() && directory.roleOf(p.organisationId, by.personId()).isEmpty()) {
            staffActions.record(by, "projects.partnership.update", "partnership", p.id, p.partnerName);
        }
        events.publishEvent(new PartnershipChanged(p.id, p.organisationId, false));
    }

    @Transactional
    public void delete(long id, CurrentPerson by) {
        Partnership p = loadForEdit(id, by);
        long org = p.organisationId;
        partnerships.delete(p);
        partnerships.flush();
        if (by.isStaff() && directory.roleOf(org, by.personId()).isEmpty()) {
            staffActions.record(by, "projects.partnership.delete", "partnership", id, p.partnerName);
        }
        events.publishEvent(new PartnershipChanged(id, org, true));
    }

    /** A merged duplicate's partnerships move to the structure kept. */
    @EventListener
    @Transactional
    public void on(OrganisationsMerged event) {
        jdbc.sql("update partnership set organisation_id = ? where organisation_id = ?").params(event.keptId(), event.removedId()).update();
    }

    // ------------------------------------------------------------------ internals

    private Partnership loadForEdit(long id, CurrentPerson by) {
        Partnership p = partnerships.findById(id).orElseThrow(() -> new PartnershipNotFoundException(id));
        if (!projects.canEditOrganisation(p.organisationId, by)) {
            throw new AccessDeniedException("Not an editor of partnership " + id);
        }
        return p;
    }

    /** Linked projects must exist and be visible to whoever links them. */
    private List<Problem> projectProblems(Collection<Long> ids, CurrentPerson by) {
        List<Problem> out = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            Optional<ProjectDetails> project = id == null ? Optional.empty() : projects.find(id);
            if (project.isEmpty() || !projects.canView(project.get(), by)) {
                out.add(PartnershipValidator.p("projectIds", "projects.coop.error.unknown-project", String.valueOf(id)));
            }
        }
        return out;
    }

    private static void apply(PartnershipData d, Partnership p) {
        p.frenchLevel = FrenchAuthorityLevel.valueOf(d.frenchLevel());
        p.partnerName = d.partnerName().strip();
        p.partnerLevel = PartnerAuthorityLevel.valueOf(d.partnerLevel());
        p.partnerCountry = d.partnerCountry().strip().toUpperCase(Locale.ROOT);
        p.partnerRegion = blankToNull(d.partnerRegion());
        p.signedOn = d.signedOn();
        p.startsOn = d.startsOn();
        p.endsOn = d.endsOn();
        p.status = PartnershipStatus.valueOf(d.status());
        p.description = blankToNull(d.description());
        p.electedName = blankToNull(d.elected().name());
        p.electedRole = blankToNull(d.elected().role());
        p.electedEmail = blankToNull(d.elected().email());
        p.officerName = blankToNull(d.officer().name());
        p.officerRole = blankToNull(d.officer().role());
        p.officerEmail = blankToNull(d.officer().email());
        p.themes.clear();
        p.themes.addAll(d.themes());
        p.projectIds.clear();
        d.projectIds().stream().filter(java.util.Objects::nonNull).forEach(p.projectIds::add);
    }

    private record Row(Partnership p, OrganisationRef org) {
    }

    private record ProjectRow(long id, String slug, String title, long organisationId, boolean published) {
    }

    /** Partnerships of published local authorities, by authority then partner name. */
    private List<Row> publicRows() {
        List<Partnership> all = partnerships.findAll();
        Map<Long, OrganisationRef> orgs = directory.refs(all.stream().map(p -> p.organisationId).distinct().toList());
        return all.stream()
                .filter(p -> orgs.containsKey(p.organisationId) && orgs.get(p.organisationId).published())
                .map(p -> new Row(p, orgs.get(p.organisationId)))
                .sorted(Comparator.comparing((Row r) -> Slugs.fold(r.org().name()))
                        .thenComparing(r -> Slugs.fold(r.p().partnerName))
                        .thenComparing(r -> r.p().id))
                .toList();
    }

    /** Whether a row matches the query, ignoring the filter {@code except} (for its counts). */
    private boolean matches(Row r, PartnershipQuery q, String except) {
        Partnership p = r.p();
        if (!"country".equals(except) && !q.country().isEmpty() && !q.country().contains(p.partnerCountry)) {
            return false;
        }
        if (!"departement".equals(except) && !q.departement().isEmpty() && !q.departement().contains(r.org().departement())) {
            return false;
        }
        if (!"theme".equals(except) && !q.theme().isEmpty() && q.theme().stream().noneMatch(p.themes::contains)) {
            return false;
        }
        if (!"status".equals(except) && !q.status().isEmpty() && !q.status().contains(p.status.name())) {
            return false;
        }
        if (q.hasText()) {
            String haystack = Slugs.fold(String.join(" ", r.org().name(), nullToEmpty(r.org().acronym()), p.partnerName,
                    nullToEmpty(p.partnerRegion), reference.label(RefList.COUNTRIES, p.partnerCountry, Locale.FRENCH),
                    nullToEmpty(r.org().city())));
            for (String word : Slugs.fold(q.q()).split(" ")) {
                if (!word.isBlank() && !haystack.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Facet facet(String name, List<Row> rows, PartnershipQuery q, Locale locale) {
        Map<String, Long> counts = new HashMap<>();
        for (Row r : rows) {
            for (String code : codes(name, r)) {
                counts.merge(code, 1L, Long::sum);
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        if (name.equals("status")) {
            for (PartnershipStatus s : PartnershipStatus.values()) {
                codes.add(s.name());
            }
        } else {
            counts.keySet().stream().sorted(Comparator.comparing((String c) -> -counts.get(c))
                    .thenComparing(c -> Slugs.fold(facetLabel(name, c, locale)))).forEach(codes::add);
        }
        codes.addAll(q.values(name));
        List<Facet.FacetValue> values = new ArrayList<>();
        for (String code : codes) {
            long count = counts.getOrDefault(code, 0L);
            boolean selected = q.isSelected(name, code);
            if (count > 0 || selected) {
                values.add(new Facet.FacetValue(code, facetLabel(name, code, locale), count, selected));
            }
        }
        return new Facet(name, values);
    }

    private static List<String> codes(String facet, Row r) {
        return switch (facet) {
            case "country" -> List.of(r.p().partnerCountry);
            case "departement" -> r.org().departement() == null ? List.of() : List.of(r.org().departement());
            case "theme" -> List.copyOf(r.p().themes);
            case "status" -> List.of(r.p().status.name());
            default -> List.of();
        };
    }

    /** The label of a filter's value in the reader's language ("Gironde (33)", "Sénégal", "Active"). */
    public String facetLabel(String facet, String code, Locale locale) {
        return switch (facet) {
            case "country" -> reference.label(RefList.COUNTRIES, code, locale);
            case "departement" -> departementLabel(code, locale);
            case "theme" -> reference.label(RefList.THEMES, code, locale);
            case "status" -> PartnershipStatus.isKnown(code)
                    ? messages.getMessage(PartnershipStatus.valueOf(code).messageKey(), null, code, locale) : code;
            default -> code;
        };
    }

    private String departementLabel(String code, Locale locale) {
        return reference.label(RefList.DEPARTEMENTS, code, locale) + " (" + code + ")";
    }

    private PartnershipSummary summary(Row r, Locale locale) {
        Partnership p = r.p();
        return new PartnershipSummary(p.id, authority(r, locale), partner(p, locale), themes(p, locale),
                status(p.status, locale), p.signedOn, p.startsOn, p.endsOn, p.projectIds.size());
    }

    private PartnershipDetails details(Row r, Map<Long, ProjectRow> linked, Locale locale) {
        Partnership p = r.p();
        Map<Long, OrganisationRef> leads = directory.refs(p.projectIds.stream().map(linked::get)
                .filter(java.util.Objects::nonNull).map(ProjectRow::organisationId).distinct().toList());
        List<PartnershipDetails.LinkedProject> projectList = p.projectIds.stream().map(linked::get).filter(java.util.Objects::nonNull)
                .map(pr -> new PartnershipDetails.LinkedProject(pr.id(), pr.slug(), pr.title(),
                        leads.containsKey(pr.organisationId()) ? leads.get(pr.organisationId()).displayName() : null,
                        pr.published() && leads.containsKey(pr.organisationId()) && leads.get(pr.organisationId()).published()))
                .sorted(Comparator.comparing(lp -> Slugs.fold(lp.title())))
                .toList();
        return new PartnershipDetails(p.id, authority(r, locale), partner(p, locale), themes(p, locale), status(p.status, locale),
                p.signedOn, p.startsOn, p.endsOn, p.description,
                new PartnershipData.Person(p.electedName, p.electedRole, p.electedEmail),
                new PartnershipData.Person(p.officerName, p.officerRole, p.officerEmail),
                projectList, r.org().published(), p.createdAt, p.updatedAt, p.version);
    }

    private PartnershipSummary.Authority authority(Row r, Locale locale) {
        OrganisationRef o = r.org();
        return new PartnershipSummary.Authority(o.id(), o.slug(), o.displayName(),
                new CodeLabel(r.p().frenchLevel.name(), messages.getMessage(r.p().frenchLevel.messageKey(), null, locale)),
                o.departement() == null ? null : new CodeLabel(o.departement(), departementLabel(o.departement(), locale)),
                o.region() == null ? null : new CodeLabel(o.region(), reference.label(RefList.REGIONS, o.region(), locale)));
    }

    private PartnershipSummary.ForeignAuthority partner(Partnership p, Locale locale) {
        return new PartnershipSummary.ForeignAuthority(p.partnerName,
                new CodeLabel(p.partnerLevel.name(), messages.getMessage(p.partnerLevel.messageKey(), null, locale)),
                new CodeLabel(p.partnerCountry, reference.label(RefList.COUNTRIES, p.partnerCountry, locale)),
                p.partnerRegion);
    }

    private List<CodeLabel> themes(Partnership p, Locale locale) {
        return p.themes.stream().map(t -> new CodeLabel(t, reference.label(RefList.THEMES, t, locale)))
                .sorted(Comparator.comparing(c -> Slugs.fold(c.label()))).toList();
    }

    private CodeLabel status(PartnershipStatus s, Locale locale) {
        return new CodeLabel(s.name(), messages.getMessage(s.messageKey(), null, locale));
    }

    private Map<Long, ProjectRow> projectRows(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, slug, title, organisation_id, publication from project where id = any(:ids)")
                .param("ids", ids.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> new ProjectRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getLong("organisation_id"), Publication.PUBLISHED.name().equals(rs.getString("publication"))))
                .list().stream().collect(java.util.stream.Collectors.toMap(ProjectRow::id, Function.identity()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
