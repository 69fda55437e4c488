package fr.maillage.agenda.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventFormat;
import fr.maillage.agenda.EventStatus;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.EventValidator;
import fr.maillage.agenda.QuestionKind;
import fr.maillage.agenda.RegistrationMode;
import fr.maillage.agenda.RepeatFrequency;
import fr.maillage.directory.Directory;
import fr.maillage.directory.MyStructure;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.directory.OrganisationStatus;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.files.FileStorage;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Slugs;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The event form: {@code /agenda/nouveau} (members propose for a structure they edit, staff
 * publish directly) and {@code /agenda/{slug}/modifier} (organisers and staff). Repeatable rows
 * (programme, questions, documents, countries, days without a session) work without
 * JavaScript: "Ajouter une ligne" and "Retirer" send the form back, shown again with what was
 * typed. Every problem lands next to its field; nothing is saved while anything is wrong.
 */
@Controller
class EventFormController {

    private final Agenda agenda;
    private final EventValidator validator;
    private final Directory directory;
    private final Reference reference;
    private final EventUploads uploads;
    private final FileStorage files;
    private final EventViews views;
    private final MessageSource messages;

    EventFormController(Agenda agenda, EventValidator validator, Directory directory, Reference reference, EventUploads uploads,
                        FileStorage files, EventViews views, MessageSource messages) {
        this.agenda = agenda;
        this.validator = validator;
        this.directory = directory;
        this.reference = reference;
        this.uploads = uploads;
        this.files = files;
        this.views = views;
        this.messages = messages;
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(EventForm.MAX_ROWS + 10);
        binder.setDisallowedFields("documentFiles*");
    }

    /** A request naming rows far beyond what the form shows (a crafted one): a plain "bad request". */
    @ExceptionHandler(InvalidPropertyException.class)
    void tooManyRows(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    // ------------------------------------------------------------------ new event

    @GetMapping("/agenda/nouveau")
    @PreAuthorize("isAuthenticated()")
    String newForm(@RequestParam(name = "structure", required = false) String structure, @AuthenticationPrincipal CurrentPerson me,
                   Model model) {
        EventForm form = EventForm.empty();
        if (structure != null) {
            directory.ref(structure).filter(o -> directory.canEdit(o.id(), me)).ifPresent(o -> form.getOrganisationIds().add(o.id()));
        }
        List<OrganisationRef> mine = myStructures(me);
        if (!me.isStaff() && mine.isEmpty()) {
            return "agenda/events/no-structure";
        }
        if (!me.isStaff() && mine.size() == 1 && form.getOrganisationIds().isEmpty()) {
            form.getOrganisationIds().add(mine.get(0).id());
        }
        model.addAttribute("form", form);
        return show(model, null, me);
    }

    @PostMapping("/agenda/nouveau")
    @PreAuthorize("isAuthenticated()")
    String create(@ModelAttribute("form") EventForm form, BindingResult result,
                  @RequestParam(name = "documentFiles", required = false) List<org.springframework.web.multipart.MultipartFile> documentFiles,
                  @RequestParam(required = false) String addRow, @RequestParam(required = false) String removeRow,
                  @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        if (prepare(form, documentFiles, result, addRow, removeRow)) {
            return show(model, null, me);
        }
        EventData data = check(form, null, result, me);
        if (result.hasErrors()) {
            form.pad();
            return show(model, null, me);
        }
        try {
            long id = agenda.create(data, me);
            EventDetails e = agenda.find(id).orElseThrow();
            String key = e.status() == EventStatus.PENDING ? "agenda.events.form.proposed.flash" : "agenda.events.form.published.flash";
            redirect.addFlashAttribute("flash", messages.getMessage(key, new Object[] {e.title()}, locale));
            return "redirect:/agenda/" + e.slug();
        } catch (AgendaException ex) {
            reject(ex.problems(), result);
            form.pad();
            return show(model, null, me);
        }
    }

    // ------------------------------------------------------------------ edit

    @GetMapping("/agenda/{slug}/modifier")
    @PreAuthorize("isAuthenticated()")
    String editForm(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model) {
        EventDetails e = agenda.editable(slug, me);
        model.addAttribute("form", EventForm.of(e.data(), e.version()));
        return show(model, e, me);
    }

    @PostMapping("/agenda/{slug}/modifier")
    @PreAuthorize("isAuthenticated()")
    String edit(@PathVariable String slug, @ModelAttribute("form") EventForm form, BindingResult result,
                @RequestParam(name = "documentFiles", required = false) List<org.springframework.web.multipart.MultipartFile> documentFiles,
                @RequestParam(required = false) String addRow, @RequestParam(required = false) String removeRow,
                @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        EventDetails e = agenda.editable(slug, me);
        if (prepare(form, documentFiles, result, addRow, removeRow)) {
            return show(model, e, me);
        }
        EventData data = check(form, e, result, me);
        if (result.hasErrors()) {
            form.pad();
            return show(model, e, me);
        }
        try {
            agenda.update(e.id(), form.getVersion() == null ? -1 : form.getVersion(), data, me);
            if (e.status() == EventStatus.REFUSED && !me.isStaff()) {
                agenda.resubmit(e.id(), me);
            }
        } catch (AgendaException ex) {
            reject(ex.problems(), result);
            form.pad();
            return show(model, e, me);
        } catch (ObjectOptimisticLockingFailureException ex) {
            result.reject("agenda.error.concurrent");
            form.pad();
            return show(model, e, me);
        }
        EventDetails saved = agenda.find(e.id()).orElseThrow();
        String key = saved.status() == EventStatus.PENDING ? (e.status() == EventStatus.REFUSED ? "agenda.events.form.resubmitted.flash"
                : "agenda.events.form.saved-pending.flash") : "agenda.events.form.saved.flash";
        redirect.addFlashAttribute("flash", messages.getMessage(key, new Object[] {saved.title()}, locale));
        return "redirect:/agenda/" + saved.slug();
    }

    // ------------------------------------------------------------------ the steps of a submission

    /**
     * Stores the uploaded files (each becomes a document row), resolves typed structure names,
     * and applies "Ajouter une ligne" or "Retirer". Returns true when the form is only to be
     * shown again.
     */
    private boolean prepare(EventForm form, List<org.springframework.web.multipart.MultipartFile> documentFiles, BindingResult result,
                            String addRow, String removeRow) {
        form.getDocuments().removeIf(r -> r == null || r.isBlank());
        form.getDocuments().addAll(uploads.accept(documentFiles, "documentFiles", result));
        resolveOrganisations(form, result);
        if (removeRow != null && removeRow.matches("[a-z]+:\\d{1,3}")) {
            String[] parts = removeRow.split(":");
            form.removeRow(parts[0], Integer.parseInt(parts[1]));
            form.pad();
            return true;
        }
        if (addRow != null && EventForm.SECTIONS.contains(addRow)) {
            form.pad();
            form.addRow(addRow);
            return true;
        }
        return false;
    }

    /** Reads the form and checks the content; every problem lands on its field. */
    private EventData check(EventForm form, EventDetails saved, BindingResult result, CurrentPerson me) {
        form.compact();
        List<Long> organisations = new ArrayList<>(new LinkedHashSet<>(form.getOrganisationIds()));
        EventData data = form.toData(organisations, saved == null ? null : saved.data().trainingModuleId(), result);
        if (!me.isStaff()) {
            Set<Long> allowed = new LinkedHashSet<>();
            myStructures(me).forEach(o -> allowed.add(o.id()));
            if (saved != null) {
                allowed.addAll(saved.data().organisationIds());
            }
            if (organisations.isEmpty()) {
                result.rejectValue("organisationIds", "agenda.error.organisation-required");
            } else if (!allowed.containsAll(organisations)) {
                result.rejectValue("organisationIds", "agenda.error.organisation-not-yours");
            }
        }
        reject(validator.problems(data), result);
        for (int i = 0; i < form.getDocuments().size(); i++) {
            EventForm.DocumentRow d = form.getDocuments().get(i);
            if (d.isFile() && files.get(d.getFileKey()).isEmpty()) {
                result.rejectValue("documents[" + i + "].title", "agenda.events.form.error.file.gone");
            }
        }
        return data;
    }

    /** The problems as field errors (global ones for the whole form), leaving out fields that already show one. */
    static void reject(List<AgendaException.Problem> problems, BindingResult result) {
        BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
        for (AgendaException.Problem p : problems) {
            String field = field(p.field());
            if (field == null || !form.isReadableProperty(field)) {
                result.reject(p.messageKey(), p.argsArray(), null);
                continue;
            }
            if (result.hasFieldErrors(field) || ("startDate".equals(field) && result.hasFieldErrors("startTime"))
                    || ("endDate".equals(field) && result.hasFieldErrors("endTime"))) {
                continue;
            }
            result.rejectValue(field, p.messageKey(), p.argsArray(), null);
        }
    }

    /** The form's field for a path of the content ("start" is typed as a date and a time...). */
    static String field(String path) {
        if (path == null) {
            return null;
        }
        return switch (path) {
            case "start" -> "startDate";
            case "end" -> "endDate";
            case "registration.deadline" -> "registration.deadlineDate";
            default -> {
                if (path.matches("sessions\\[\\d+]")) {
                    yield path + ".title";
                }
                if (path.matches("sessions\\[\\d+]\\.start")) {
                    yield path + "Time";
                }
                if (path.matches("sessions\\[\\d+]\\.end")) {
                    yield path + "Time";
                }
                yield path;
            }
        };
    }

    /**
     * A structure typed by name (staff may name any published structure) is added to the chosen
     * ones; a name that matches none stays in its row with an error.
     */
    private void resolveOrganisations(EventForm form, BindingResult result) {
        form.getOrganisationNames().removeIf(EventForm::blank);
        if (form.getOrganisationNames().isEmpty()) {
            return;
        }
        Map<String, OrganisationRef> byName = new LinkedHashMap<>();
        for (OrganisationRef o : directory.publishedOfTypes(List.of())) {
            byName.putIfAbsent(Slugs.fold(o.displayName()), o);
            byName.putIfAbsent(Slugs.fold(o.name()), o);
        }
        List<String> unknown = new ArrayList<>();
        for (String name : form.getOrganisationNames()) {
            OrganisationRef o = byName.get(Slugs.fold(name));
            if (o == null) {
                unknown.add(name);
            } else if (!form.getOrganisationIds().contains(o.id())) {
                form.getOrganisationIds().add(o.id());
            }
        }
        form.setOrganisationNames(unknown);
        for (int i = 0; i < unknown.size(); i++) {
            result.rejectValue("organisationNames[" + i + "]", "agenda.events.form.error.organisation-name", new Object[] {unknown.get(i)}, null);
        }
    }

    // ------------------------------------------------------------------ access and model

    /** The structures a person may organise for: those they edit (published or waiting for moderation). */
    private List<OrganisationRef> myStructures(CurrentPerson me) {
        List<Long> ids = directory.structuresOf(me.personId()).stream()
                .filter(s -> s.status() != OrganisationStatus.REFUSED && s.status() != OrganisationStatus.MERGED)
                .map(MyStructure::id).toList();
        return new ArrayList<>(directory.refs(ids).values());
    }

    private String show(Model model, EventDetails event, CurrentPerson me) {
        Locale locale = LocaleContextHolder.getLocale();
        EventForm form = (EventForm) model.getAttribute("form");
        Map<Long, OrganisationRef> choices = new LinkedHashMap<>();
        myStructures(me).forEach(o -> choices.put(o.id(), o));
        List<Long> chosen = new ArrayList<>(form == null ? List.of() : form.getOrganisationIds());
        if (event != null) {
            chosen.addAll(event.data().organisationIds());
        }
        directory.refs(chosen.stream().filter(id -> !choices.containsKey(id)).toList()).forEach(choices::put);
        model.addAttribute("event", event);
        model.addAttribute("organisationChoices", choices.values());
        model.addAttribute("types", EventType.values());
        model.addAttribute("typeLabels", views.typeLabels(locale));
        model.addAttribute("formats", EventFormat.values());
        model.addAttribute("frequencies", RepeatFrequency.values());
        model.addAttribute("modes", RegistrationMode.values());
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("themes", reference.list(RefList.THEMES).stream().filter(t -> !"false".equals(t.extra("active"))).toList());
        model.addAttribute("countries", reference.sorted(RefList.COUNTRIES, locale));
        model.addAttribute("structures", me.isStaff() ? directory.publishedOfTypes(List.of()) : List.<OrganisationRef>of());
        model.addAttribute("maxDocumentMb", EventUploads.MAX_BYTES / 1024 / 1024);
        model.addAttribute("action", event == null ? "/agenda/nouveau" : "/agenda/" + event.slug() + "/modifier");
        return "agenda/events/form";
    }
}
