package fr.maillage.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.files.FileCleanup;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of projects: a structure's editors create, edit, publish and delete its
 * projects; staff see everything, hide a published project with a message, restore it, and
 * mark exemplary projects. Every change publishes a {@link ProjectChanged}.
 */
@Service
@Transactional(readOnly = true)
public class Projects {

    private final ProjectRepository projects;
    private final ProjectValidator validator;
    private final Directory directory;
    private final StaffActions staffActions;
    private final ApplicationEventPublisher events;
    private final ProjectMails mails;
    private final FileCleanup files;

    Projects(ProjectRepository projects, ProjectValidator validator, Directory directory, StaffActions staffActions,
             ApplicationEventPublisher events, ProjectMails mails, FileCleanup files) {
        this.files = files;
        this.projects = projects;
        this.validator = validator;
        this.directory = directory;
        this.staffActions = staffActions;
        this.events = events;
        this.mails = mails;
    }

    // ------------------------------------------------------------------ reading

    public Optional<ProjectDetails> find(String slug) {
        return projects.findBySlug(slug).map(this::details);
    }

    public Optional<ProjectDetails> find(long id) {
        return projects.findById(id).map(this::details);
    }

    /** Whether {@code me} (possibly null) may read the project: published, or one of its editors, or staff. */
    public boolean canView(ProjectDetails p, CurrentPerson me) {
        return p.isPublished() || canEditOrganisation(p.organisationId(), me);
    }

    /** Staff, and the admins and editors of the lead structure. */
    public boolean canEdit(long projectId, CurrentPerson me) {
        return projects.findById(projectId).map(p -> canEditOrganisation(p.organisationId, me)).orElse(false);
    }

    public boolean canEditOrganisation(long organisationId, CurrentPerson me) {
        return me != null && directory.canEdit(organisationId, me);
    }

    /** The projects of a structure, latest first; drafts and hidden ones only when asked. */
    public List<ProjectDetails> ofOrganisation(long organisationId, boolean includeUnpublished) {
        return projects.findByOrganisationIdOrderByUpdatedAtDesc(organisationId).stream()
                .filter(p -> includeUnpublished || p.isPublished())
                .map(this::details).toList();
    }

    // ------------------------------------------------------------------ writing

    /** Creates a project for a structure, as a draft or published; returns its id. */
    @Transactional
    public long create(long organisationId, ProjectData data, boolean publish, CurrentPerson by) {
        OrganisationRef org = directory.ref(organisationId).orElseThrow(() -> new AccessDeniedException("No structure " + organisationId));
        if (!canEditOrganisation(organisationId, by)) {
            throw new AccessDeniedException("Not an editor of " + organisationId);
        }
        if (org.status() == OrganisationStatus.MERGED || org.status() == OrganisationStatus.REFUSED) {
            throw new ProjectException(null, "projects.error.organisation-closed");
        }
        validator.check(data);
        Project p = new Project(organisationId, data.title().strip());
        apply(data, p);
        p.slug = uniqueSlug(p.title);
        p.createdBy = by.personId();
        if (publish) {
            p.publication = Publication.PUBLISHED;
            p.publishedAt = p.createdAt;
        }
        projects.saveAndFlush(p);
        changed(p);
        return p.id;
    }

    /**
     * Changes a project. Fails with {@code projects.error.concurrent} when someone saved it since
     * {@code version} was read.
     */
    @Transactional
    public void update(long id, int version, ProjectData data, CurrentPerson by) {
        Project p = loadForEdit(id, by);
        if (p.version != version) {
            throw new ProjectException(null, "projects.error.concurrent");
        }
        validator.check(data);
        List<String> filesBefore = fileKeys(p);
        apply(data, p);
        files.removed(filesBefore, fileKeys(p));
        p.updatedAt = Instant.now();
        projects.saveAndFlush(p);
        changed(p);
    }

    /**
     * The edit form's save: changes the project and, in the same transaction, publishes it
     * ({@code publish}) or takes it back to draft. A project hidden by staff stays hidden.
     */
    @Transactional
    public void update(long id, int version, ProjectData data, boolean publish, CurrentPerson by) {
        update(id, version, data, by);
        Publication now = load(id).publication;
        if (publish && now == Publication.DRAFT) {
            publish(id, by);
        } else if (!publish && now == Publication.PUBLISHED) {
            unpublish(id, by);
        }
    }

    /** Publishes a draft (a project hidden by staff stays hidden until staff restore it). */
    @Transactional
    public void publish(long id, CurrentPerson by) {
        Project p = loadForEdit(id, by);
        if (p.publication == Publication.HIDDEN && !by.isStaff()) {
            throw new ProjectException(null, "projects.error.hidden");
        }
        p.publication = Publication.PUBLISHED;
        p.moderationMessage = null;
        if (p.publishedAt == null) {
            p.publishedAt = Instant.now();
        }
        p.updatedAt = Instant.now();
        changed(p);
    }

    /** Takes a published project back to draft. */
    @Transactional
    public void unpublish(long id, CurrentPerson by) {
        Project p = loadForEdit(id, by);
        if (p.publication == Publication.PUBLISHED) {
            p.publication = Publication.DRAFT;
            p.updatedAt = Instant.now();
            changed(p);
        }
    }

    @Transactional
    public void delete(long id, CurrentPerson by) {
        Project p = loadForEdit(id, by);
        long org = p.organisationId;
        files.deleteAfterCommit(fileKeys(p));
        projects.delete(p);
        projects.flush();
        if (by.isStaff()) {
            staffActions.record(by, "projects.delete", "project", id, p.title);
        }
        events.publishEvent(new ProjectChanged(id, org, true));
    }

    // ------------------------------------------------------------------ staff

    /** Staff hide a project from the public, with a message its editors read (and receive by e-mail). */
    @Transactional
    public void hide(long id, String message, CurrentPerson staff) {
        requireStaff(staff);
        Project p = load(id);
        p.publication = Publication.HIDDEN;
        p.moderationMessage = message == null || message.isBlank() ? null : message.strip();
        p.updatedAt = Instant.now();
        staffActions.record(staff, "projects.hide", "project", id, p.title);
        mails.hidden(p.organisationId, p.title, p.slug, p.moderationMessage);
        changed(p);
    }

    /** Staff publish again a hidden project. */
    @Transactional
    public void restore(long id, CurrentPerson staff) {
        requireStaff(staff);
        Project p = load(id);
        p.publication = Publication.PUBLISHED;
        p.moderationMessage = null;
        if (p.publishedAt == null) {
            p.publishedAt = Instant.now();
        }
        p.updatedAt = Instant.now();
        staffActions.record(staff, "projects.restore", "project", id, p.title);
        mails.restored(p.organisationId, p.title, p.slug);
        changed(p);
    }

    @Transactional
    public void setExemplary(long id, boolean exemplary, CurrentPerson staff) {
        requireStaff(staff);
        Project p = load(id);
        p.exemplary = exemplary;
        staffActions.record(staff, exemplary ? "projects.exemplary" : "projects.not-exemplary", "project", id, p.title);
        changed(p);
    }

    // ------------------------------------------------------------------ internals (also used by the IATI import)

    Project load(long id) {
        return projects.findById(id).orElseThrow(() -> new ProjectNotFoundException("#" + id));
    }

    private Project loadForEdit(long id, CurrentPerson by) {
        Project p = load(id);
        if (!canEditOrganisation(p.organisationId, by)) {
            throw new AccessDeniedException("Not an editor of project " + id);
        }
        return p;
    }

    void changed(Project p) {
        events.publishEvent(new ProjectChanged(p.id, p.organisationId, false));
    }

    /** Writes validated content into the entity (collections replaced). */
    /** The uploaded files a project points at (photos, documents). */
    static List<String> fileKeys(Project p) {
        return p.links.stream().map(l -> l.fileKey).filter(k -> k != null && !k.isBlank()).toList();
    }

    static void apply(ProjectData d, Project p) {
        p.title = d.title().strip();
        p.summary = blankToNull(d.summary());
        p.description = blankToNull(d.description());
        p.activityStatus = d.activityStatus();
        p.plannedStart = d.plannedStart();
        p.plannedEnd = d.plannedEnd();
        p.actualStart = d.actualStart();
        p.actualEnd = d.actualEnd();
        p.lessonsWorked = blankToNull(d.lessonsWorked());
        p.lessonsFailed = blankToNull(d.lessonsFailed());
        p.lessonsAdvice = blankToNull(d.lessonsAdvice());
        p.budgetCurrency = d.budgetCurrency();
        p.places.clear();
        d.places().forEach(pl -> p.places.add(new ProjectPlace(pl.countryCode().strip().toUpperCase(Locale.ROOT),
                blankToNull(pl.place()), pl.latitude(), pl.longitude())));
        p.themes.clear();
        p.themes.addAll(d.themes());
        p.sdgs.clear();
        d.sdgs().forEach(s -> p.sdgs.add(Short.valueOf(s)));
        p.sectors.clear();
        long perVocabulary = 0;
        for (ProjectData.Sector s : d.sectors()) {
            String voc = s.vocabulary() == null || s.vocabulary().isBlank() ? "1" : s.vocabulary();
            perVocabulary = d.sectors().stream().filter(o -> voc.equals(o.vocabulary() == null || o.vocabulary().isBlank() ? "1" : o.vocabulary())).count();
            BigDecimal pct = s.percentage() != null ? s.percentage() : (perVocabulary == 1 ? new BigDecimal("100") : BigDecimal.ZERO);
            p.sectors.add(new ProjectSector(voc, s.code().strip(), pct));
        }
        p.partners.clear();
        d.partners().forEach(pa -> p.partners.add(new ProjectPartner(pa.organisationId(), blankToNull(pa.name()),
                blankToNull(pa.iatiRef()), blankToNull(pa.orgType()),
                pa.countryCode() == null || pa.countryCode().isBlank() ? null : pa.countryCode().strip().toUpperCase(Locale.ROOT),
                pa.role())));
        p.fundings.clear();
        BigDecimal total = BigDecimal.ZERO;
        boolean any = false;
        for (ProjectData.Funding f : d.fundings()) {
            p.fundings.add(new ProjectFunding(f.funderKind(), blankToNull(f.funderName()), f.organisationId(), f.amount(), f.currency(), f.year()));
            if (f.currency().equals(p.budgetCurrency)) {
                total = total.add(f.amount());
                any = true;
            }
        }
        p.totalBudget = any ? total : null;
        p.links.clear();
        d.links().forEach(l -> p.links.add(new ProjectLink(l.kind(), blankToNull(l.title()), blankToNull(l.url()),
                blankToNull(l.fileKey()), blankToNull(l.mediaType()))));
    }

    ProjectDetails details(Project p) {
        OrganisationRef org = directory.ref(p.organisationId).orElse(null);
        return new ProjectDetails(p.id, p.slug, p.organisationId, org == null ? null : org.slug(), org == null ? null : org.displayName(),
                p.iatiIdentifier, data(p), p.publication, p.moderationMessage, p.exemplary, p.source, p.totalBudget,
                p.createdAt, p.updatedAt, p.publishedAt, p.version);
    }

    static ProjectData data(Project p) {
        return new ProjectData(p.title, p.summary, p.description, p.activityStatus, p.plannedStart, p.plannedEnd,
                p.actualStart, p.actualEnd,
                p.places.stream().map(pl -> new ProjectData.Place(pl.countryCode, pl.place, pl.latitude, pl.longitude)).toList(),
                List.copyOf(p.themes),
                p.sdgs.stream().map(String::valueOf).toList(),
                p.sectors.stream().map(s -> new ProjectData.Sector(s.vocabulary, s.code, s.percentage)).toList(),
                p.partners.stream().map(pa -> new ProjectData.Partner(pa.organisationId, pa.name, pa.iatiRef, pa.orgType, pa.countryCode, pa.role)).toList(),
                p.fundings.stream().map(f -> new ProjectData.Funding(f.funderKind, f.funderName, f.organisationId, f.amount, f.currency, f.year)).toList(),
                p.budgetCurrency,
                p.links.stream().map(l -> new ProjectData.Link(l.kind, l.title, l.url, l.fileKey, l.mediaType)).toList(),
                p.lessonsWorked, p.lessonsFailed, p.lessonsAdvice);
    }

    /** Words of {@code /projets/...} addresses that are not projects. */
    static final java.util.Set<String> RESERVED_SLUGS = java.util.Set.of("nouveau", "iati", "carte", "export");

    String uniqueSlug(String title) {
        String base = Slugs.slug(title);
        if (base.isEmpty()) {
            base = "projet";
        }
        if (base.length() > 160) {
            base = base.substring(0, 160).replaceAll("-+$", "");
        }
        if (RESERVED_SLUGS.contains(base)) {
            base = base + "-projet"; // "/projets/nouveau" is the form, "/projets/iati/..." the IATI pages
        }
        String slug = base;
        for (int i = 2; projects.existsBySlug(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private static void requireStaff(CurrentPerson p) {
        if (p == null || !p.isStaff()) {
            throw new AccessDeniedException("Staff only");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
