package fr.maillage.projects;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationsMerged;
import fr.maillage.projects.ProjectException.Problem;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-APD helper: each local authority's yearly worksheet of official development aid, with
 * the official categories ({@link EapdCategory}), prefilled from its projects, edited and saved
 * by its editors and staff; and the yearly declaration campaigns that staff set (the reminders
 * are sent by {@link EapdReminders}).
 *
 * <p>The prefill rule: a project counts for the year when the authority funds it that year, in
 * euros: a funding line that names the authority (by its directory id), or, in a project the
 * authority leads, a funding line of its own kind (commune, département, région) or its own
 * funds. A funding without a year counts in the year the project starts. Other funders
 * (water agency, ministry, AFD, European Union...) declare their own aid and are left out.
 * The line suggested: a commune's or intercommunalité's funding of water and sanitation,
 * waste or energy goes to the matching "1 %" line; then a project on development education
 * (ECSI) to that line; on humanitarian aid or migration to the refugees and emergency line;
 * a project the authority leads, one linked to its partnerships, or led by another local
 * authority, to decentralised cooperation; a project led by an association or another
 * structure, to grants to NGOs.
 */
@Service
@Transactional(readOnly = true)
public class Eapd {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int FIRST_YEAR = 2000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");
    static final int COMMENT_MAX = 1000;
    private static final Set<String> OWN_KINDS = Set.of(FunderKind.COMMUNE.name(), FunderKind.DEPARTEMENT.name(),
            FunderKind.REGION.name(), FunderKind.OWN.name());

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Projects projects;
    private final Partnerships partnerships;
    private final StaffActions staffActions;
    private final EapdProperties properties;
    private final Clock clock;

    Eapd(JdbcClient jdbc, Directory directory, Projects projects, Partnerships partnerships, StaffActions staffActions,
         EapdProperties properties, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.projects = projects;
        this.partnerships = partnerships;
        this.staffActions = staffActions;
        this.properties = properties;
        this.clock = clock.getIfUnique(() -> Clock.system(PARIS));
    }

    public EapdProperties properties() {
        return properties;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    // ------------------------------------------------------------------ worksheets

    /** Staff, and the admins and editors of the local authority. */
    public boolean canEdit(long organisationId, CurrentPerson me) {
        return projects.canEditOrganisation(organisationId, me);
    }

    /** Whether a worksheet may exist for this year (2000 to the current year). */
    public boolean isValidYear(int year) {
        return year >= FIRST_YEAR && year <= today().getYear();
    }

    /** The year a worksheet link should open by default: the one declared by the current or next campaign. */
    public int defaultYear() {
        return currentCampaign().map(EapdCampaign::amountsYear).orElse(today().getYear() - 1);
    }

    /** The worksheet of a local authority for a year: as saved, or suggested from its projects when never saved. */
    public EapdWorksheet worksheet(long organisationId, int year, CurrentPerson me) {
        return worksheet(organisationId, year, me, false);
    }

    /** The worksheet with the lines recalculated from the projects (nothing is saved). */
    public EapdWorksheet recalculated(long organisationId, int year, CurrentPerson me) {
        return worksheet(organisationId, year, me, true);
    }

    private EapdWorksheet worksheet(long organisationId, int year, CurrentPerson me, boolean recalculate) {
        OrganisationRef org = authority(organisationId);
        if (!canEdit(organisationId, me)) {
            throw new AccessDeniedException("Not an editor of " + organisationId);
        }
        List<EapdWorksheet.Candidate> candidates = candidates(org, year);
        Map<EapdCategory, BigDecimal> suggestedAmounts = new EnumMap<>(EapdCategory.class);
        Map<EapdCategory, List<Long>> suggestedProjects = new EnumMap<>(EapdCategory.class);
        for (EapdCategory c : EapdCategory.values()) {
            suggestedAmounts.put(c, BigDecimal.ZERO);
            suggestedProjects.put(c, new ArrayList<>());
        }
        for (EapdWorksheet.Candidate c : candidates) {
            if (c.suggested() != null) {
                suggestedAmounts.merge(c.suggested(), c.amount(), BigDecimal::add);
                suggestedProjects.get(c.suggested()).add(c.projectId());
            }
        }
        Optional<Saved> saved = saved(organisationId, year);
        List<EapdWorksheet.Line> lines = new ArrayList<>();
        for (EapdCategory c : EapdCategory.values()) {
            BigDecimal suggested = suggestedAmounts.get(c);
            List<Long> suggestedIds = List.copyOf(suggestedProjects.get(c));
            if (saved.isPresent() && !recalculate) {
                SavedLine line = saved.get().lines().get(c);
                lines.add(new EapdWorksheet.Line(c, line == null ? BigDecimal.ZERO : line.amount(), line == null ? null : line.comment(),
                        line == null ? List.of() : line.projectIds(), suggested, suggestedIds));
            } else {
                String comment = saved.map(s -> s.lines().get(c)).map(SavedLine::comment).orElse(null);
                lines.add(new EapdWorksheet.Line(c, suggested, comment, suggestedIds, suggested, suggestedIds));
            }
        }
        EapdCampaign campaign = campaign(year + 1).orElse(null);
        return new EapdWorksheet(org.id(), org.slug(), org.displayName(), year, saved.isPresent(),
                saved.map(Saved::savedAt).orElse(null), saved.map(Saved::savedByName).orElse(null),
                saved.map(Saved::version).orElse(-1), lines, candidates, campaign);
    }

    /**
     * Saves a worksheet: every category's line (a category left out is saved at zero). Fails with
     * a {@link ProjectException} listing every problem (field paths {@code lines[i].amount} by the
     * categories' order, {@code projects}) and saves nothing; with
     * {@code projects.eapd.error.concurrent} when someone saved it since {@code version} was read
     * ({@code -1} for a worksheet never saved).
     */
    @Transactional
    public void save(long organisationId, int year, int version, List<EapdLineData> lines, CurrentPerson by) {
        OrganisationRef org = authority(organisationId);
        if (!canEdit(organisationId, by)) {
            throw new AccessDeniedException("Not an editor of " + organisationId);
        }
        if (!isValidYear(year)) {
            throw new ProjectException("year", "projects.eapd.error.year", FIRST_YEAR, today().getYear());
        }
        List<Problem> problems = problems(org, year, lines);
        if (!problems.isEmpty()) {
            throw new ProjectException(problems);
        }
        Map<EapdCategory, EapdLineData> byCategory = new EnumMap<>(EapdCategory.class);
        lines.forEach(l -> byCategory.put(EapdCategory.valueOf(l.category()), l));
        Optional<Saved> current = saved(organisationId, year);
        long worksheetId;
        String byName = by.displayName() == null ? null : truncate(by.displayName(), 200);
        if (current.isEmpty()) {
            if (version != -1) {
                throw new ProjectException(null, "projects.eapd.error.concurrent");
            }
            Optional<Long> inserted = jdbc.sql("""
                    insert into eapd_worksheet (organisation_id, year, saved_by, saved_by_name, saved_at)
                    values (?, ?, ?, ?, now()) on conflict (organisation_id, year) do nothing returning id""")
                    .params(organisationId, year, by.personId(), byName).query(Long.class).optional();
            worksheetId = inserted.orElseThrow(() -> new ProjectException(null, "projects.eapd.error.concurrent"));
        } else {
            worksheetId = current.get().id();
            int updated = jdbc.sql("""
                    update eapd_worksheet set saved_by = ?, saved_by_name = ?, saved_at = now(), version = version + 1
                    where id = ? and version = ?""")
                    .params(by.personId(), byName, worksheetId, version).update();
            if (updated == 0) {
                throw new ProjectException(null, "projects.eapd.error.concurrent");
            }
            jdbc.sql("delete from eapd_line_project where worksheet_id = ?").param(worksheetId).update();
            jdbc.sql("delete from eapd_line where worksheet_id = ?").param(worksheetId).update();
        }
        for (EapdCategory c : EapdCategory.values()) {
            EapdLineData l = byCategory.get(c);
            BigDecimal amount = l == null ? BigDecimal.ZERO : l.amount();
            String comment = l == null || l.comment() == null || l.comment().isBlank() ? null : l.comment().strip();
            jdbc.sql("insert into eapd_line (worksheet_id, category, amount, comment) values (?, ?, ?, ?)")
                    .params(worksheetId, c.name(), amount, comment).update();
            if (l != null) {
                for (Long pid : new LinkedHashSet<>(l.projectIds())) {
                    jdbc.sql("insert into eapd_line_project (worksheet_id, category, project_id) values (?, ?, ?)")
                            .params(worksheetId, c.name(), pid).update();
                }
            }
        }
        if (by.isStaff() && directory.roleOf(organisationId, by.personId()).isEmpty()) {
            staffActions.record(by, "projects.eapd.save", "organisation", organisationId, org.name() + " – " + year);
        }
    }

    /** What is wrong with these lines, without saving anything (field paths as in {@link #save}). */
    public List<Problem> problems(long organisationId, int year, List<EapdLineData> lines) {
        return problems(authority(organisationId), year, lines);
    }

    private List<Problem> problems(OrganisationRef org, int year, List<EapdLineData> lines) {
        Set<Long> allowed = new HashSet<>();
        candidates(org, year).forEach(c -> allowed.add(c.projectId()));
        Map<EapdCategory, EapdLineData> byCategory = new EnumMap<>(EapdCategory.class);
        List<Problem> problems = new ArrayList<>();
        Set<Long> counted = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            EapdLineData l = lines.get(i);
            if (l.category() == null || !EapdCategory.isKnown(l.category())) {
                problems.add(new Problem("lines[" + i + "].category", "projects.error.unknown-code", List.of(String.valueOf(l.category()))));
                continue;
            }
            EapdCategory c = EapdCategory.valueOf(l.category());
            String field = "lines[" + c.ordinal() + "]";
            if (byCategory.put(c, l) != null) {
                problems.add(new Problem(field + ".category", "projects.eapd.error.duplicate-line", List.of()));
            }
            if (l.amount() == null) {
                problems.add(new Problem(field + ".amount", "projects.eapd.error.amount", List.of()));
            } else if (l.amount().signum() < 0 || l.amount().compareTo(MAX_AMOUNT) >= 0 || l.amount().stripTrailingZeros().scale() > 2) {
                problems.add(new Problem(field + ".amount", "projects.eapd.error.amount", List.of()));
            }
            if (l.comment() != null && l.comment().strip().length() > COMMENT_MAX) {
                problems.add(new Problem(field + ".comment", "projects.error.too-long", List.of(COMMENT_MAX)));
            }
            for (Long pid : l.projectIds()) {
                if (pid == null || !allowed.contains(pid)) {
                    problems.add(new Problem("projects", "projects.eapd.error.project", List.of(String.valueOf(pid))));
                } else if (!counted.add(pid)) {
                    problems.add(new Problem("projects", "projects.eapd.error.project-twice", List.of(String.valueOf(pid))));
                }
            }
        }
        return problems;
    }

    private record SavedLine(BigDecimal amount, String comment, List<Long> projectIds) {
    }

    private record Saved(long id, Instant savedAt, String savedByName, int version, Map<EapdCategory, SavedLine> lines) {
    }

    private Optional<Saved> saved(long organisationId, int year) {
        record Head(long id, Instant savedAt, String savedByName, int version) {
        }
        Optional<Head> head = jdbc.sql("select id, saved_at, saved_by_name, version from eapd_worksheet where organisation_id = ? and year = ?")
                .params(organisationId, year)
                .query((rs, n) -> new Head(rs.getLong("id"), instant(rs.getTimestamp("saved_at")), rs.getString("saved_by_name"), rs.getInt("version")))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<EapdCategory, List<Long>> projectIds = new EnumMap<>(EapdCategory.class);
        jdbc.sql("select category, project_id from eapd_line_project where worksheet_id = ? order by project_id").param(head.get().id())
                .query((rs, n) -> Map.entry(rs.getString("category"), rs.getLong("project_id"))).list()
                .forEach(e -> {
                    if (EapdCategory.isKnown(e.getKey())) {
                        projectIds.computeIfAbsent(EapdCategory.valueOf(e.getKey()), k -> new ArrayList<>()).add(e.getValue());
                    }
                });
        Map<EapdCategory, SavedLine> lines = new EnumMap<>(EapdCategory.class);
        jdbc.sql("select category, amount, comment from eapd_line where worksheet_id = ?").param(head.get().id())
                .query((rs, n) -> Map.entry(rs.getString("category"), new SavedLine(rs.getBigDecimal("amount"), rs.getString("comment"), List.of())))
                .list().forEach(e -> {
                    if (EapdCategory.isKnown(e.getKey())) {
                        EapdCategory c = EapdCategory.valueOf(e.getKey());
                        lines.put(c, new SavedLine(e.getValue().amount(), e.getValue().comment(), List.copyOf(projectIds.getOrDefault(c, List.of()))));
                    }
                });
        Head h = head.get();
        return Optional.of(new Saved(h.id(), h.savedAt(), h.savedByName(), h.version(), lines));
    }

    /** The projects that may count for the year, with the authority's own funding of each and the line suggested. */
    List<EapdWorksheet.Candidate> candidates(OrganisationRef org, int year) {
        long orgId = org.id();
        List<Long> ids = jdbc.sql("""
                select id from project where organisation_id = :org
                union select project_id from project_funding where organisation_id = :org
                union select pp.project_id from partnership_project pp join partnership p on p.id = pp.partnership_id
                      where p.organisation_id = :org""")
                .param("org", orgId).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<Long> partnershipProjects = new HashSet<>(jdbc.sql("""
                select pp.project_id from partnership_project pp join partnership p on p.id = pp.partnership_id where p.organisation_id = ?""")
                .param(orgId).query(Long.class).list());
        FrenchAuthorityLevel level = partnerships.suggestedLevel(orgId);
        boolean communeLike = level == FrenchAuthorityLevel.COMMUNE || level == FrenchAuthorityLevel.INTERCOMMUNALITE;
        List<ProjectDetails> found = ids.stream().map(projects::find).flatMap(Optional::stream).toList();
        Map<Long, OrganisationRef> leads = directory.refs(found.stream().map(ProjectDetails::organisationId).distinct().toList());
        List<EapdWorksheet.Candidate> out = new ArrayList<>();
        for (ProjectDetails d : found) {
            boolean own = d.organisationId() == orgId;
            BigDecimal amount = BigDecimal.ZERO;
            Set<String> kinds = new HashSet<>();
            boolean otherCurrency = false;
            Integer start = startYear(d.data());
            for (ProjectData.Funding f : d.data().fundings()) {
                boolean ofAuthority = (f.organisationId() != null && f.organisationId() == orgId)
                        || (own && f.organisationId() == null && OWN_KINDS.contains(f.funderKind()));
                Integer fundingYear = f.year() != null ? f.year() : start;
                if (!ofAuthority || fundingYear == null || fundingYear != year || f.amount() == null) {
                    continue;
                }
                if ("EUR".equals(f.currency())) {
                    amount = amount.add(f.amount());
                    kinds.add(f.funderKind());
                } else {
                    otherCurrency = true;
                }
            }
            boolean runs = runsIn(d.data(), year);
            if (amount.signum() == 0 && !runs) {
                continue;
            }
            OrganisationRef lead = leads.get(d.organisationId());
            EapdCategory category = null;
            String reason = "projects.eapd.reason.none";
            if (amount.signum() > 0) {
                boolean commune = kinds.contains(FunderKind.COMMUNE.name()) || (kinds.contains(FunderKind.OWN.name()) && communeLike);
                List<String> themes = d.data().themes();
                List<String> sectors = d.data().sectors().stream().map(ProjectData.Sector::code).toList();
                boolean waste = sectors.contains("14050");
                boolean water = themes.contains("eau-assainissement")
                        || sectors.stream().anyMatch(s -> s.startsWith("140") && !s.equals("14050"));
                boolean energy = themes.contains("energie") || sectors.stream().anyMatch(s -> s.startsWith("23"));
                boolean cooperation = own || partnershipProjects.contains(d.id())
                        || (lead != null && Partnerships.LOCAL_AUTHORITY.equals(lead.structureType()));
                if (commune && waste) {
                    category = EapdCategory.WASTE;
                } else if (commune && water) {
                    category = EapdCategory.WATER;
                } else if (commune && energy) {
                    category = EapdCategory.ENERGY;
                } else if (themes.contains("ecsi")) {
                    category = EapdCategory.EDUCATION;
                } else if (themes.contains("humanitaire-urgence") || themes.contains("migrations")) {
                    category = EapdCategory.REFUGEES;
                } else if (cooperation) {
                    category = EapdCategory.COOPERATION;
                } else {
                    category = EapdCategory.NGO;
                }
                reason = "projects.eapd.reason." + category.name() + (category == EapdCategory.COOPERATION
                        ? (own ? ".own" : partnershipProjects.contains(d.id()) ? ".partnership" : ".authority") : "");
            }
            out.add(new EapdWorksheet.Candidate(d.id(), d.slug(), d.data().title(), lead == null ? d.organisationName() : lead.displayName(),
                    own, d.isPublished(), amount, category, reason, otherCurrency));
        }
        out.sort(Comparator.comparing((EapdWorksheet.Candidate c) -> c.suggested() == null ? 1 : 0)
                .thenComparing(c -> c.suggested() == null ? 0 : c.suggested().ordinal())
                .thenComparing(c -> Slugs.fold(c.title())));
        return out;
    }

    private static Integer startYear(ProjectData d) {
        LocalDate s = d.actualStart() != null ? d.actualStart() : d.plannedStart();
        return s == null ? null : s.getYear();
    }

    private static boolean runsIn(ProjectData d, int year) {
        LocalDate start = d.actualStart() != null ? d.actualStart() : d.plannedStart();
        LocalDate end = d.actualEnd() != null ? d.actualEnd() : d.plannedEnd();
        if (start == null && end == null) {
            return false;
        }
        return (start == null || start.getYear() <= year) && (end == null || end.getYear() >= year);
    }

    private OrganisationRef authority(long organisationId) {
        OrganisationRef org = directory.ref(organisationId).orElse(null);
        if (!Partnerships.isLocalAuthority(org)) {
            throw new ProjectException("organisationId", "projects.coop.error.not-local-authority");
        }
        return org;
    }

    // ------------------------------------------------------------------ campaigns (staff)

    /** Every campaign, latest first. */
    public List<EapdCampaign> campaigns() {
        return jdbc.sql("select year, opens_on, closes_on from eapd_campaign order by year desc")
                .query((rs, n) -> new EapdCampaign(rs.getInt("year"), rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class)))
                .list();
    }

    public Optional<EapdCampaign> campaign(int year) {
        return jdbc.sql("select year, opens_on, closes_on from eapd_campaign where year = ?").param(year)
                .query((rs, n) -> new EapdCampaign(rs.getInt("year"), rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("closes_on", LocalDate.class)))
                .optional();
    }

    /** This year's campaign, else the next one, else the last one. */
    public Optional<EapdCampaign> currentCampaign() {
        int year = today().getYear();
        Optional<EapdCampaign> current = campaign(year);
        if (current.isPresent()) {
            return current;
        }
        List<EapdCampaign> all = campaigns();
        return all.stream().filter(c -> c.year() > year).reduce((a, b) -> b)
                .or(() -> all.stream().findFirst());
    }

    /**
     * Staff set a campaign's dates: its year is the opening day's; closing after opening, in the
     * same year. A campaign already set for that year is changed (reminders already sent are
     * not sent again).
     */
    @Transactional
    public EapdCampaign saveCampaign(LocalDate opensOn, LocalDate closesOn, CurrentPerson staff) {
        if (staff == null || !staff.isStaff()) {
            throw new AccessDeniedException("Staff only");
        }
        List<Problem> problems = new ArrayList<>();
        if (opensOn == null) {
            problems.add(new Problem("opensOn", "projects.error.required", List.of()));
        }
        if (closesOn == null) {
            problems.add(new Problem("closesOn", "projects.error.required", List.of()));
        }
        if (opensOn != null && closesOn != null) {
            if (!closesOn.isAfter(opensOn)) {
                problems.add(new Problem("closesOn", "projects.eapd.error.closes-before-opens", List.of()));
            } else if (closesOn.getYear() != opensOn.getYear()) {
                problems.add(new Problem("closesOn", "projects.eapd.error.same-year", List.of(String.valueOf(opensOn.getYear()))));
            }
            if (opensOn.getYear() < FIRST_YEAR + 1 || opensOn.getYear() > today().getYear() + 5) {
                problems.add(new Problem("opensOn", "projects.eapd.error.campaign-year", List.of()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProjectException(problems);
        }
        int year = opensOn.getYear();
        jdbc.sql("""
                insert into eapd_campaign (year, opens_on, closes_on, updated_by, updated_at) values (?, ?, ?, ?, now())
                on conflict (year) do update set opens_on = excluded.opens_on, closes_on = excluded.closes_on,
                  updated_by = excluded.updated_by, updated_at = now()""")
                .params(year, opensOn, closesOn, staff.personId()).update();
        staffActions.record(staff, "projects.eapd.campaign", "eapd_campaign", (long) year, opensOn + " → " + closesOn);
        return new EapdCampaign(year, opensOn, closesOn);
    }

    /** Where every published local authority stands for a year's amounts, by name. */
    public List<EapdDeclaration> declarations(int amountsYear) {
        List<OrganisationRef> authorities = directory.publishedOfTypes(List.of(Partnerships.LOCAL_AUTHORITY));
        record Sheet(Instant savedAt, String savedByName, BigDecimal total) {
        }
        Map<Long, Sheet> sheets = new LinkedHashMap<>();
        jdbc.sql("""
                select w.organisation_id, w.saved_at, w.saved_by_name, coalesce(sum(l.amount), 0) as total
                from eapd_worksheet w left join eapd_line l on l.worksheet_id = w.id
                where w.year = ? group by w.id""")
                .param(amountsYear)
                .query((rs, n) -> Map.entry(rs.getLong("organisation_id"),
                        new Sheet(instant(rs.getTimestamp("saved_at")), rs.getString("saved_by_name"), rs.getBigDecimal("total"))))
                .list().forEach(e -> sheets.put(e.getKey(), e.getValue()));
        Map<String, Instant> reminders = new LinkedHashMap<>();
        jdbc.sql("select organisation_id, kind, min(sent_at) as at from eapd_reminder where campaign_year = ? group by organisation_id, kind")
                .param(amountsYear + 1)
                .query((rs, n) -> Map.entry(rs.getLong("organisation_id") + ":" + rs.getString("kind"), instant(rs.getTimestamp("at"))))
                .list().forEach(e -> reminders.put(e.getKey(), e.getValue()));
        List<EapdDeclaration> out = new ArrayList<>();
        for (OrganisationRef o : authorities) {
            Sheet s = sheets.get(o.id());
            out.add(new EapdDeclaration(o.id(), o.slug(), o.displayName(), o.departement(),
                    s == null ? null : s.savedAt(), s == null ? null : s.savedByName(), s == null ? null : s.total(),
                    reminders.get(o.id() + ":" + EapdReminders.OPENING), reminders.get(o.id() + ":" + EapdReminders.CLOSING)));
        }
        return out;
    }

    /** A merged duplicate's worksheets move to the structure kept, unless it has its own for that year. */
    @EventListener
    @Transactional
    public void on(OrganisationsMerged event) {
        jdbc.sql("""
                update eapd_worksheet w set organisation_id = :kept where organisation_id = :removed
                and not exists (select 1 from eapd_worksheet k where k.organisation_id = :kept and k.year = w.year)""")
                .param("kept", event.keptId()).param("removed", event.removedId()).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
