package fr.maillage.projects.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.IatiImportMode;
import fr.maillage.projects.IatiImportView;
import fr.maillage.projects.IatiImports;
import fr.maillage.projects.ProjectException;
import fr.maillage.projects.ProjectNotFoundException;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The IATI import pages: the upload form with the person's latest imports
 * ({@code /projets/iati/import}), and one import's page ({@code /projets/iati/import/{id}}):
 * the schema errors with their line, the preview and the choices, then the progress (refreshed by
 * htmx every two seconds, or by the page itself without JavaScript) and the final report. The
 * upload itself goes to {@link IatiUploadServlet}.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class IatiImportController {

    static final String BASE = "/projets/iati/import";
    /** Value of the "structure" field meaning: each activity's reporting organisation decides. */
    static final String REPORTING_ORGANISATION = "declarante";
    static final List<String> UPLOAD_ERRORS = List.of("too-large", "empty", "no-file", "structure", "structure-unknown", "interrupted");

    private final IatiImports imports;
    private final MessageSource messages;

    IatiImportController(IatiImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String form(@RequestParam(name = "structure", required = false) String structure,
                @RequestParam(name = "erreur", required = false) String error,
                @AuthenticationPrincipal CurrentPerson me, Model model, HttpServletResponse response) {
        List<OrganisationRef> targets = imports.targets(me);
        model.addAttribute("targets", targets);
        model.addAttribute("mayImport", imports.mayImport(me));
        model.addAttribute("staff", me.isStaff());
        model.addAttribute("selected", selected(structure, targets, me));
        model.addAttribute("maxMegabytes", imports.properties().maxUpload().toMegabytes());
        model.addAttribute("imports", imports.latest(me, 20));
        if (error != null && UPLOAD_ERRORS.contains(error)) {
            model.addAttribute("uploadError", error);
            response.setStatus(error.equals("too-large") ? 413 : 400);
        }
        return "projects/iati/import";
    }

    /** The structure to preselect: by id (back from a refused upload) or slug (from a structure's page). */
    private static String selected(String structure, List<OrganisationRef> targets, CurrentPerson me) {
        if (structure != null) {
            for (OrganisationRef t : targets) {
                if (structure.equals(String.valueOf(t.id())) || structure.equals(t.slug())) {
                    return String.valueOf(t.id());
                }
            }
            if (me.isStaff()) {
                return structure;
            }
        }
        return targets.size() == 1 ? String.valueOf(targets.get(0).id()) : null;
    }

    @GetMapping(BASE + "/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, HttpServletResponse response) {
        IatiImportView view = imports.find(id, me).orElseThrow(() -> new ProjectNotFoundException("import #" + id));
        model.addAttribute("imp", view);
        model.addAttribute("staff", me.isStaff());
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        response.addHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return htmx != null ? "projects/iati/status :: status" : "projects/iati/status";
    }

    @PostMapping(BASE + "/{id}/lancer")
    String start(@PathVariable long id, @RequestParam(name = "mode", defaultValue = "ADD_ONLY") IatiImportMode mode,
                 @RequestParam(name = "publier", defaultValue = "false") boolean publish,
                 @RequestParam(name = "tolerant", defaultValue = "false") boolean lenient,
                 @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        try {
            imports.start(id, mode, publish, lenient, me);
        } catch (ProjectException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/reprendre")
    String resume(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        try {
            imports.resume(id, me);
        } catch (ProjectException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/supprimer")
    String discard(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me, Locale locale, RedirectAttributes redirect) {
        try {
            imports.discard(id, me);
            redirect.addFlashAttribute("flash", messages.getMessage("projects.iati.discarded", null, locale));
            return "redirect:" + BASE;
        } catch (ProjectException e) {
            redirect.addFlashAttribute("error", message(e, locale));
            return "redirect:" + BASE + "/" + id;
        }
    }

    private String message(ProjectException e, Locale locale) {
        ProjectException.Problem p = e.problems().get(0);
        return messages.getMessage(p.messageKey(), p.argsArray(), locale);
    }
}
