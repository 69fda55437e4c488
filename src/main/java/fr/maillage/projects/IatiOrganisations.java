package fr.maillage.projects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which structure of the directory an IATI organisation (a reporting or participating
 * organisation of a file) is. In order: its identifier carries an RNA or SIRET number the
 * directory knows, or the network's own prefix; else staff confirmed the link before (table
 * {@code iati_organisation}, by identifier, else by name); else a structure with the same name
 * is <em>proposed</em>, and the link counts only once staff confirm it at
 * {@code /admin/iati/organisations}. Confirming a link also links the partners of the projects
 * already imported under that name.
 */
@Service
@Transactional(readOnly = true)
public class IatiOrganisations {

    /** How an IATI organisation was matched to a structure. */
    public enum MatchKind {
        /** By the RNA/SIRET number or the network's prefix in its identifier. */
        IDENTIFIER,
        /** By a link staff confirmed. */
        MAPPING,
        /** A structure with that name, waiting for staff to confirm. */
        PROPOSED,
        /** Nothing found: an outside organisation. */
        NONE
    }

    /** The structure an IATI organisation is (or may be), or none. */
    public record Match(Long organisationId, String slug, String name, MatchKind kind) {

        static final Match NONE = new Match(null, null, null, MatchKind.NONE);

        /** Matched for sure (identifier or confirmed link). */
        public boolean linked() {
            return kind == MatchKind.IDENTIFIER || kind == MatchKind.MAPPING;
        }
    }

    /** A link between an IATI organisation and a structure, as staff review it. */
    public record Link(long id, String ref, String name, long organisationId, String organisationSlug, String organisationName,
                       String status, Long importId, Instant createdAt) {
    }

    private static final int MIN_NAME_KEY = 4;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final IatiOrgIds orgIds;
    private final StaffActions staffActions;
    private final ApplicationEventPublisher events;

    IatiOrganisations(JdbcClient jdbc, Directory directory, IatiOrgIds orgIds, StaffActions staffActions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.orgIds = orgIds;
        this.staffActions = staffActions;
        this.events = events;
    }

    /**
     * A matcher for one analysis or run. The links staff decided are read once, at its creation;
     * what it finds is remembered (bounded), so a file naming the same organisation in every
     * activity asks the database once.
     */
    Matcher matcher() {
        return new Matcher();
    }

    final class Matcher {

        private static final int CACHE = 20_000;
        private final Map<String, Match> cache = new HashMap<>();
        private final Map<Long, Optional<OrganisationRef>> structures = new HashMap<>();
        private final Map<String, Long> confirmedByRef = new HashMap<>();
        private final Map<String, Long> confirmedByName = new HashMap<>();
        private final java.util.Set<String> rejected = new java.util.HashSet<>();

        Matcher() {
            jdbc.sql("select ref, name_key, organisation_id, status from iati_organisation where status in ('CONFIRMED', 'REJECTED') order by id")
                    .query(rs -> {
                        String ref = rs.getString(1);
                        String key = rs.getString(2);
                        long org = rs.getLong(3);
                        if ("REJECTED".equals(rs.getString(4))) {
                            rejected.add((ref == null ? "" : ref) + "|" + key + "|" + org);
                        } else if (ref != null) {
                            confirmedByRef.putIfAbsent(ref, org);
                        } else {
                            confirmedByName.putIfAbsent(key, org);
                        }
                    });
        }

        /** The structure an organisation surely is (by identifier or a confirmed link), else NONE. */
        Match match(String ref, String name) {
            String raw = (ref == null ? "" : ref) + "|" + (name == null ? "" : name);
            Match m = cache.get(raw);
            if (m == null) {
                String r = ref == null || ref.isBlank() ? null : ref.strip();
                String key = name == null ? "" : Slugs.fold(name).strip();
                m = find(r, key);
                if (cache.size() < CACHE) {
                    cache.put(raw, m);
                }
            }
            return m;
        }

        /** A structure with that name, proposed for staff to confirm (never one they rejected for it), else NONE. */
        Match propose(String ref, String name) {
            String key = name == null ? "" : Slugs.fold(name).strip();
            if (key.length() < MIN_NAME_KEY) {
                return Match.NONE;
            }
            String r = ref == null || ref.isBlank() ? "" : ref.strip();
            for (OrganisationRef candidate : directory.findByName(name, 3)) {
                if (!rejected.contains(r + "|" + key + "|" + candidate.id())) {
                    return IatiOrganisations.match(candidate, MatchKind.PROPOSED);
                }
            }
            return Match.NONE;
        }

        private Match find(String ref, String key) {
            if (ref != null) {
                String number = orgIds.nationalNumber(ref);
                if (number != null) {
                    Optional<OrganisationRef> o = directory.findByIdentifier(number);
                    if (o.isPresent()) {
                        return IatiOrganisations.match(o.get(), MatchKind.IDENTIFIER);
                    }
                }
                Long id = orgIds.networkId(ref);
                if (id != null) {
                    Optional<OrganisationRef> o = structure(id);
                    if (o.isPresent()) {
                        return IatiOrganisations.match(o.get(), MatchKind.IDENTIFIER);
                    }
                }
                Long mapped = confirmedByRef.get(ref);
                if (mapped != null && structure(mapped).isPresent()) {
                    return IatiOrganisations.match(structure(mapped).get(), MatchKind.MAPPING);
                }
            }
            Long mapped = key.isEmpty() ? null : confirmedByName.get(key);
            if (mapped != null && structure(mapped).isPresent()) {
                return IatiOrganisations.match(structure(mapped).get(), MatchKind.MAPPING);
            }
            return Match.NONE;
        }

        private Optional<OrganisationRef> structure(long id) {
            return structures.computeIfAbsent(id, i -> directory.ref(i).filter(IatiOrganisations::live));
        }
    }

    private static boolean live(OrganisationRef o) {
        return o.status() != OrganisationStatus.MERGED && o.status() != OrganisationStatus.REFUSED;
    }

    private static Match match(OrganisationRef o, MatchKind kind) {
        return new Match(o.id(), o.slug(), o.displayName(), kind);
    }

    /** Records a proposal for staff (nothing when the same link is already known, whatever its status). */
    @Transactional
    public void propose(String ref, String name, long organisationId, Long importId) {
        String key = Slugs.fold(name).strip();
        jdbc.sql("""
                        insert into iati_organisation (ref, name, name_key, organisation_id, status, import_id)
                        values (?, ?, ?, ?, 'PROPOSED', ?)
                        on conflict do nothing""")
                .params(blankToNull(ref), truncate(name.strip(), 300), truncate(key, 300), organisationId, importId).update();
    }

    // ------------------------------------------------------------------ staff review

    /** Links waiting for staff, oldest first. */
    public List<Link> proposals() {
        return links("status = 'PROPOSED'", "created_at, id", 500);
    }

    /** Links staff decided, latest first. */
    public List<Link> decided(int limit) {
        return links("status in ('CONFIRMED', 'REJECTED')", "decided_at desc nulls last, id desc", limit);
    }

    public long pendingCount() {
        return jdbc.sql("select count(*) from iati_organisation where status = 'PROPOSED'").query(Long.class).single();
    }

    /** Links matching a fixed condition of this class (never user input), in the given order. */
    private List<Link> links(String where, String order, int limit) {
        List<Link> rows = jdbc.sql("select id, ref, name, organisation_id, status, import_id, created_at from iati_organisation where "
                        + where + " order by " + order + " limit ?")
                .param(limit)
                .query((rs, n) -> new Link(rs.getLong("id"), rs.getString("ref"), rs.getString("name"), rs.getLong("organisation_id"), null, null,
                        rs.getString("status"), (Long) rs.getObject("import_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
        Map<Long, OrganisationRef> refs = directory.refs(rows.stream().map(Link::organisationId).distinct().toList());
        List<Link> out = new ArrayList<>();
        for (Link l : rows) {
            OrganisationRef o = refs.get(l.organisationId());
            out.add(new Link(l.id(), l.ref(), l.name(), l.organisationId(), o == null ? null : o.slug(), o == null ? null : o.displayName(),
                    l.status(), l.importId(), l.createdAt()));
        }
        return out;
    }

    /**
     * Staff confirm a proposed link: later imports use it, the other proposals for the same IATI
     * organisation are set aside, and the partners of already imported projects with that
     * identifier (or, without one, that name) now point to the structure. Returns how many
     * projects were linked.
     */
    @Transactional
    public int confirm(long linkId, CurrentPerson staff) {
        requireStaff(staff);
        Link link = links("id = " + linkId, "id", 1).stream().findFirst().orElseThrow(() -> new ProjectNotFoundException("iati organisation #" + linkId));
        jdbc.sql("update iati_organisation set status = 'CONFIRMED', decided_by = ?, decided_at = now() where id = ?")
                .params(staff.personId(), linkId).update();
        jdbc.sql("""
                        update iati_organisation set status = 'REJECTED', decided_by = ?, decided_at = now()
                        where status = 'PROPOSED' and id <> ? and (ref = cast(? as varchar) or (cast(? as varchar) is null and name_key = (select name_key from iati_organisation where id = ?)))""")
                .params(staff.personId(), linkId, link.ref(), link.ref(), linkId).update();
        List<Long[]> projects = jdbc.sql("""
                        select distinct p.id, p.organisation_id from project p join project_partner pp on pp.project_id = p.id
                        where p.source = 'IATI' and pp.organisation_id is null
                          and (pp.iati_ref = cast(:ref as varchar) or (pp.iati_ref is null and pp.name = :name))""")
                .param("ref", link.ref()).param("name", link.name())
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)}).list();
        jdbc.sql("""
                        update project_partner pp set organisation_id = :org from project p
                        where p.id = pp.project_id and p.source = 'IATI' and pp.organisation_id is null
                          and (pp.iati_ref = cast(:ref as varchar) or (pp.iati_ref is null and pp.name = :name))""")
                .param("org", link.organisationId()).param("ref", link.ref()).param("name", link.name()).update();
        staffActions.record(staff, "projects.iati.organisation-confirm", "organisation", link.organisationId(),
                (link.ref() == null ? "" : link.ref() + " ") + link.name());
        projects.forEach(p -> events.publishEvent(new ProjectChanged(p[0], p[1], false)));
        return projects.size();
    }

    /** Staff reject a proposed link: it is never proposed again. */
    @Transactional
    public void reject(long linkId, CurrentPerson staff) {
        requireStaff(staff);
        Link link = links("id = " + linkId, "id", 1).stream().findFirst().orElseThrow(() -> new ProjectNotFoundException("iati organisation #" + linkId));
        jdbc.sql("update iati_organisation set status = 'REJECTED', decided_by = ?, decided_at = now() where id = ?")
                .params(staff.personId(), linkId).update();
        staffActions.record(staff, "projects.iati.organisation-reject", "organisation", link.organisationId(),
                (link.ref() == null ? "" : link.ref() + " ") + link.name());
    }

    private static void requireStaff(CurrentPerson p) {
        if (p == null || !p.isStaff()) {
            throw new AccessDeniedException("Staff only");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
