package fr.maillage.agenda.web;

import java.util.List;
import java.util.Locale;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventDetails;
import fr.maillage.shared.files.FileStorage;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report after an event, {@code /agenda/{slug}/compte-rendu}: minutes or the restitution of
 * a world café (Markdown) and its documents, written by the organisers or staff; shown at the
 * bottom of the event's page.
 */
@Controller
class EventReportController {

    private final Agenda agenda;
    private final EventUploads uploads;
    private final FileStorage files;
    private final MessageSource messages;

    EventReportController(Agenda agenda, EventUploads uploads, FileStorage files, MessageSource messages) {
        this.agenda = agenda;
        this.uploads = uploads;
        this.files = files;
        this.messages = messages;
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(EventForm.MAX_ROWS + 10);
        binder.setDisallowedFields("documentFiles*");
    }

    @GetMapping("/agenda/{slug}/compte-rendu")
    @PreAuthorize("isAuthenticated()")
    String form(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model) {
        EventDetails e = agenda.editable(slug, me);
        model.addAttribute("form", ReportForm.of(e.report(), e.data().documents(), e.version()));
        return show(model, e);
    }

    @PostMapping("/agenda/{slug}/compte-rendu")
    @PreAuthorize("isAuthenticated()")
    String save(@PathVariable String slug, @ModelAttribute("form") ReportForm form, BindingResult result,
                @RequestParam(name = "documentFiles", required = false) List<MultipartFile> documentFiles,
                @RequestParam(required = false) String addRow, @RequestParam(required = false) String removeRow,
                @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        EventDetails e = agenda.editable(slug, me);
        form.compact();
        form.getDocuments().addAll(uploads.accept(documentFiles, "documentFiles", result));
        if (removeRow != null && removeRow.matches("documents:\\d{1,3}")) {
            int i = Integer.parseInt(removeRow.substring("documents:".length()));
            if (i < form.getDocuments().size()) {
                form.getDocuments().remove(i);
            }
            form.pad();
            return show(model, e);
        }
        if ("documents".equals(addRow)) {
            form.pad();
            form.getDocuments().add(new EventForm.DocumentRow());
            return show(model, e);
        }
        for (int i = 0; i < form.getDocuments().size(); i++) {
            EventForm.DocumentRow d = form.getDocuments().get(i);
            if (d.isFile() && files.get(d.getFileKey()).isEmpty()) {
                result.rejectValue("documents[" + i + "].title", "agenda.events.form.error.file.gone");
            }
        }
        if (result.hasErrors()) {
            form.pad();
            return show(model, e);
        }
        try {
            agenda.writeReport(e.id(), form.getVersion() == null ? -1 : form.getVersion(), form.getReport(), form.documentData(), me);
        } catch (AgendaException ex) {
            int before = (int) e.data().documents().stream().filter(d -> !d.afterEvent()).count();
            for (AgendaException.Problem p : ex.problems()) {
                String field = p.field();
                if (field != null && field.matches("documents\\[\\d+].*")) {
                    int at = Integer.parseInt(field.substring("documents[".length(), field.indexOf(']'))) - before;
                    field = at >= 0 ? "documents[" + at + "]" + field.substring(field.indexOf(']') + 1) : null;
                }
                if (field == null) {
                    result.reject(p.messageKey(), p.argsArray(), null);
                } else if (!result.hasFieldErrors(field)) {
                    result.rejectValue(field, p.messageKey(), p.argsArray(), null);
                }
            }
            form.pad();
            return show(model, e);
        } catch (ObjectOptimisticLockingFailureException ex) {
            result.reject("agenda.error.concurrent");
            form.pad();
            return show(model, e);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("agenda.events.report.saved", new Object[] {e.title()}, locale));
        return "redirect:/agenda/" + e.slug() + "#compte-rendu";
    }

    private String show(Model model, EventDetails e) {
        model.addAttribute("event", e);
        model.addAttribute("action", "/agenda/" + e.slug() + "/compte-rendu");
        model.addAttribute("maxDocumentMb", EventUploads.MAX_BYTES / 1024 / 1024);
        return "agenda/events/report";
    }
}
