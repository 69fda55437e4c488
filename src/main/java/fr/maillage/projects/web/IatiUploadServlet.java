package fr.maillage.projects.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.IatiImports;
import fr.maillage.projects.IatiUpload;
import fr.maillage.projects.IatiUploadException;
import fr.maillage.shared.security.CurrentPerson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Receives the IATI file of {@code /projets/iati/import} ({@code POST /projets/iati/import/envoi}).
 * A servlet of its own rather than a Spring MVC handler, so that the site-wide multipart limits
 * (20 MB, for logos) stay as they are: this one reads the multipart body itself and streams the
 * file to disk, up to {@code maillage.projects.iati.max-upload} (200 MB). A bigger upload is read
 * to its end and dropped (a browser shows nothing useful when the server closes the connection
 * in the middle of an upload), then the person is sent back to the form with a clear message.
 * The CSRF token comes in the query string: Spring Security checks it before this servlet runs,
 * without reading the body.
 */
class IatiUploadServlet extends HttpServlet {

    static final String PATH = "/projets/iati/import/envoi";
    static final String FILE_FIELD = "fichier";
    /** Multipart headers and the form's small fields around the file. */
    private static final long OVERHEAD = 1024 * 1024;
    /** Beyond this, an over-limit upload is not read to its end: the connection is closed. */
    private static final long MAX_DRAIN = 2L * 1024 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(IatiUploadServlet.class);

    private final transient IatiImports imports;
    private final transient Directory directory;
    private final transient LocaleResolver locales;

    IatiUploadServlet(IatiImports imports, Directory directory, LocaleResolver locales) {
        this.imports = imports;
        this.directory = directory;
        this.locales = locales;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        see(req, resp, IatiImportController.BASE);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CurrentPerson me = currentPerson();
        if (me == null) {
            see(req, resp, "/connexion");
            return;
        }
        if (!imports.mayImport(me)) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String boundary = MultipartStream.boundary(req.getContentType());
        if (boundary == null) {
            drain(req.getInputStream());
            refuse(req, resp, "no-file", null);
            return;
        }
        long limit = imports.properties().maxUpload().toBytes();
        if (req.getContentLengthLong() > limit + OVERHEAD) {
            drain(req.getInputStream());
            refuse(req, resp, "too-large", null);
            return;
        }
        Locale locale = locales.resolveLocale(req);
        String structure = null;
        String otherStructure = null;
        String fileName = null;
        InputStream body = req.getInputStream();
        try (IatiUpload upload = imports.newUpload()) {
            MultipartStream multipart = new MultipartStream(body, boundary);
            boolean gotFile = false;
            for (MultipartStream.Part part = multipart.nextPart(); part != null; part = multipart.nextPart()) {
                if (FILE_FIELD.equals(part.name()) && part.fileName() != null && !gotFile) {
                    gotFile = true;
                    fileName = part.fileName();
                    copy(multipart.body(), upload.output());
                } else if ("structure".equals(part.name())) {
                    structure = multipart.text(100).strip();
                } else if ("autreStructure".equals(part.name())) {
                    otherStructure = multipart.text(300).strip();
                } else {
                    multipart.text(0);
                }
            }
            if (!gotFile || fileName == null || fileName.isBlank() && upload.size() == 0) {
                refuse(req, resp, "no-file", structure);
                return;
            }
            Long organisationId;
            try {
                organisationId = target(structure, otherStructure, me);
            } catch (IatiUploadException e) {
                refuse(req, resp, e.reason(), structure);
                return;
            }
            long id = imports.accept(upload, fileName, organisationId, me, locale);
            see(req, resp, IatiImportController.BASE + "/" + id);
        } catch (IatiUploadException e) {
            if ("too-large".equals(e.reason())) {
                drain(body);
            }
            refuse(req, resp, e.reason(), structure);
        } catch (IOException e) {
            log.info("Envoi de fichier IATI interrompu : {}", e.getMessage());
            if (!resp.isCommitted()) {
                refuse(req, resp, "interrupted", structure);
            }
        }
    }

    /** The structure chosen in the form: its id, or null for "the reporting organisation decides" (staff). */
    private Long target(String structure, String otherStructure, CurrentPerson me) {
        if (me.isStaff() && otherStructure != null && !otherStructure.isBlank()) {
            String slug = otherStructure.replaceAll("^.*/acteurs/", "").replaceAll("[/?#].*$", "").strip();
            Optional<OrganisationRef> ref = directory.ref(slug);
            return ref.map(OrganisationRef::id).orElseThrow(() -> new IatiUploadException("structure-unknown"));
        }
        if (structure == null || structure.isBlank()) {
            throw new IatiUploadException("structure");
        }
        if (structure.equals(IatiImportController.REPORTING_ORGANISATION)) {
            if (!me.isStaff()) {
                throw new IatiUploadException("structure");
            }
            return null;
        }
        try {
            return Long.valueOf(structure);
        } catch (NumberFormatException e) {
            throw new IatiUploadException("structure");
        }
    }

    private static CurrentPerson currentPerson() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentPerson p ? p : null;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            out.write(chunk, 0, n);
        }
    }

    /** Reads what is left of the request and drops it, so the browser gets our answer rather than a broken connection. */
    private static void drain(InputStream in) {
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n = in.read(chunk); n >= 0 && total < MAX_DRAIN; n = in.read(chunk)) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, String reason, String structure) throws IOException {
        String query = "?erreur=" + reason + (structure != null && structure.matches("\\d{1,18}") ? "&structure=" + structure : "");
        see(req, resp, IatiImportController.BASE + query);
    }

    private static void see(HttpServletRequest req, HttpServletResponse resp, String path) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + path);
    }
}
