package fr.maillage.projects;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.maillage.projects.IatiOrganisations.Match;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Runs an import: reads the file again, one activity at a time, maps each one, and writes them
 * by batches of {@link IatiProperties#batchSize()} activities, each batch in one transaction with
 * the import's counters and report (so the progress shown is exactly what is in the database).
 * Every activity is atomic: when a batch fails, its transaction is rolled back and its
 * activities are written again one per transaction, so a failure leaves no half-imported
 * activity and only the failing one is reported. A run stopped by a restart resumes after the
 * last committed batch.
 */
@Component
class IatiImportRun {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IatiImportRun.class);

    private final IatiMapper mapper;
    private final IatiOrganisations organisations;
    private final Projects projects;
    private final ProjectRepository repository;
    private final IatiProjectWriter writer;
    private final IatiImportStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final IatiProperties properties;
    private final ProjectValidator validator;
    private final TransactionTemplate tx;

    IatiImportRun(IatiMapper mapper, IatiOrganisations organisations, Projects projects, ProjectRepository repository,
                  IatiProjectWriter writer, IatiImportStore store, JdbcClient jdbc, ApplicationEventPublisher events,
                  IatiProperties properties, ProjectValidator validator, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.organisations = organisations;
        this.projects = projects;
        this.repository = repository;
        this.writer = writer;
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.validator = validator;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Runs (or resumes) the import described by {@code row}; returns its final report. The
     * file is read and mapped on this thread while another one writes the previous batch to the
     * database (at most two batches wait: memory stays bounded), so that reading and writing
     * overlap on two cores.
     */
    IatiReport run(IatiImportStore.Row row, Path file, CurrentPerson person) throws IOException, SAXException {
        ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "iati-writer-" + row.id());
            t.setDaemon(true);
            return t;
        });
        try {
            Runner runner = new Runner(row, person, writerThread);
            XMLReader parser = IatiXml.secureReader();
            parser.setContentHandler(new IatiActivityReader(runner::accept));
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                InputSource source = new InputSource(in);
                source.setSystemId(file.toUri().toString());
                parser.parse(source);
            }
            runner.flush();
            runner.awaitWrites(0);
            log.info("Import IATI {} : la lecture a attendu l'écriture en base {} ms", row.id(), runner.waitedForWriter / 1_000_000);
            return runner.report();
        } finally {
            writerThread.shutdownNow();
        }
    }

    /** One activity to write, with what was decided about it before the database is asked. */
    private record Work(int index, String example, IatiMapper.Mapped mapped, Long lead) {
    }

    /** The outcome of a batch, applied to the counters once its transaction committed. */
    private static final class Tally {
        int created;
        int updated;
        int skipped;
    }

    private final class Runner {

        final IatiImportStore.Row row;
        final CurrentPerson person;
        final IatiOrganisations.Matcher matcher = organisations.matcher();
        final IatiSeenIdentifiers seen = new IatiSeenIdentifiers();
        final IatiNotes skippedNotes = new IatiNotes("projects.iati.skip.");
        final IatiNotes warningNotes = new IatiNotes("projects.iati.warning.");
        final List<IatiReport.Failure> failures = new ArrayList<>();
        int failureCount;
        final List<IatiReport.ProjectLine> lines = new ArrayList<>();
        final Map<Long, Boolean> editable = new HashMap<>();
        final int resumeAfter;
        final List<Work> batch = new ArrayList<>();
        final ExecutorService writerThread;
        final java.util.ArrayDeque<Future<?>> writes = new java.util.ArrayDeque<>();
        /** Time the reading thread waited for the writing one (the database): which of the two sets the pace. */
        long waitedForWriter;
        IatiReport saved;

        Runner(IatiImportStore.Row row, CurrentPerson person, ExecutorService writerThread) {
            this.row = row;
            this.person = person;
            this.writerThread = writerThread;
            this.resumeAfter = row.done();
            this.saved = row.report() == null || row.done() == 0 ? IatiReport.empty() : row.report();
            restore();
        }

        /** The notes, failures and projects as last committed. */
        private void restore() {
            skippedNotes.clear();
            warningNotes.clear();
            skippedNotes.load(saved.skipped());
            warningNotes.load(saved.warnings());
            failures.clear();
            failures.addAll(saved.failures());
            failureCount = saved.failureCount();
            lines.clear();
            lines.addAll(saved.projects());
        }

        void accept(IatiActivityReader.Activity activity) {
            if (activity.index() <= resumeAfter) {
                if (activity.node() != null && activity.node().child("iati-identifier") != null) {
                    seen.add(activity.node().child("iati-identifier").text());
                }
                return;
            }
            String example = "#" + activity.index();
            if (activity.tooLarge()) {
                batch.add(new Work(activity.index(), example, null, null));
            } else {
                IatiNode a = activity.node();
                IatiNode rep = a.child("reporting-org");
                Match repMatch = rep == null ? Match.NONE : matcher.match(rep.attrValue("ref"), rep.narrative("fr", null));
                Long lead = row.organisationId() != null ? row.organisationId() : repMatch.linked() ? repMatch.organisationId() : null;
                IatiMapper.Mapped m = mapper.map(a, lead, matcher, row.locale());
                if (m.identifier() != null) {
                    example = m.identifier();
                }
                if (!m.skipped() && !seen.add(m.identifier())) {
                    m = new IatiMapper.Mapped(m.identifier(), m.reporting(), m.participating(), null, false, m.warnings(), IatiMapper.Note.of("duplicate"));
                } else if (!m.skipped() && lead == null) {
                    m = new IatiMapper.Mapped(m.identifier(), m.reporting(), m.participating(), null, false, m.warnings(),
                            IatiMapper.Note.of("no-structure", blank(m.reporting() == null ? null : m.reporting().ref()),
                                    blank(m.reporting() == null ? null : m.reporting().name())));
                }
                batch.add(new Work(activity.index(), example, m, lead));
            }
            if (batch.size() >= properties.batchSize()) {
                flush();
            }
        }

        /** Hands the batch to the writer thread (waiting while two batches are already waiting). */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Work> works = List.copyOf(batch);
            batch.clear();
            awaitWrites(1);
            writes.add(writerThread.submit(() -> write(works)));
        }

        /** Waits until at most {@code pending} batches are still being written; a writer's failure stops the run. */
        void awaitWrites(int pending) {
            long start = System.nanoTime();
            try {
                waitWrites(pending);
            } finally {
                waitedForWriter += System.nanoTime() - start;
            }
        }

        private void waitWrites(int pending) {
            while (writes.size() > pending) {
                try {
                    writes.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("IATI import interrupted", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }

        /** Writes a batch, each activity atomic: the batch in one transaction, else (after a failure) one by one. */
        private void write(List<Work> works) {
            try {
                tx.executeWithoutResult(status -> writeBatch(works));
            } catch (RuntimeException e) {
                // the batch's transaction rolled back: again, one activity per transaction, to keep all the others
                restore();
                for (Work w : works) {
                    try {
                        tx.executeWithoutResult(status -> writeBatch(List.of(w)));
                    } catch (RuntimeException single) {
                        restore();
                        tx.executeWithoutResult(status -> fail(w, single));
                    }
                }
            }
        }

        /**
         * Writes a batch and its counters in the current transaction. The commit does not wait
         * for the disk (synchronous_commit off, for this transaction only): should the database
         * server itself crash, the last batches committed (a fraction of a second) could be lost,
         * whole and together with the counters that count them, and the resumed run writes them
         * again; an activity is never half there.
         */
        private void writeBatch(List<Work> works) {
            jdbc.sql("set local synchronous_commit = off").update();
            Map<String, long[]> existing = new HashMap<>();
            String[] ids = works.stream().filter(w -> w.mapped() != null && !w.mapped().skipped())
                    .map(w -> w.mapped().identifier()).toArray(String[]::new);
            if (ids.length > 0) {
                jdbc.sql("select iati_identifier, id, organisation_id from project where iati_identifier = any(:ids)").param("ids", ids)
                        .query(rs -> {
                            existing.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                        });
            }
            Tally tally = new Tally();
            List<IatiProjectWriter.NewProject> news = new ArrayList<>();
            List<Work> newWorks = new ArrayList<>();
            for (Work w : works) {
                if (w.mapped() == null) {
                    skip(tally, IatiMapper.Note.of("too-large", IatiActivityReader.MAX_NODES), w.example());
                    continue;
                }
                IatiMapper.Mapped m = w.mapped();
                if (m.skipped()) {
                    skip(tally, m.skip(), w.example());
                    continue;
                }
                long[] found = existing.get(m.identifier());
                if (found == null) {
                    news.add(new IatiProjectWriter.NewProject(m.data(), w.lead(), m.identifier()));
                    newWorks.add(w);
                } else if (row.mode() == IatiImportMode.ADD_ONLY) {
                    skip(tally, IatiMapper.Note.of("exists"), w.example());
                } else if (!editable.computeIfAbsent(found[1], o -> projects.canEditOrganisation(o, person))) {
                    skip(tally, IatiMapper.Note.of("other-structure"), w.example());
                } else if (update(found[0], m)) {
                    tally.updated++;
                    warnings(m, w.example());
                } else {
                    skip(tally, IatiMapper.Note.of("unchanged"), w.example());
                }
            }
            List<IatiProjectWriter.Created> created = writer.insert(news, row.publish(), row.createdBy());
            for (int i = 0; i < created.size(); i++) {
                IatiProjectWriter.Created c = created.get(i);
                tally.created++;
                warnings(newWorks.get(i).mapped(), newWorks.get(i).example());
                if (lines.size() < IatiReport.MAX_PROJECTS) {
                    lines.add(new IatiReport.ProjectLine(c.id(), c.slug(), c.title(), true));
                }
                events.publishEvent(new ProjectChanged(c.id(), c.organisationId(), false));
            }
            repository.flush();
            IatiReport report = report();
            store.progress(row.id(), works.get(works.size() - 1).index(), tally.created, tally.updated, tally.skipped, 0, report);
            saved = report;
        }

        /** Updates an existing project from the file; false when nothing changes. */
        private boolean update(long projectId, IatiMapper.Mapped m) {
            Project p = projects.load(projectId);
            ProjectData old = Projects.data(p);
            ProjectData merged = merge(old, m);
            if (normal(old).equals(normal(merged))) {
                return false;
            }
            validator.check(merged);
            Projects.apply(merged, p);
            p.updatedAt = Instant.now();
            repository.save(p);
            if (lines.size() < IatiReport.MAX_PROJECTS) {
                lines.add(new IatiReport.ProjectLine(p.id, p.slug, p.title, false));
            }
            events.publishEvent(new ProjectChanged(p.id, p.organisationId, false));
            return true;
        }

        private void skip(Tally tally, IatiMapper.Note note, String example) {
            tally.skipped++;
            skippedNotes.add(note, example);
        }

        private void warnings(IatiMapper.Mapped m, String example) {
            for (IatiMapper.Note w : m.warnings()) {
                warningNotes.add(w, example);
            }
        }

        private void fail(Work w, RuntimeException e) {
            failureCount++;
            if (failures.size() < IatiReport.MAX_FAILURES) {
                String message = String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                failures.add(new IatiReport.Failure(w.mapped() == null ? null : w.mapped().identifier(), w.index(),
                        message.length() > 300 ? message.substring(0, 300) + "…" : message));
            }
            IatiReport report = report();
            store.progress(row.id(), w.index(), 0, 0, 0, 1, report);
            saved = report;
        }

        IatiReport report() {
            return new IatiReport(skippedNotes.counts(), warningNotes.counts(), failures, failureCount, lines);
        }
    }

    /**
     * What an update writes: what IATI carries comes from the file; what it does not carry is
     * kept (summary, lessons learned, themes when the file gives none, uploaded files).
     */
    static ProjectData merge(ProjectData old, IatiMapper.Mapped m) {
        ProjectData d = m.data();
        List<ProjectData.Link> links = new ArrayList<>();
        old.links().stream().filter(l -> l.fileKey() != null && !l.fileKey().isBlank()).forEach(links::add);
        links.addAll(d.links());
        return new ProjectData(d.title(), m.explicitSummary() || old.summary() == null ? d.summary() : old.summary(), d.description(),
                d.activityStatus(), d.plannedStart(), d.plannedEnd(), d.actualStart(), d.actualEnd(), d.places(),
                d.themes().isEmpty() ? old.themes() : d.themes(), d.sdgs(), d.sectors(), d.partners(), d.fundings(), d.budgetCurrency(),
                links, d.lessonsWorked() != null ? d.lessonsWorked() : old.lessonsWorked(),
                d.lessonsFailed() != null ? d.lessonsFailed() : old.lessonsFailed(),
                d.lessonsAdvice() != null ? d.lessonsAdvice() : old.lessonsAdvice());
    }

    /** A project's content as stored (the entity's normalisation, amounts without trailing zeros), to compare two versions. */
    static ProjectData normal(ProjectData d) {
        Project p = new Project(0, d.title().strip());
        Projects.apply(d, p);
        ProjectData n = Projects.data(p);
        return new ProjectData(n.title(), n.summary(), n.description(), n.activityStatus(), n.plannedStart(), n.plannedEnd(),
                n.actualStart(), n.actualEnd(), n.places(), n.themes().stream().sorted().toList(), n.sdgs().stream().sorted().toList(),
                n.sectors().stream().map(s -> new ProjectData.Sector(s.vocabulary(), s.code(), strip(s.percentage()))).toList(),
                n.partners(),
                n.fundings().stream().map(f -> new ProjectData.Funding(f.funderKind(), f.funderName(), f.organisationId(), strip(f.amount()),
                        f.currency(), f.year())).toList(),
                n.budgetCurrency(), n.links(), n.lessonsWorked(), n.lessonsFailed(), n.lessonsAdvice());
    }

    private static BigDecimal strip(BigDecimal b) {
        return b == null ? null : b.stripTrailingZeros();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    static Locale locale(IatiImportStore.Row row) {
        return row.locale() == null ? Locale.FRENCH : row.locale();
    }
}
