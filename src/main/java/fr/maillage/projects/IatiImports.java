package fr.maillage.projects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import fr.maillage.directory.Directory;
import fr.maillage.directory.MemberRole;
import fr.maillage.directory.MyStructure;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.security.CurrentPerson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * IATI imports, from the upload to the report. A file is received to disk
 * ({@link #newUpload()}, {@link #accept}), analysed in the background (schema validation with
 * line numbers, then a preview), and, once its uploader chose to add only or to add and update
 * (and, after schema errors, explicitly chose the lenient mode), imported in the background. The
 * state lives in the {@code iati_import} table: the page that shows an import survives a reload,
 * and an analysis or a run cut by a restart resumes. The uploader gets an e-mail when the import
 * ends.
 *
 * <p>Who may import: staff, for any structure or letting each activity's reporting organisation
 * decide; the admins and editors of a structure, into that structure (and they update only the
 * projects of structures they edit).
 *
 * <p>The uploaded file stays on this node's disk ({@link IatiProperties#uploadDir()}) until the
 * import is done; with several nodes, that folder must be shared, or uploads kept on one node.
 */
@Service
public class IatiImports {

    private static final Logger log = LoggerFactory.getLogger(IatiImports.class);

    private final IatiImportStore store;
    private final IatiAnalyser analyser;
    private final IatiImportRun runner;
    private final Directory directory;
    private final Projects projects;
    private final Mailer mailer;
    private final MessageSource messages;
    private final MaillageProperties maillage;
    private final IatiProperties properties;
    private final Path folder;
    private final ExecutorService workers;

    IatiImports(IatiImportStore store, IatiAnalyser analyser, IatiImportRun runner, Directory directory, Projects projects, Mailer mailer,
                MessageSource messages, MaillageProperties maillage, IatiProperties properties) {
        this.store = store;
        this.analyser = analyser;
        this.runner = runner;
        this.directory = directory;
        this.projects = projects;
        this.mailer = mailer;
        this.messages = messages;
        this.maillage = maillage;
        this.properties = properties;
        String dir = properties.uploadDir() == null || properties.uploadDir().isBlank()
                ? Path.of(maillage.dataDir() == null ? "./data" : maillage.dataDir(), "iati-imports").toString()
                : properties.uploadDir();
        this.folder = Path.of(dir).toAbsolutePath().normalize();
        AtomicInteger n = new AtomicInteger();
        // two workers: a long run does not keep the next file waiting for its analysis
        this.workers = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "iati-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    public IatiProperties properties() {
        return properties;
    }

    // ------------------------------------------------------------------ who may import where

    /** Staff, or an admin or editor of at least one live structure. */
    public boolean mayImport(CurrentPerson me) {
        return me != null && (me.isStaff() || !targets(me).isEmpty());
    }

    /** The structures a person may import into (their own, as admin or editor). */
    public List<OrganisationRef> targets(CurrentPerson me) {
        if (me == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (MyStructure s : directory.structuresOf(me.personId())) {
            if ((s.role() == MemberRole.ADMIN || s.role() == MemberRole.EDITOR)
                    && s.status() != OrganisationStatus.MERGED && s.status() != OrganisationStatus.REFUSED) {
                ids.add(s.id());
            }
        }
        return new ArrayList<>(directory.refs(ids).values());
    }

    // ------------------------------------------------------------------ upload

    /** A new file to receive, on disk, limited to {@link IatiProperties#maxUpload()}. */
    public IatiUpload newUpload() {
        try {
            Files.createDirectories(folder);
            return new IatiUpload(folder.resolve("upload-" + UUID.randomUUID() + ".part"), properties.maxUpload().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Dossier des imports IATI inaccessible : " + folder, e);
        }
    }

    /**
     * Takes a received file: checks who imports where, records the import and starts its
     * analysis. {@code organisationId} null: each activity's reporting organisation decides
     * (staff only). Returns the import's id.
     */
    public long accept(IatiUpload upload, String fileName, Long organisationId, CurrentPerson me, Locale locale) {
        if (me == null) {
            throw new AccessDeniedException("Sign in to import");
        }
        if (organisationId == null ? !me.isStaff() : !projects.canEditOrganisation(organisationId, me)) {
            throw new IatiUploadException("structure");
        }
        if (organisationId != null) {
            OrganisationRef target = directory.ref(organisationId).orElseThrow(() -> new IatiUploadException("structure"));
            if (target.status() == OrganisationStatus.MERGED || target.status() == OrganisationStatus.REFUSED) {
                throw new IatiUploadException("structure");
            }
        }
        try {
            upload.output().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (upload.size() == 0) {
            throw new IatiUploadException("empty");
        }
        String name = fileName == null || fileName.isBlank() ? "fichier.xml" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        long id = store.insert(me.personId(), me.displayName(), me.email(), locale == null ? Locale.FRENCH : locale, me.isStaff(),
                organisationId, name, upload.size());
        Path target = folder.resolve("import-" + id + ".xml");
        try {
            Files.move(upload.file(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            store.delete(id);
            throw new UncheckedIOException(e);
        }
        upload.accepted();
        store.filePath(id, target.toString());
        workers.submit(() -> analyse(id));
        return id;
    }

    // ------------------------------------------------------------------ reading

    /** An import, for its uploader or staff. */
    public Optional<IatiImportView> find(long id, CurrentPerson me) {
        return store.find(id).filter(r -> allowed(r, me)).map(this::view);
    }

    /** The latest imports of a person (every one's for staff). */
    public List<IatiImportView> latest(CurrentPerson me, int limit) {
        if (me == null) {
            return List.of();
        }
        return store.latest(me.isStaff() ? null : me.personId(), limit).stream().map(this::view).toList();
    }

    private static boolean allowed(IatiImportStore.Row r, CurrentPerson me) {
        return me != null && (me.isStaff() || me.personId() == r.createdBy());
    }

    private IatiImportView view(IatiImportStore.Row r) {
        OrganisationRef target = r.organisationId() == null ? null : directory.ref(r.organisationId()).orElse(null);
        return new IatiImportView(r.id(), r.createdBy(), r.createdByName(), r.staff(), r.organisationId(),
                target == null ? null : target.slug(), target == null ? null : target.displayName(), r.fileName(), r.fileSize(),
                r.filePath() != null, r.status(), r.lenient(), r.mode(), r.publish(), r.activities(), r.done(), r.created(), r.updated(),
                r.skipped(), r.failed(), r.analysis(), r.report(), r.errorKey(), r.errorDetail(), r.createdAt(), r.analysedAt(),
                r.startedAt(), r.finishedAt(), r.stalled());
    }

    // ------------------------------------------------------------------ choices

    /**
     * The uploader (or staff) chooses how to import; the run starts in the background. After
     * schema errors the import runs only in lenient mode ({@code lenient}), with warnings.
     */
    public void start(long id, IatiImportMode mode, boolean publish, boolean lenient, CurrentPerson me) {
        IatiImportStore.Row r = store.find(id).filter(x -> allowed(x, me)).orElseThrow(() -> new ProjectNotFoundException("import #" + id));
        if (r.filePath() == null || !Files.isRegularFile(Path.of(r.filePath()))) {
            throw new ProjectException(null, "projects.iati.error.file-gone");
        }
        if (r.status() == IatiImportStatus.INVALID && !lenient) {
            throw new ProjectException(null, "projects.iati.error.lenient-required");
        }
        if (!store.queue(id, mode == null ? IatiImportMode.ADD_ONLY : mode, publish, r.status() == IatiImportStatus.INVALID && lenient)) {
            throw new ProjectException(null, "projects.iati.error.not-ready");
        }
        workers.submit(() -> run(id));
    }

    /** Takes up an analysis or a run that stopped (a restart, an error): the run goes on after what it committed. */
    public void resume(long id, CurrentPerson me) {
        IatiImportStore.Row r = store.find(id).filter(x -> allowed(x, me)).orElseThrow(() -> new ProjectNotFoundException("import #" + id));
        if (!resumeRow(r)) {
            throw new ProjectException(null, "projects.iati.error.not-resumable");
        }
    }

    /** Forgets an import that is not running (its file is deleted; projects already imported stay). */
    public void discard(long id, CurrentPerson me) {
        IatiImportStore.Row r = store.find(id).filter(x -> allowed(x, me)).orElseThrow(() -> new ProjectNotFoundException("import #" + id));
        if (r.status().busy() && !r.stalled()) {
            throw new ProjectException(null, "projects.iati.error.busy");
        }
        deleteFile(r);
        store.delete(id);
    }

    private boolean resumeRow(IatiImportStore.Row r) {
        if (r.filePath() == null || !Files.isRegularFile(Path.of(r.filePath()))) {
            return false;
        }
        if (r.status() == IatiImportStatus.ANALYSING && r.stalled()) {
            if (store.reclaimAnalysis(r.id())) {
                workers.submit(() -> analyse(r.id()));
                return true;
            }
            return false;
        }
        if (r.status() == IatiImportStatus.FAILED || (r.status() == IatiImportStatus.RUNNING || r.status() == IatiImportStatus.QUEUED) && r.stalled()) {
            if (store.requeue(r.id())) {
                workers.submit(() -> run(r.id()));
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ background work

    void analyse(long id) {
        IatiImportStore.Row r = store.find(id).orElse(null);
        if (r == null || r.filePath() == null) {
            return;
        }
        try {
            long start = System.nanoTime();
            IatiAnalyser.Outcome o = analyser.analyse(Path.of(r.filePath()), r.organisationId(), person(r), r.locale(), id, () -> store.heartbeat(id));
            store.analysed(id, o.status(), o.analysis(), o.errorKey(), o.errorDetail());
            log.info("Import IATI {} : fichier de {} octets analysé en {} ms ({}, {} activités)", id, r.fileSize(),
                    (System.nanoTime() - start) / 1_000_000, o.status(), o.analysis() == null ? 0 : o.analysis().activities());
            if (o.status() == IatiImportStatus.UNREADABLE) {
                deleteFile(r);
            }
        } catch (Exception e) {
            log.error("Analyse de l'import IATI {} impossible", id, e);
            store.analysed(id, IatiImportStatus.UNREADABLE, null, "internal", e.getMessage());
        }
    }

    void run(long id) {
        if (!store.toRunning(id)) {
            return;
        }
        IatiImportStore.Row r = store.find(id).orElseThrow();
        store.started(id);
        try {
            long start = System.nanoTime();
            IatiReport report = runner.run(r, Path.of(r.filePath()), person(r));
            store.finished(id, IatiImportStatus.DONE, report, null, null);
            log.info("Import IATI {} : {} activités traitées en {} ms", id, r.activities(), (System.nanoTime() - start) / 1_000_000);
            deleteFile(r);
        } catch (Exception e) {
            log.error("Import IATI {} arrêté", id, e);
            store.finished(id, IatiImportStatus.FAILED, null, "run-failed", e.getMessage());
        }
        store.find(id).ifPresent(this::tell);
    }

    /** The uploader is told by e-mail that the import ended, with its figures and its page. */
    private void tell(IatiImportStore.Row r) {
        if (r.createdByEmail() == null || r.createdByEmail().isBlank()) {
            return;
        }
        Locale locale = r.locale();
        String link = (maillage.baseUrl() == null ? "" : maillage.baseUrl().replaceAll("/+$", "")) + "/projets/iati/import/" + r.id();
        boolean done = r.status() == IatiImportStatus.DONE;
        String subject = messages.getMessage(done ? "projects.iati.mail.done.subject" : "projects.iati.mail.failed.subject",
                new Object[] {r.fileName()}, locale);
        String text = messages.getMessage(done ? "projects.iati.mail.done.text" : "projects.iati.mail.failed.text",
                new Object[] {r.fileName(), r.created(), r.updated(), r.skipped(), r.failed(), link}, locale);
        try {
            mailer.queue(new OutgoingMail(r.createdByEmail(), subject, text, null, "iati"));
        } catch (RuntimeException e) {
            log.warn("Courriel de fin d'import IATI {} non mis en file", r.id(), e);
        }
    }

    /** Imports cut by a restart of this node go on. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeStalled() {
        for (IatiImportStore.Row r : store.stalled()) {
            try {
                resumeRow(r);
            } catch (RuntimeException e) {
                log.warn("Import IATI {} non repris", r.id(), e);
            }
        }
    }

    /** Files of imports analysed but never run are deleted after {@link IatiProperties#keepUploads()}. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    void cleanUp() {
        for (IatiImportStore.Row r : store.abandoned(properties.keepUploads())) {
            deleteFile(r);
        }
    }

    private void deleteFile(IatiImportStore.Row r) {
        if (r.filePath() == null) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(r.filePath()));
            store.forgetFile(r.id());
        } catch (IOException e) {
            log.warn("Fichier d'import IATI {} non supprimé", r.filePath(), e);
        }
    }

    /** The uploader, as the background work acts for them. */
    private static CurrentPerson person(IatiImportStore.Row r) {
        return new CurrentPerson() {
            @Override
            public long personId() {
                return r.createdBy();
            }

            @Override
            public String email() {
                return r.createdByEmail();
            }

            @Override
            public String displayName() {
                return r.createdByName();
            }

            @Override
            public boolean isStaff() {
                return r.staff();
            }

            @Override
            public boolean isAdmin() {
                return false;
            }
        };
    }
}
