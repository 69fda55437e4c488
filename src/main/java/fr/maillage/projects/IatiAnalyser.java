package fr.maillage.projects;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.ValidatorHandler;

import fr.maillage.projects.IatiOrganisations.Match;
import fr.maillage.projects.IatiOrganisations.MatchKind;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Analyses an uploaded file in one streaming pass: the SAX parser (no DOCTYPE, no external
 * entity) feeds the schema validator, which feeds the activity reader, so that schema errors
 * (with their line) and the preview (new, updated or skipped activities, organisations) come
 * from the same reading of the file. Before it, a look at the file's first bytes and root
 * element refuses at once what is not an IATI activities file, with a clear reason.
 */
@Component
class IatiAnalyser {

    /** What the analysis concluded: the status, the analysis (null when unreadable), and a reason key with details. */
    record Outcome(IatiImportStatus status, IatiAnalysis analysis, String errorKey, String errorDetail) {
    }

    private static final int LOOKUP_BATCH = 500;
    static final int MAX_PROPOSALS = 100;
    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("^cvc-[\\w.-]+\\s*:\\s*");

    private final IatiMapper mapper;
    private final IatiOrganisations organisations;
    private final Projects projects;
    private final JdbcClient jdbc;

    IatiAnalyser(IatiMapper mapper, IatiOrganisations organisations, Projects projects, JdbcClient jdbc) {
        this.mapper = mapper;
        this.organisations = organisations;
        this.projects = projects;
        this.jdbc = jdbc;
    }

    /**
     * Analyses the file. {@code target}: the structure new projects go to (null: the reporting
     * organisation decides); {@code person}: who imports (what they may update);
     * {@code heartbeat} is called now and then.
     */
    Outcome analyse(Path file, Long target, CurrentPerson person, Locale locale, Long importId, Runnable heartbeat) throws IOException {
        Outcome refused = precheck(file);
        if (refused != null) {
            return refused;
        }
        Preview preview = new Preview(target, person, locale, heartbeat);
        // the parser and the schema validator on this thread, the mapping and the preview on another: two cores at work
        BlockingQueue<IatiActivityReader.Activity> queue = new ArrayBlockingQueue<>(256);
        ExecutorService mapping = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "iati-analysis-" + importId);
            t.setDaemon(true);
            return t;
        });
        Future<?> mapped = mapping.submit(() -> {
            for (IatiActivityReader.Activity a = take(queue); a != END; a = take(queue)) {
                preview.accept(a);
            }
            return null;
        });
        IatiActivityReader reader = new IatiActivityReader(a -> put(queue, a, mapped));
        List<IatiAnalysis.FileError> errors = new ArrayList<>();
        int[] errorCount = {0};
        ValidatorHandler validator = IatiXml.validatorHandler(locale);
        validator.setContentHandler(reader);
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                if (errorCount[0]++ < IatiAnalysis.MAX_ERRORS) {
                    // without the validator's rule number ("cvc-complex-type.4 : "), which tells a reader nothing
                    String message = e.getMessage() == null ? "" : RULE.matcher(e.getMessage()).replaceFirst("");
                    errors.add(new IatiAnalysis.FileError(e.getLineNumber(), e.getColumnNumber(), message));
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        XMLReader parser = IatiXml.secureReader();
        parser.setContentHandler(validator);
        parser.setErrorHandler(validator.getErrorHandler());
        boolean parsed = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputSource source = new InputSource(in);
            source.setSystemId(file.toUri().toString());
            parser.parse(source);
            parsed = true;
        } catch (SAXParseException e) {
            return new Outcome(IatiImportStatus.UNREADABLE, null, isDoctype(e) ? "doctype" : "malformed",
                    e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        } catch (SAXException e) {
            return new Outcome(IatiImportStatus.UNREADABLE, null, "malformed", e.getMessage());
        } finally {
            if (!parsed) {
                queue.clear(); // nothing more to map: the file is refused
            }
            end(queue, mapped);
            if (!parsed) {
                mapping.shutdownNow();
            }
        }
        try {
            mapped.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            mapping.shutdownNow();
        }
        preview.flush();
        if (reader.count() == 0) {
            return new Outcome(IatiImportStatus.UNREADABLE, null, "no-activity", null);
        }
        preview.propose(importId);
        IatiAnalysis analysis = new IatiAnalysis(reader.version(), reader.count(), errors, errorCount[0], preview.fresh, preview.updates,
                preview.skipped.total(), preview.skipped.counts(), preview.warnings.counts(), preview.organisationLines(),
                preview.orgLines.size());
        return new Outcome(errorCount[0] > 0 ? IatiImportStatus.INVALID : IatiImportStatus.READY, analysis, null, null);
    }

    /** The end of the file, for the mapping thread. */
    private static final IatiActivityReader.Activity END = new IatiActivityReader.Activity(null, -1, -1, false);

    /** Tells the mapping thread the file ended (unless it stopped already). */
    private static void end(BlockingQueue<IatiActivityReader.Activity> queue, Future<?> consumer) {
        try {
            while (!consumer.isDone() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                // the mapping thread is busy: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IatiActivityReader.Activity take(BlockingQueue<IatiActivityReader.Activity> queue) throws InterruptedException {
        return queue.take();
    }

    /** Queues an activity for the mapping thread, unless that thread stopped on an error (which then stops the parser). */
    private static void put(BlockingQueue<IatiActivityReader.Activity> queue, IatiActivityReader.Activity a, Future<?> consumer) {
        try {
            while (!queue.offer(a, 100, TimeUnit.MILLISECONDS)) {
                if (consumer != null && consumer.isDone()) {
                    consumer.get();
                    throw new IllegalStateException("IATI analysis: the mapping stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static boolean isDoctype(SAXParseException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("DOCTYPE") || m.contains("disallow-doctype-decl");
    }

    /**
     * Refuses at once an empty file, a compressed or binary one, a file that is not XML, one
     * with a DOCTYPE (a DTD can define entities: "billion laughs" bombs, external entities that
     * read the server's files), and XML of another kind than IATI activities. Returns null when
     * the file may be analysed.
     */
    static Outcome precheck(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return new Outcome(IatiImportStatus.UNREADABLE, null, "empty", null);
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 2 && (head[0] == 'P' && head[1] == 'K' || (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b)) {
            return new Outcome(IatiImportStatus.UNREADABLE, null, "compressed", null);
        }
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return new Outcome(IatiImportStatus.UNREADABLE, null, "not-xml", "PDF");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader r = IatiXml.secureInputFactory().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD) {
                        return new Outcome(IatiImportStatus.UNREADABLE, null, "doctype", null);
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String root = r.getLocalName();
                        String ns = r.getNamespaceURI();
                        if (root.equals("iati-activities") && (ns == null || ns.isEmpty())) {
                            return null;
                        }
                        if (root.equals("iati-organisations")) {
                            return new Outcome(IatiImportStatus.UNREADABLE, null, "organisations-file", null);
                        }
                        return new Outcome(IatiImportStatus.UNREADABLE, null, "not-iati", root);
                    }
                }
                return new Outcome(IatiImportStatus.UNREADABLE, null, "not-xml", null);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNumber() + ":" + e.getLocation().getColumnNumber();
            return new Outcome(IatiImportStatus.UNREADABLE, null, "not-xml", where);
        }
    }

    // ------------------------------------------------------------------ preview

    private record Pending(String identifier, String example, Long lead) {
    }

    private static final class OrgLine {
        final String ref;
        final String name;
        final Set<String> roles = new LinkedHashSet<>();
        int activities;
        int lastActivity;
        Match match;

        OrgLine(String ref, String name) {
            this.ref = ref;
            this.name = name;
        }
    }

    /** Counts what an import of the file would do, activity by activity. */
    private final class Preview {

        final Long target;
        final CurrentPerson person;
        final Locale locale;
        final Runnable heartbeat;
        final IatiOrganisations.Matcher matcher = IatiAnalyser.this.organisations.matcher();
        final IatiSeenIdentifiers seen = new IatiSeenIdentifiers();
        final IatiNotes skipped = new IatiNotes("projects.iati.skip.");
        final IatiNotes warnings = new IatiNotes("projects.iati.warning.");
        final Map<String, OrgLine> orgLines = new LinkedHashMap<>();
        final List<Pending> pending = new ArrayList<>();
        final Map<Long, Boolean> editable = new HashMap<>();
        int fresh;
        int updates;
        int current;
        long lastBeat = System.nanoTime();

        Preview(Long target, CurrentPerson person, Locale locale, Runnable heartbeat) {
            this.target = target;
            this.person = person;
            this.locale = locale;
            this.heartbeat = heartbeat;
        }

        void accept(IatiActivityReader.Activity activity) {
            String example = "#" + activity.index();
            if (activity.tooLarge()) {
                skipped.add(IatiMapper.Note.of("too-large", IatiActivityReader.MAX_NODES), example);
                return;
            }
            IatiNode a = activity.node();
            IatiNode rep = a.child("reporting-org");
            String repRef = rep == null ? null : rep.attrValue("ref");
            String repName = rep == null ? null : rep.narrative("fr", null);
            Match repMatch = rep == null ? Match.NONE : matcher.match(repRef, repName);
            Long lead = target != null ? target : repMatch.linked() ? repMatch.organisationId() : null;
            IatiMapper.Mapped m = mapper.map(a, lead, matcher, locale);
            if (m.identifier() != null) {
                example = m.identifier();
            }
            for (IatiMapper.Note w : m.warnings()) {
                warnings.add(w, example);
            }
            current = activity.index();
            organisation(repRef, repName, "reporting", repMatch);
            for (IatiMapper.Org o : m.participating()) {
                String name = o.name() != null ? o.name() : o.ref();
                if (name != null) {
                    String role = IatiMapper.roleCode(o.role());
                    organisation(o.ref(), name, role == null ? "other" : role, null);
                }
            }
            if (m.skipped()) {
                skipped.add(m.skip(), example);
            } else if (!seen.add(m.identifier())) {
                skipped.add(IatiMapper.Note.of("duplicate"), example);
            } else if (lead == null) {
                skipped.add(IatiMapper.Note.of("no-structure", repRef == null ? "" : repRef, repName == null ? "" : repName), example);
            } else {
                pending.add(new Pending(m.identifier(), example, lead));
                if (pending.size() >= LOOKUP_BATCH) {
                    flush();
                }
            }
            if (System.nanoTime() - lastBeat > 5_000_000_000L) {
                heartbeat.run();
                lastBeat = System.nanoTime();
            }
        }

        private void organisation(String ref, String name, String role, Match known) {
            if (name == null && ref == null) {
                return;
            }
            String key = (ref == null ? "" : ref) + "|" + (name == null ? "" : name);
            OrgLine line = orgLines.get(key);
            if (line == null) {
                if (orgLines.size() >= IatiAnalysis.MAX_ORGANISATIONS) {
                    return;
                }
                line = new OrgLine(ref, name);
                line.match = known != null ? known : matcher.match(ref, name);
                orgLines.put(key, line);
            }
            line.roles.add(role);
            if (line.lastActivity != current) {
                line.lastActivity = current;
                line.activities++;
            }
        }

        /** Looks the pending identifiers up: new, an update, or a project the person may not change. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Map<String, Long> owners = new HashMap<>();
            jdbc.sql("select iati_identifier, organisation_id from project where iati_identifier = any(:ids)")
                    .param("ids", pending.stream().map(Pending::identifier).toArray(String[]::new))
                    .query(rs -> {
                        owners.put(rs.getString(1), rs.getLong(2));
                    });
            for (Pending p : pending) {
                Long owner = owners.get(p.identifier());
                if (owner == null) {
                    fresh++;
                } else if (editable.computeIfAbsent(owner, o -> projects.canEditOrganisation(o, person))) {
                    updates++;
                } else {
                    skipped.add(IatiMapper.Note.of("other-structure"), p.example());
                }
            }
            pending.clear();
        }

        List<IatiAnalysis.Organisation> organisationLines() {
            List<IatiAnalysis.Organisation> out = new ArrayList<>();
            for (OrgLine l : orgLines.values()) {
                Match m = l.match == null ? Match.NONE : l.match;
                out.add(new IatiAnalysis.Organisation(l.ref, l.name, List.copyOf(l.roles), l.activities, m.organisationId(), m.slug(),
                        m.name(), m.kind().name()));
            }
            out.sort((a, b) -> Integer.compare(b.activities(), a.activities()));
            return out;
        }

        /**
         * The organisations not recognised, in the most activities first (at most
         * {@value #MAX_PROPOSALS}: a search by name reads the whole directory), are looked up by
         * name; the structures found are proposed to staff.
         */
        void propose(Long importId) {
            List<OrgLine> unknown = new ArrayList<>(orgLines.values().stream()
                    .filter(l -> l.match != null && l.match.kind() == MatchKind.NONE && l.name != null).toList());
            unknown.sort((a, b) -> Integer.compare(b.activities, a.activities));
            for (OrgLine l : unknown.subList(0, Math.min(MAX_PROPOSALS, unknown.size()))) {
                l.match = matcher.propose(l.ref, l.name);
            }
            for (OrgLine l : orgLines.values()) {
                if (l.match != null && l.match.kind() == MatchKind.PROPOSED && l.name != null) {
                    IatiAnalyser.this.organisations.propose(l.ref, l.name, l.match.organisationId(), importId);
                }
            }
        }
    }
}
