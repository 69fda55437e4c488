package fr.maillage.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.maillage.reference.Reference;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of the actors' directory: referencing ("se référencer"), duplicates, join
 * requests, moderation, editing with history and revert, freshness. Every change publishes an
 * event ({@link OrganisationSubmitted}, {@link OrganisationPublished}, {@link OrganisationChanged},
 * {@link OrganisationsMerged}) that the search side reacts to.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final OrganisationRepository organisations;
    private final JdbcClient jdbc;
    private final Reference reference;
    private final DirectoryMails mails;
    private final StaffActions staffActions;
    private final ApplicationEventPublisher events;
    private final DirectoryProperties properties;
    private final DirectorySearch search;

    Directory(OrganisationRepository organisations, JdbcClient jdbc, Reference reference, DirectoryMails mails,
              StaffActions staffActions, ApplicationEventPublisher events, DirectoryProperties properties, DirectorySearch search) {
        this.search = search;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.reference = reference;
        this.mails = mails;
        this.staffActions = staffActions;
        this.events = events;
        this.properties = properties;
    }

    // ------------------------------------------------------------------ referencing

    /**
     * Structures that may be the one described: same SIRET or RNA anywhere, or a similar name in
     * the same département. Merged and refused structures are left out.
     */
    public List<DuplicateCandidate> likelyDuplicates(OrganisationData data, Long excludeId) {
        Map<Long, DuplicateCandidate> found = new LinkedHashMap<>();
        if (blankToNull(data.siret()) != null) {
            organisations.findBySiret(data.siret().trim()).forEach(o -> addCandidate(found, o, "SIRET", excludeId));
        }
        if (blankToNull(data.rna()) != null) {
            organisations.findByRna(data.rna().trim().toUpperCase(Locale.ROOT)).forEach(o -> addCandidate(found, o, "RNA", excludeId));
        }
        Optional<String> dep = reference.departementForPostalCode(data.postalCode());
        if (dep.isPresent() && blankToNull(data.name()) != null) {
            jdbc.sql("select id, name from organisation where departement = ? and status not in ('MERGED', 'REFUSED')")
                    .param(dep.get())
                    .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name")))
                    .list().stream()
                    .filter(e -> NameSimilarity.similar(e.getValue(), data.name()))
                    .forEach(e -> organisations.findById(e.getKey()).ifPresent(o -> addCandidate(found, o, "NAME", excludeId)));
        }
        return new ArrayList<>(found.values());
    }

    private static void addCandidate(Map<Long, DuplicateCandidate> found, Organisation o, String reason, Long excludeId) {
        if (o.status == OrganisationStatus.MERGED || o.status == OrganisationStatus.REFUSED || o.id.equals(excludeId)) {
            return;
        }
        found.putIfAbsent(o.id, new DuplicateCandidate(o.id, o.slug, o.name, o.city, o.departement, o.status, reason));
    }

    /** Registers a new structure, pending moderation; the submitter becomes its admin. */
    @Transactional
    public OrganisationId submit(SubmitOrganisation command, CurrentPerson by) {
        requireSignedIn(by);
        OrganisationData d = command.data();
        Organisation o = new Organisation(d.name().trim(), d.structureType(), d.college());
        apply(d, o);
        o.slug = uniqueSlug(o.name);
        o.createdBy = by.personId();
        organisations.saveAndFlush(o);
        addMember(o.id, by.personId(), MemberRole.ADMIN, contactOf(by));
        revision(o, "CREATED", null, by);
        mails.send(List.of(contactOf(by)), "submitted", o.name, mails.link("/mon-espace/structures"), null, null);
        mails.send(mails.staff(), "pending", o.name, mails.link("/admin/structures/" + o.id), null, by.displayName());
        events.publishEvent(new OrganisationSubmitted(o.id));
        return new OrganisationId(o.id);
    }

    public Optional<EditableOrganisation> editable(String slug) {
        return organisations.findBySlug(slug).map(Directory::editable);
    }

    public Optional<EditableOrganisation> editable(long id) {
        return organisations.findById(id).map(Directory::editable);
    }

    /** Staff edit every structure; its admins and editors edit it unless it was refused or merged. */
    public boolean canEdit(long organisationId, CurrentPerson me) {
        if (me == null) {
            return false;
        }
        if (me.isStaff()) {
            return true;
        }
        Organisation o = organisations.findById(organisationId).orElse(null);
        return o != null && o.status != OrganisationStatus.REFUSED && o.status != OrganisationStatus.MERGED
                && roleOf(organisationId, me.personId()).isPresent();
    }

    /**
     * Changes a structure. A structure sent back for changes goes back to the moderation queue
     * when one of its members saves it. Fails with {@code directory.error.concurrent} when
     * someone else saved it since the editor opened the form.
     */
    @Transactional
    public void update(UpdateOrganisation command, CurrentPerson by) {
        Organisation o = organisations.findById(command.id()).orElseThrow(() -> new OrganisationNotFoundException("#" + command.id()));
        if (!canEdit(o.id, by)) {
            throw new AccessDeniedException("Vous ne pouvez pas modifier cette structure");
        }
        if (o.version != command.version()) {
            throw new DirectoryException("directory.error.concurrent");
        }
        Map<String, Object> before = Snapshots.of(o);
        boolean wasMember = o.member;
        apply(command.data(), o);
        if (!by.isStaff() && o.status == OrganisationStatus.PUBLISHED) {
            // membership of the network ("adhérent") is declared at referencing, checked by staff
            // at moderation, and then kept up to date by staff only
            o.member = wasMember;
        }
        List<String> changed = Snapshots.changedFields(before, Snapshots.of(o));
        boolean resubmitted = o.status == OrganisationStatus.CHANGES_REQUESTED && !by.isStaff();
        if (changed.isEmpty() && !resubmitted) {
            return;
        }
        if (resubmitted) {
            o.status = OrganisationStatus.PENDING;
            o.moderationMessage = null;
        }
        o.updatedAt = Instant.now();
        o.reviewRequestedAt = null;
        organisations.saveAndFlush(o);
        revision(o, resubmitted ? "RESUBMITTED" : "UPDATED", String.join(", ", changed), by);
        if (resubmitted) {
            mails.send(mails.staff(), "resubmitted", o.name, mails.link("/admin/structures/" + o.id), null, by.displayName());
        }
        events.publishEvent(new OrganisationChanged(o.id));
    }

    /** "Rien à changer": the editors confirm the record is still right; it counts as an update. */
    @Transactional
    public void confirmUpToDate(long organisationId, int version, CurrentPerson by) {
        Organisation o = organisations.findById(organisationId).orElseThrow(() -> new OrganisationNotFoundException("#" + organisationId));
        if (!canEdit(o.id, by)) {
            throw new AccessDeniedException("Vous ne pouvez pas modifier cette structure");
        }
        if (o.version != version) {
            throw new DirectoryException("directory.error.concurrent");
        }
        o.updatedAt = Instant.now();
        o.reviewRequestedAt = null;
        organisations.saveAndFlush(o);
        revision(o, "CONFIRMED", null, by);
        events.publishEvent(new OrganisationChanged(o.id));
    }

    /** The structures a person belongs to (merged ones left out), with their status and the person's role. */
    public List<MyStructure> structuresOf(long personId) {
        return jdbc.sql("""
                select o.id, o.name, o.slug, o.status, m.role, o.moderation_message, o.updated_at,
                       (select count(*) from organisation_join_request r where r.organisation_id = o.id and r.status = 'PENDING') as pending
                from organisation_member m join organisation o on o.id = m.organisation_id
                where m.person_id = ? and o.status <> 'MERGED'
                order by o.name""")
                .param(personId)
                .query((rs, n) -> new MyStructure(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
                        OrganisationStatus.valueOf(rs.getString("status")), MemberRole.valueOf(rs.getString("role")),
                        rs.getString("moderation_message"), instant(rs, "updated_at"),
                        "ADMIN".equals(rs.getString("role")) ? rs.getInt("pending") : 0))
                .list();
    }

    public Optional<MemberRole> roleOf(long organisationId, long personId) {
        return jdbc.sql("select role from organisation_member where organisation_id = ? and person_id = ?")
                .params(organisationId, personId).query(String.class).optional().map(MemberRole::valueOf);
    }

    public List<Member> members(long organisationId) {
        return jdbc.sql("select person_id, display_name, email, role, since from organisation_member where organisation_id = ? order by role, since")
                .param(organisationId)
                .query((rs, n) -> new Member(rs.getLong("person_id"), rs.getString("display_name"), rs.getString("email"),
                        MemberRole.valueOf(rs.getString("role")), instant(rs, "since")))
                .list();
    }

    /** For a merged structure's slug, the slug of the structure it now lives in (the read side redirects there). */
    public Optional<String> mergedTarget(String slug) {
        Optional<Organisation> o = organisations.findBySlug(slug);
        if (o.isEmpty() || o.get().status != OrganisationStatus.MERGED) {
            return Optional.empty();
        }
        Organisation current = o.get();
        for (int i = 0; i < 20 && current.status == OrganisationStatus.MERGED && current.mergedIntoId != null; i++) {
            Optional<Organisation> next = organisations.findById(current.mergedIntoId);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return current.status == OrganisationStatus.MERGED ? Optional.empty() : Optional.of(current.slug);
    }

    // ------------------------------------------------------------------ join requests

    /** Asks to join a structure; its admins (or staff, when it has none) are told. Returns the request's id. */
    @Transactional
    public long requestToJoin(long organisationId, CurrentPerson me, String message) {
        requireSignedIn(me);
        Organisation o = organisations.findById(organisationId).orElseThrow(() -> new OrganisationNotFoundException("#" + organisationId));
        if (o.status == OrganisationStatus.MERGED || o.status == OrganisationStatus.REFUSED) {
            throw new DirectoryException("directory.error.join.closed");
        }
        if (roleOf(organisationId, me.personId()).isPresent()) {
            throw new DirectoryException("directory.error.join.member");
        }
        Optional<Long> existing = jdbc.sql("select id from organisation_join_request where organisation_id = ? and person_id = ? and status = 'PENDING'")
                .params(organisationId, me.personId()).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Contact c = contactOf(me);
        String text = blankToNull(message);
        long id = jdbc.sql("""
                insert into organisation_join_request (organisation_id, person_id, message, email, display_name, locale)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(organisationId, me.personId(), text == null ? null : truncate(text, 2000), c.email(), c.name(), c.locale().toLanguageTag())
                .query(Long.class).single();
        boolean hasAdmin = jdbc.sql("select count(*) from organisation_member where organisation_id = ? and role = 'ADMIN'")
                .param(organisationId).query(Long.class).single() > 0;
        if (hasAdmin) {
            mails.send(mails.admins(organisationId), "join", o.name, mails.link("/acteurs/" + o.slug + "/membres"), text, me.displayName());
        } else {
            mails.send(mails.staff(), "join", o.name, mails.link("/admin/structures/" + o.id), text, me.displayName());
        }
        return id;
    }

    /** Pending requests to join the structures this person administers. */
    public List<JoinRequestView> joinRequestsToDecide(long personId) {
        return joinRequests("""
                r.status = 'PENDING' and r.organisation_id in
                  (select organisation_id from organisation_member where person_id = :p and role = 'ADMIN')""", personId);
    }

    /** Pending requests to join one structure. */
    public List<JoinRequestView> pendingJoinRequests(long organisationId) {
        return joinRequests("r.status = 'PENDING' and r.organisation_id = :p", organisationId);
    }

    /** The requests a person sent (every status). */
    public List<JoinRequestView> joinRequestsOf(long personId) {
        return joinRequests("r.person_id = :p", personId);
    }

    /** Pending requests for structures without an admin: staff decide them. */
    public List<JoinRequestView> joinRequestsWithoutAdmin() {
        return joinRequests("""
                r.status = 'PENDING' and :p = :p and not exists
                  (select 1 from organisation_member m where m.organisation_id = r.organisation_id and m.role = 'ADMIN')""", 0L);
    }

    private List<JoinRequestView> joinRequests(String where, long param) {
        return jdbc.sql("""
                select r.id, r.organisation_id, o.name, o.slug, r.person_id, r.display_name, r.email, r.message, r.status, r.created_at
                from organisation_join_request r join organisation o on o.id = r.organisation_id
                """ + " where " + where + " order by r.created_at desc, r.id desc")
                .param("p", param)
                .query((rs, n) -> new JoinRequestView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
                        rs.getString("slug"), rs.getLong("person_id"), rs.getString("display_name"), rs.getString("email"),
                        rs.getString("message"), rs.getString("status"), instant(rs, "created_at")))
                .list();
    }

    /** An admin of the structure (or staff) approves or refuses a join request; the requester is told. */
    @Transactional
    public void decideJoinRequest(long requestId, boolean approve, CurrentPerson me) {
        requireSignedIn(me);
        JoinRequestView r = jdbc.sql("""
                select r.id, r.organisation_id, o.name, o.slug, r.person_id, r.display_name, r.email, r.message, r.status, r.created_at, r.locale
                from organisation_join_request r join organisation o on o.id = r.organisation_id where r.id = ?""")
                .param(requestId)
                .query((rs, n) -> new JoinRequestView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
                        rs.getString("slug"), rs.getLong("person_id"), rs.getString("display_name"), rs.getString("email"),
                        rs.getString("message"), rs.getString("status"), instant(rs, "created_at")))
                .optional().orElseThrow(() -> new DirectoryException("directory.error.join.unknown"));
        boolean admin = roleOf(r.organisationId(), me.personId()).filter(role -> role == MemberRole.ADMIN).isPresent();
        if (!admin && !me.isStaff()) {
            throw new AccessDeniedException("Seuls les administrateurs de la structure décident");
        }
        if (!"PENDING".equals(r.status())) {
            throw new DirectoryException("directory.error.join.decided");
        }
        // two admins deciding at once: only the first decision counts
        int decided = jdbc.sql("update organisation_join_request set status = ?, decided_at = now(), decided_by = ? where id = ? and status = 'PENDING'")
                .params(approve ? "APPROVED" : "REFUSED", me.personId(), requestId).update();
        if (decided == 0) {
            throw new DirectoryException("directory.error.join.decided");
        }
        if (approve) {
            boolean hasAdmin = jdbc.sql("select count(*) from organisation_member where organisation_id = ? and role = 'ADMIN'")
                    .param(r.organisationId()).query(Long.class).single() > 0;
            String locale = jdbc.sql("select locale from organisation_join_request where id = ?").param(requestId).query(String.class).single();
            addMember(r.organisationId(), r.personId(), hasAdmin ? MemberRole.EDITOR : MemberRole.ADMIN,
                    new Contact(r.personEmail(), r.personName(), DirectoryMails.locale(locale)));
        }
        if (!admin) {
            staffActions.record(me, approve ? "directory.join.approve" : "directory.join.refuse", "organisation", r.organisationId(),
                    r.personName() + " <" + r.personEmail() + ">");
        }
        Contact requester = mails.contact(r.personId()).orElse(new Contact(r.personEmail(), r.personName(), Locale.FRENCH));
        mails.send(List.of(requester), approve ? "joinApproved" : "joinRefused", r.organisationName(),
                mails.link(approve ? "/acteurs/" + r.organisationSlug() + "/modifier" : "/annuaire"), null, null);
    }

    // ------------------------------------------------------------------ moderation (staff)

    /** Structures waiting for moderation, oldest first. */
    public List<OrganisationRow> moderationQueue() {
        return jdbc.sql(ROW_SELECT + " where status = 'PENDING' order by created_at, id").query(Directory::row).list();
    }

    /** The staff list of structures, filtered by status and name. */
    public RowPage<OrganisationRow> list(OrganisationStatus status, String query, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 200);
        String q = Slugs.fold(query);
        String where = " where (cast(:status as varchar) is null or status = cast(:status as varchar)) and (:q = '' or name_key like '%' || :q || '%' or slug = :slug)";
        long total = jdbc.sql("select count(*) from organisation" + where)
                .param("status", status == null ? null : status.name()).param("q", q).param("slug", query == null ? "" : query.trim())
                .query(Long.class).single();
        List<OrganisationRow> items = jdbc.sql(ROW_SELECT + where + " order by name_key, id offset :o limit :l")
                .param("status", status == null ? null : status.name()).param("q", q).param("slug", query == null ? "" : query.trim())
                .param("o", (long) p * s).param("l", s)
                .query(Directory::row).list();
        return new RowPage<>(items, p, s, total);
    }

    @Transactional
    public void approve(long id, CurrentPerson staff) {
        requireStaff(staff);
        Organisation o = load(id);
        if (o.status == OrganisationStatus.MERGED) {
            throw new DirectoryException("directory.error.merged");
        }
        o.status = OrganisationStatus.PUBLISHED;
        o.moderationMessage = null;
        if (o.publishedAt == null) {
            o.publishedAt = Instant.now();
        }
        o.updatedAt = Instant.now();
        organisations.saveAndFlush(o);
        revision(o, "APPROVED", null, staff);
        staffActions.record(staff, "directory.approve", "organisation", o.id, o.name);
        mails.send(mails.admins(o.id), "approved", o.name, mails.link("/acteurs/" + o.slug), null, null);
        events.publishEvent(new OrganisationPublished(o.id));
        events.publishEvent(new OrganisationChanged(o.id));
    }

    @Transactional
    public void requestChanges(long id, String message, CurrentPerson staff) {
        moderate(id, message, staff, OrganisationStatus.CHANGES_REQUESTED, "CHANGES_REQUESTED", "directory.request-changes", "changes");
    }

    @Transactional
    public void refuse(long id, String message, CurrentPerson staff) {
        moderate(id, message, staff, OrganisationStatus.REFUSED, "REFUSED", "directory.refuse", "refused");
    }

    private void moderate(long id, String message, CurrentPerson staff, OrganisationStatus status, String kind, String action, String mail) {
        requireStaff(staff);
        if (blankToNull(message) == null) {
            throw new DirectoryException("directory.error.moderation.message");
        }
        Organisation o = load(id);
        if (o.status == OrganisationStatus.MERGED) {
            throw new DirectoryException("directory.error.merged");
        }
        o.status = status;
        o.moderationMessage = truncate(message.trim(), 4000);
        organisations.saveAndFlush(o);
        revision(o, kind, o.moderationMessage, staff);
        staffActions.record(staff, action, "organisation", o.id, o.name + " : " + o.moderationMessage);
        mails.send(mails.admins(o.id), mail, o.name, mails.link("/acteurs/" + o.slug + "/modifier"), o.moderationMessage, null);
        events.publishEvent(new OrganisationChanged(o.id));
    }

    /**
     * Merges a duplicate into the structure to keep: people, themes, countries, SDGs and keywords
     * are joined, pending join requests move, both histories are kept, and the removed structure
     * becomes MERGED and points to the kept one.
     */
    @Transactional
    public void merge(long removedId, long keptId, CurrentPerson staff) {
        requireStaff(staff);
        if (removedId == keptId) {
            throw new DirectoryException("directory.error.merge.same");
        }
        Organisation removed = load(removedId);
        Organisation kept = load(keptId);
        if (removed.status == OrganisationStatus.MERGED || kept.status == OrganisationStatus.MERGED) {
            throw new DirectoryException("directory.error.merged");
        }
        List<Contact> told = new ArrayList<>(mails.admins(removed.id));
        for (Contact c : mails.admins(kept.id)) {
            if (told.stream().noneMatch(t -> t.email().equalsIgnoreCase(c.email()))) {
                told.add(c);
            }
        }
        kept.themes.addAll(removed.themes);
        for (CountryPlace c : removed.countries) {
            boolean present = kept.countries.stream().anyMatch(k -> k.getCountryCode().equals(c.getCountryCode())
                    && java.util.Objects.equals(k.getPlace(), c.getPlace()));
            if (!present) {
                kept.countries.add(new CountryPlace(c.getCountryCode(), c.getPlace()));
            }
        }
        kept.sdgs.addAll(removed.sdgs);
        for (String k : removed.keywords) {
            if (kept.keywords.size() < 40) {
                kept.keywords.add(k);
            }
        }
        if (kept.siret == null) {
            kept.siret = removed.siret;
        }
        if (kept.rna == null) {
            kept.rna = removed.rna;
        }
        if (kept.logoKey == null) {
            kept.logoKey = removed.logoKey;
        }
        if (kept.description == null || kept.description.isBlank()) {
            kept.description = removed.description;
        }
        kept.updatedAt = Instant.now();
        removed.status = OrganisationStatus.MERGED;
        removed.mergedIntoId = kept.id;
        removed.moderationMessage = null;
        organisations.saveAndFlush(kept);
        organisations.saveAndFlush(removed);
        jdbc.sql("""
                insert into organisation_member (organisation_id, person_id, role, since, email, display_name, locale)
                select ?, person_id, role, since, email, display_name, locale from organisation_member where organisation_id = ?
                on conflict (organisation_id, person_id) do update
                  set role = case when excluded.role = 'ADMIN' then 'ADMIN' else organisation_member.role end""")
                .params(kept.id, removed.id).update();
        jdbc.sql("delete from organisation_member where organisation_id = ?").param(removed.id).update();
        jdbc.sql("""
                update organisation_join_request set organisation_id = ? where organisation_id = ? and status = 'PENDING'
                  and person_id not in (select person_id from organisation_member where organisation_id = ?)""")
                .params(kept.id, removed.id, kept.id).update();
        jdbc.sql("update organisation_join_request set status = 'REFUSED', decided_at = now(), decided_by = ? where organisation_id = ? and status = 'PENDING'")
                .params(staff.personId(), removed.id).update();
        jdbc.sql("update organisation set merged_into_id = ? where merged_into_id = ?").params(kept.id, removed.id).update();
        revision(removed, "MERGED", "→ #" + kept.id + " " + kept.name, staff);
        revision(kept, "MERGED", "← #" + removed.id + " " + removed.name, staff);
        staffActions.record(staff, "directory.merge", "organisation", kept.id, "#" + removed.id + " " + removed.name + " → #" + kept.id + " " + kept.name);
        mails.send(told, "merged", kept.name, mails.link("/acteurs/" + kept.slug), null, removed.name);
        events.publishEvent(new OrganisationsMerged(kept.id, removed.id));
        events.publishEvent(new OrganisationChanged(kept.id));
        events.publishEvent(new OrganisationChanged(removed.id));
    }

    /** A structure's history, newest first, each entry with its differences from the previous one. */
    public List<Revision> history(long organisationId) {
        record Raw(long id, Instant at, Long actorId, String actorName, String kind, String summary, String snapshot) {
        }
        List<Raw> raws = jdbc.sql("select id, at, actor_id, actor_name, kind, summary, snapshot::text as snapshot from organisation_revision where organisation_id = ? order by at, id")
                .param(organisationId)
                .query((rs, n) -> new Raw(rs.getLong("id"), instant(rs, "at"), (Long) rs.getObject("actor_id"), rs.getString("actor_name"),
                        rs.getString("kind"), rs.getString("summary"), rs.getString("snapshot")))
                .list();
        List<Revision> out = new ArrayList<>();
        Map<String, Object> previous = Map.of();
        for (Raw r : raws) {
            Map<String, Object> snapshot = Snapshots.parse(r.snapshot());
            List<Revision.FieldChange> changes = "CREATED".equals(r.kind()) ? List.of() : Snapshots.diff(previous, snapshot);
            out.add(new Revision(r.id(), r.at(), r.actorId(), r.actorName(), r.kind(), r.summary(), changes));
            previous = snapshot;
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** Puts back the record as it was after a revision (status unchanged); kept in the history as REVERTED. */
    @Transactional
    public void revert(long organisationId, long revisionId, CurrentPerson staff) {
        requireStaff(staff);
        Organisation o = load(organisationId);
        String json = jdbc.sql("select snapshot::text from organisation_revision where id = ? and organisation_id = ?")
                .params(revisionId, organisationId).query(String.class).optional()
                .orElseThrow(() -> new DirectoryException("directory.error.revision.unknown"));
        Map<String, Object> before = Snapshots.of(o);
        Snapshots.apply(Snapshots.parse(json), o);
        o.nameKey = Slugs.fold(o.name);
        List<String> changed = Snapshots.changedFields(before, Snapshots.of(o));
        o.updatedAt = Instant.now();
        organisations.saveAndFlush(o);
        revision(o, "REVERTED", "#" + revisionId + (changed.isEmpty() ? "" : " : " + String.join(", ", changed)), staff);
        staffActions.record(staff, "directory.revert", "organisation", o.id, o.name + " ← révision #" + revisionId);
        events.publishEvent(new OrganisationChanged(o.id));
    }

    // ------------------------------------------------------------------ freshness

    /** Published structures not updated for {@code maillage.directory.stale-after}, least fresh first. */
    public RowPage<OrganisationRow> stale(int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 500);
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(Instant.now().minus(properties.staleAfter()), ZoneOffset.UTC);
        long total = jdbc.sql("select count(*) from organisation where status = 'PUBLISHED' and updated_at < ?")
                .param(cutoff).query(Long.class).single();
        List<OrganisationRow> items = jdbc.sql(ROW_SELECT + " where status = 'PUBLISHED' and updated_at < :c order by updated_at, id offset :o limit :l")
                .param("c", cutoff).param("o", (long) p * s).param("l", s).query(Directory::row).list();
        return new RowPage<>(items, p, s, total);
    }

    // ------------------------------------------------------------------ references for other modules

    private static final String REF_SELECT = "select id, slug, name, acronym, structure_type, college, siret, rna, city, departement, region, status from organisation";

    /** A structure by id, whatever its status. */
    public Optional<OrganisationRef> ref(long id) {
        return jdbc.sql(REF_SELECT + " where id = ?").param(id).query(Directory::refRow).optional();
    }

    /** A structure by slug, whatever its status. */
    public Optional<OrganisationRef> ref(String slug) {
        return jdbc.sql(REF_SELECT + " where slug = ?").param(slug).query(Directory::refRow).optional();
    }

    /** Several structures by id, keyed by id (unknown ids are left out). */
    public Map<Long, OrganisationRef> refs(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, OrganisationRef> out = new LinkedHashMap<>();
        jdbc.sql(REF_SELECT + " where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(Directory::refRow).list().forEach(r -> out.put(r.id(), r));
        return out;
    }

    /** The live (not merged, not refused) structure with this SIRET (14 digits) or RNA (W + 9 digits), if any. */
    public Optional<OrganisationRef> findByIdentifier(String siretOrRna) {
        if (siretOrRna == null || siretOrRna.isBlank()) {
            return Optional.empty();
        }
        String v = siretOrRna.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql(REF_SELECT + " where (siret = :v or rna = :v) and status not in ('MERGED', 'REFUSED') order by id limit 1")
                .param("v", v).query(Directory::refRow).optional();
    }

    /** Live structures whose folded name equals or contains the folded {@code name}, best first. */
    public List<OrganisationRef> findByName(String name, int limit) {
        String key = Slugs.fold(name == null ? "" : name).strip();
        if (key.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REF_SELECT + " where status not in ('MERGED', 'REFUSED') and (name_key = :k or name_key like :p)"
                        + " order by (name_key = :k) desc, length(name_key), id limit :l")
                .param("k", key).param("p", "%" + key.replace("%", "").replace("_", "") + "%").param("l", Math.max(1, limit))
                .query(Directory::refRow).list();
    }

    /** How many structures the public sees. */
    public long publishedCount() {
        return organisations.countByStatus(OrganisationStatus.PUBLISHED);
    }

    /** Published structures of the given types (all when empty), by name. */
    public List<OrganisationRef> publishedOfTypes(Collection<String> structureTypes) {
        if (structureTypes.isEmpty()) {
            return jdbc.sql(REF_SELECT + " where status = 'PUBLISHED' order by name_key").query(Directory::refRow).list();
        }
        return jdbc.sql(REF_SELECT + " where status = 'PUBLISHED' and structure_type = any(:t) order by name_key")
                .param("t", structureTypes.toArray(String[]::new)).query(Directory::refRow).list();
    }

    private static OrganisationRef refRow(ResultSet rs, int n) throws SQLException {
        return new OrganisationRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("acronym"),
                rs.getString("structure_type"), rs.getString("college"), rs.getString("siret"), rs.getString("rna"),
                rs.getString("city"), rs.getString("departement"), rs.getString("region"),
                OrganisationStatus.valueOf(rs.getString("status")));
    }

    public DirectoryProperties properties() {
        return properties;
    }

    // ------------------------------------------------------------------ project activity (reported by the projects module)

    /** Above this many structures whose project activity changed at once, the whole directory is reindexed. */
    static final int ACTIVITY_FULL_REINDEX_ABOVE = 2_000;

    /**
     * Records what the published projects a structure leads cover (how many, in which countries,
     * on which themes), so that the directory counts and filters structures by their projects.
     * Written without touching the structure's version nor its history; its search document is
     * updated once the caller's transaction has committed. Unknown ids are ignored.
     */
    @Transactional
    public void recordProjectActivity(long organisationId, int publishedProjects, Set<String> projectCountries, Set<String> projectThemes) {
        ProjectActivity a = new ProjectActivity(publishedProjects, projectCountries, projectThemes);
        int changed = jdbc.sql("""
                update organisation set published_projects = :n, project_countries = cast(:c as varchar[]), project_themes = cast(:t as varchar[])
                where id = :id and (published_projects, project_countries, project_themes)
                  is distinct from (:n, cast(:c as varchar[]), cast(:t as varchar[]))""")
                .param("n", a.publishedProjects()).param("c", a.countries().toArray(String[]::new))
                .param("t", a.themes().toArray(String[]::new)).param("id", organisationId)
                .update();
        if (changed > 0) {
            search.reindexAfterCommit(List.of(organisationId));
        }
    }

    /**
     * Replaces the project activity of every structure at once: those in {@code activities}
     * get theirs, every other structure none. Returns the ids of the structures whose activity
     * changed; with {@code reindex}, their search documents are updated once the transaction has
     * committed (the whole directory is reindexed when there are many).
     */
    @Transactional
    public Set<Long> replaceProjectActivity(Map<Long, ProjectActivity> activities, boolean reindex) {
        Long[] ids = new Long[activities.size()];
        Integer[] counts = new Integer[activities.size()];
        String[] countries = new String[activities.size()];
        String[] themes = new String[activities.size()];
        int i = 0;
        for (Map.Entry<Long, ProjectActivity> e : activities.entrySet()) {
            ids[i] = e.getKey();
            counts[i] = e.getValue().publishedProjects();
            countries[i] = String.join(",", e.getValue().countries());
            themes[i] = String.join(",", e.getValue().themes());
            i++;
        }
        List<Long> changed = jdbc.sql("""
                with v (id, n, c, t) as (
                  select * from unnest(cast(:ids as bigint[]), cast(:ns as int[]), cast(:cs as text[]), cast(:ts as text[]))),
                target as (
                  select o.id, coalesce(v.n, 0) as n,
                         coalesce(cast(string_to_array(nullif(v.c, ''), ',') as varchar[]), cast('{}' as varchar[])) as c,
                         coalesce(cast(string_to_array(nullif(v.t, ''), ',') as varchar[]), cast('{}' as varchar[])) as t
                  from organisation o left join v on v.id = o.id
                  where v.id is not null or o.published_projects <> 0
                     or cardinality(o.project_countries) > 0 or cardinality(o.project_themes) > 0)
                update organisation o set published_projects = target.n, project_countries = target.c, project_themes = target.t
                from target
                where o.id = target.id and (o.published_projects, o.project_countries, o.project_themes)
                  is distinct from (target.n, target.c, target.t)
                returning o.id""")
                .param("ids", ids).param("ns", counts).param("cs", countries).param("ts", themes)
                .query(Long.class).list();
        if (reindex && !changed.isEmpty()) {
            if (changed.size() > ACTIVITY_FULL_REINDEX_ABOVE) {
                search.reindexAllAfterCommit();
            } else {
                search.reindexAfterCommit(changed);
            }
        }
        return new LinkedHashSet<>(changed);
    }

    /** The project activity the directory holds, by structure id, for the structures that have some. */
    public Map<Long, ProjectActivity> projectActivities() {
        Map<Long, ProjectActivity> out = new LinkedHashMap<>();
        jdbc.sql("""
                select id, published_projects, project_countries, project_themes from organisation
                where published_projects <> 0 or cardinality(project_countries) > 0 or cardinality(project_themes) > 0""")
                .query(rs -> {
                    out.put(rs.getLong("id"), new ProjectActivity(rs.getInt("published_projects"),
                            Set.of((String[]) rs.getArray("project_countries").getArray()),
                            Set.of((String[]) rs.getArray("project_themes").getArray())));
                });
        return out;
    }

    /** Asks the admins of each published structure to review their record; returns how many structures were asked. */
    @Transactional
    public int requestReview(Collection<Long> ids, CurrentPerson staff) {
        requireStaff(staff);
        int asked = 0;
        for (Long id : new LinkedHashSet<>(ids)) {
            Optional<Map.Entry<String, String>> org = jdbc.sql("select name, slug from organisation where id = ? and status = 'PUBLISHED'")
                    .param(id).query((rs, n) -> Map.entry(rs.getString("name"), rs.getString("slug"))).optional();
            if (org.isEmpty()) {
                continue;
            }
            jdbc.sql("update organisation set review_requested_at = now() where id = ?").param(id).update();
            mails.send(mails.admins(id), "review", org.get().getKey(), mails.link("/acteurs/" + org.get().getValue() + "/modifier"), null, null);
            staffActions.record(staff, "directory.review-request", "organisation", id, org.get().getKey());
            asked++;
        }
        return asked;
    }

    // ------------------------------------------------------------------ internals

    private static final String ROW_SELECT = "select id, slug, name, structure_type, city, departement, status, created_at, updated_at, review_requested_at from organisation";

    private static OrganisationRow row(ResultSet rs, int n) throws SQLException {
        return new OrganisationRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("structure_type"),
                rs.getString("city"), rs.getString("departement"), OrganisationStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "review_requested_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Organisation load(long id) {
        return organisations.findById(id).orElseThrow(() -> new OrganisationNotFoundException("#" + id));
    }

    private void apply(OrganisationData d, Organisation o) {
        o.name = d.name().trim();
        o.nameKey = truncate(Slugs.fold(o.name), 200);
        o.acronym = blankToNull(d.acronym());
        o.structureType = d.structureType();
        o.college = d.college();
        o.siret = blankToNull(d.siret());
        o.rna = blankToNull(d.rna()) == null ? null : d.rna().trim().toUpperCase(Locale.ROOT);
        o.addressLine = blankToNull(d.addressLine());
        o.postalCode = blankToNull(d.postalCode());
        o.city = blankToNull(d.city());
        o.departement = reference.departementForPostalCode(o.postalCode).orElse(null);
        o.region = o.departement == null ? null : reference.regionOfDepartement(o.departement).orElse(null);
        o.website = blankToNull(d.website());
        o.publicEmail = blankToNull(d.publicEmail());
        o.showEmail = d.showEmail() && o.publicEmail != null;
        o.phone = blankToNull(d.phone());
        o.showPhone = d.showPhone() && o.phone != null;
        o.logoKey = blankToNull(d.logoKey());
        o.description = blankToNull(d.description());
        o.themes.clear();
        o.themes.addAll(d.themes());
        o.countries.clear();
        for (CountryEntry c : d.countries()) {
            o.countries.add(new CountryPlace(c.code().toUpperCase(Locale.ROOT), blankToNull(c.place())));
        }
        o.sdgs.clear();
        d.sdgs().forEach(s -> o.sdgs.add(s.shortValue()));
        o.keywords.clear();
        o.keywords.addAll(d.keywords());
        o.yearFounded = d.yearFounded();
        o.volunteers = d.volunteers();
        o.employees = d.employees();
        o.member = d.member();
    }

    private static EditableOrganisation editable(Organisation o) {
        OrganisationData data = new OrganisationData(o.name, o.acronym, o.structureType, o.college, o.siret, o.rna,
                o.addressLine, o.postalCode, o.city, o.website, o.publicEmail, o.showEmail, o.phone, o.showPhone, o.logoKey,
                o.description, List.copyOf(o.themes),
                o.countries.stream().map(c -> new CountryEntry(c.getCountryCode(), c.getPlace())).toList(),
                o.sdgs.stream().map(Short::intValue).sorted().toList(), List.copyOf(o.keywords),
                o.yearFounded, o.volunteers, o.employees, o.member);
        return new EditableOrganisation(o.id, o.slug, o.status, o.version, data, o.departement, o.region, o.moderationMessage,
                o.createdAt, o.updatedAt, o.publishedAt, o.reviewRequestedAt, o.mergedIntoId);
    }

    private String uniqueSlug(String name) {
        String base = Slugs.slug(name);
        String slug = base;
        for (int i = 2; organisations.existsBySlug(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private void addMember(long organisationId, long personId, MemberRole role, Contact contact) {
        jdbc.sql("""
                insert into organisation_member (organisation_id, person_id, role, email, display_name, locale) values (?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, person_id) do update
                  set role = case when excluded.role = 'ADMIN' then 'ADMIN' else organisation_member.role end,
                      email = excluded.email, display_name = excluded.display_name, locale = excluded.locale""")
                .params(organisationId, personId, role.name(), contact.email(), contact.name(),
                        contact.locale() == null ? "fr" : contact.locale().toLanguageTag())
                .update();
    }

    private void revision(Organisation o, String kind, String summary, CurrentPerson actor) {
        jdbc.sql("insert into organisation_revision (organisation_id, actor_id, actor_name, kind, summary, snapshot) values (?, ?, ?, ?, ?, cast(? as jsonb))")
                .params(o.id, actor == null ? null : actor.personId(), actor == null ? null : truncate(actor.displayName(), 200),
                        kind, summary, Snapshots.json(o))
                .update();
    }

    private static Contact contactOf(CurrentPerson p) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Contact(p.email(), p.displayName(), "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH);
    }

    private static void requireSignedIn(CurrentPerson p) {
        if (p == null) {
            throw new AccessDeniedException("Connectez-vous");
        }
    }

    private static void requireStaff(CurrentPerson p) {
        if (p == null || !p.isStaff()) {
            throw new AccessDeniedException("Réservé à l'équipe du réseau");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
