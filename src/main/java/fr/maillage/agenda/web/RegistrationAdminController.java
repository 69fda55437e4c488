package fr.maillage.agenda.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventNotFoundException;
import fr.maillage.agenda.RegistrationDetails;
import fr.maillage.agenda.RegistrationNotFoundException;
import fr.maillage.agenda.RegistrationStatus;
import fr.maillage.agenda.Registrations;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.CsvOut;
import fr.maillage.shared.text.Slugs;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's view of an event's registrations ({@code /admin/agenda/{slug}/inscrits}, staff only by
 * the security rules of {@code /admin/**}): the list with statuses and the waiting order,
 * filters, register someone, accept, refuse, cancel, attendance, the counts by collège,
 * département and session for the activity report; exports in CSV and XLSX (one column per
 * custom question) and the printable sign-in sheet ({@code /emargement}).
 */
@Controller
class RegistrationAdminController {

    private final Agenda agenda;
    private final Registrations registrations;
    private final RegistrationViews views;
    private final MessageSource messages;

    RegistrationAdminController(Agenda agenda, Registrations registrations, RegistrationViews views, MessageSource messages) {
        this.agenda = agenda;
        this.registrations = registrations;
        this.views = views;
        this.messages = messages;
    }

    /** The filters of the list, as query parameters: {@code statut} (a status, or "en-cours" for the live ones), {@code session}, {@code q}. */
    record Filter(String statut, Long session, String q) {

        static Filter of(String statut, String session, String q) {
            String s = statut == null ? "" : statut.strip();
            if (!s.isEmpty() && !s.equals("en-cours")) {
                try {
                    RegistrationStatus.valueOf(s);
                } catch (IllegalArgumentException e) {
                    s = "";
                }
            }
            String text = q == null ? "" : q.strip();
            return new Filter(s, RegistrationForm.parse(session), text.length() > 100 ? text.substring(0, 100) : text);
        }

        boolean keeps(RegistrationDetails r) {
            if (statut.equals("en-cours") && !r.isLive()) {
                return false;
            }
            if (!statut.isEmpty() && !statut.equals("en-cours") && !r.status().name().equals(statut)) {
                return false;
            }
            if (session != null && !r.sessionIds().contains(session)) {
                return false;
            }
            if (!q.isEmpty()) {
                String hay = Slugs.fold(r.fullName() + " " + r.email() + " " + (r.organisationName() == null ? "" : r.organisationName()));
                for (String word : Slugs.fold(q).split("\\s+")) {
                    if (!word.isBlank() && !hay.contains(word)) {
                        return false;
                    }
                }
            }
            return true;
        }

        boolean active() {
            return !statut.isEmpty() || session != null || !q.isEmpty();
        }
    }

    // ------------------------------------------------------------------ the list

    @GetMapping("/admin/agenda/{slug}/inscrits")
    String list(@PathVariable String slug, @RequestParam(required = false) String statut, @RequestParam(required = false) String session,
                @RequestParam(required = false) String q, Model model) {
        EventDetails event = event(slug);
        return show(model, event, Filter.of(statut, session, q), new RegistrationForm(), RegistrationErrors.NONE);
    }

    private String show(Model model, EventDetails event, Filter filter, RegistrationForm someone, RegistrationErrors errors) {
        List<RegistrationDetails> all = registrations.ofEvent(event.id());
        List<RegistrationDetails> shown = all.stream().filter(filter::keeps).toList();
        Map<Long, String> sessionTitles = new LinkedHashMap<>();
        event.data().sessions().forEach(s -> sessionTitles.put(s.id(), s.title()));
        model.addAttribute("event", event);
        model.addAttribute("places", registrations.places(event.id()));
        model.addAttribute("counts", registrations.counts(event.id()));
        model.addAttribute("registrations", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("statut", filter.statut());
        model.addAttribute("sessionFilter", filter.session());
        model.addAttribute("q", filter.q());
        model.addAttribute("filtered", filter.active());
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("sessionTitles", sessionTitles);
        model.addAttribute("form", someone);
        model.addAttribute("errors", errors);
        model.addAttribute("query", query(filter));
        return "admin/agenda/registrations";
    }

    // ------------------------------------------------------------------ staff actions

    @PostMapping("/admin/agenda/{slug}/inscrits")
    String registerSomeone(@PathVariable String slug, @ModelAttribute("form") RegistrationForm form, @AuthenticationPrincipal CurrentPerson staff,
                           Model model, Locale locale, RedirectAttributes redirect) {
        EventDetails event = event(slug);
        try {
            RegistrationDetails r = registrations.registerSomeone(event.id(), form.toStaffRequest(), staff);
            redirect.addFlashAttribute("flash", messages.getMessage("agenda.reg.admin.flash.registered",
                    new Object[] {r.fullName(), messages.getMessage(r.status().messageKey(), null, locale)}, locale));
            return "redirect:/admin/agenda/" + slug + "/inscrits";
        } catch (AgendaException e) {
            return show(model, event, Filter.of(null, null, null), form, RegistrationErrors.of(e, messages, locale));
        }
    }

    @PostMapping("/admin/agenda/{slug}/inscrits/{id}/accepter")
    String approve(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal CurrentPerson staff,
                   @RequestParam(defaultValue = "") String retour, Locale locale, RedirectAttributes redirect) {
        RegistrationDetails r = ofEvent(slug, id);
        act(() -> registrations.approve(id, staff), "agenda.reg.admin.flash.approved", r, locale, redirect);
        return back(slug, retour);
    }

    @PostMapping("/admin/agenda/{slug}/inscrits/{id}/refuser")
    String refuse(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String message,
                  @AuthenticationPrincipal CurrentPerson staff, @RequestParam(defaultValue = "") String retour, Locale locale,
                  RedirectAttributes redirect) {
        RegistrationDetails r = ofEvent(slug, id);
        act(() -> registrations.refuse(id, message, staff), "agenda.reg.admin.flash.refused", r, locale, redirect);
        return back(slug, retour);
    }

    @PostMapping("/admin/agenda/{slug}/inscrits/{id}/annuler")
    String cancel(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal CurrentPerson staff,
                  @RequestParam(defaultValue = "") String retour, Locale locale, RedirectAttributes redirect) {
        RegistrationDetails r = ofEvent(slug, id);
        act(() -> registrations.cancelByStaff(id, staff), "agenda.reg.admin.flash.cancelled", r, locale, redirect);
        return back(slug, retour);
    }

    /** The attendance form: {@code marque} lists the rows shown, {@code present} those ticked (the others did not come). */
    @PostMapping("/admin/agenda/{slug}/inscrits/presences")
    String attendance(@PathVariable String slug, @RequestParam(name = "marque", required = false) List<String> shown,
                      @RequestParam(name = "present", required = false) List<String> present, @AuthenticationPrincipal CurrentPerson staff,
                      @RequestParam(defaultValue = "") String retour, Locale locale, RedirectAttributes redirect) {
        EventDetails event = event(slug);
        Set<Long> ticked = new HashSet<>();
        if (present != null) {
            present.stream().map(RegistrationForm::parse).filter(java.util.Objects::nonNull).forEach(ticked::add);
        }
        Map<Long, Boolean> marks = new LinkedHashMap<>();
        if (shown != null) {
            shown.stream().map(RegistrationForm::parse).filter(java.util.Objects::nonNull).forEach(id -> marks.put(id, ticked.contains(id)));
        }
        int changed = registrations.markAttendance(event.id(), marks, staff);
        redirect.addFlashAttribute("flash", messages.getMessage("agenda.reg.admin.flash.attendance", new Object[] {changed}, locale));
        return back(slug, retour);
    }

    private void act(Runnable action, String flashKey, RegistrationDetails r, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(flashKey, new Object[] {r.fullName()}, locale));
        } catch (AgendaException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.problems().get(0).messageKey(), e.problems().get(0).argsArray(), locale));
        }
    }

    /** Back to the list with the filters it had ({@code retour} is a query string the page wrote, never a URL). */
    private static String back(String slug, String retour) {
        String query = retour == null || !retour.matches("[A-Za-z0-9=&%+._-]*") ? "" : retour;
        return "redirect:/admin/agenda/" + slug + "/inscrits" + (query.isEmpty() ? "" : "?" + query);
    }

    // ------------------------------------------------------------------ exports

    @GetMapping("/admin/agenda/{slug}/inscrits.csv")
    void csv(@PathVariable String slug, @RequestParam(required = false) String statut, @RequestParam(required = false) String session,
             @RequestParam(required = false) String q, Locale locale, HttpServletResponse response) throws IOException {
        EventDetails event = event(slug);
        List<List<String>> rows = rows(event, Filter.of(statut, session, q), locale);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(event, "csv"));
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write(CsvOut.BOM);
        for (List<String> row : rows) {
            CsvOut.row(out, row);
        }
        out.flush();
    }

    @GetMapping("/admin/agenda/{slug}/inscrits.xlsx")
    void xlsx(@PathVariable String slug, @RequestParam(required = false) String statut, @RequestParam(required = false) String session,
              @RequestParam(required = false) String q, Locale locale, HttpServletResponse response) throws IOException {
        EventDetails event = event(slug);
        List<List<String>> rows = rows(event, Filter.of(statut, session, q), locale);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(event, "xlsx"));
        OutputStream stream = response.getOutputStream();
        Workbook workbook = new Workbook(stream, "Maillage", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("agenda.reg.export.sheet", null, locale));
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                if (r == 0) {
                    sheet.width(c, c < 2 ? 28 : 20);
                }
                if (v == null || v.isEmpty()) {
                    continue;
                }
                if (r > 0 && c == 3 && v.matches("\\d{1,6}")) {
                    sheet.value(r, c, Integer.parseInt(v));
                } else {
                    sheet.value(r, c, v);
                }
            }
        }
        sheet.range(0, 0, 0, rows.get(0).size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        workbook.finish();
        stream.flush();
    }

    /** The header and one row per registration: who, status, waiting position, structure, collège, département, sessions, answers, attendance, dates. */
    List<List<String>> rows(EventDetails event, Filter filter, Locale locale) {
        List<EventData.QuestionData> questions = event.data().questions();
        Map<Long, String> sessionTitles = new LinkedHashMap<>();
        event.data().sessions().forEach(s -> sessionTitles.put(s.id(), s.title()));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String key : List.of("name", "email", "status", "position", "structure", "college", "departement", "sessions")) {
            header.add(messages.getMessage("agenda.reg.export." + key, null, locale));
        }
        questions.forEach(q -> header.add(q.label()));
        for (String key : List.of("attended", "registered-at", "by-staff")) {
            header.add(messages.getMessage("agenda.reg.export." + key, null, locale));
        }
        rows.add(header);
        String yes = messages.getMessage("agenda.reg.yes", null, locale);
        String no = messages.getMessage("agenda.reg.no", null, locale);
        for (RegistrationDetails r : registrations.ofEvent(event.id())) {
            if (!filter.keeps(r)) {
                continue;
            }
            List<String> row = new ArrayList<>();
            row.add(r.fullName());
            row.add(r.email());
            row.add(messages.getMessage(r.status().messageKey(), null, locale));
            row.add(r.waitingPosition() == null ? "" : String.valueOf(r.waitingPosition()));
            row.add(r.organisationName() == null ? "" : r.organisationName());
            row.add(views.college(r.college()));
            row.add(views.departement(r.departement()));
            row.add(String.join(", ", r.sessionIds().stream().map(sessionTitles::get).filter(java.util.Objects::nonNull).toList()));
            for (EventData.QuestionData q : questions) {
                String a = r.answers().get(q.id());
                row.add(a == null ? "" : q.kind() == fr.maillage.agenda.QuestionKind.YES_NO ? ("YES".equals(a) ? yes : no) : a);
            }
            row.add(r.attended() == null ? "" : r.attended() ? yes : no);
            row.add(views.dateTime(r.createdAt()));
            row.add(r.registeredBy() == null ? "" : yes);
            rows.add(row);
        }
        return rows;
    }

    private static String attachment(EventDetails event, String extension) {
        return ContentDisposition.attachment().filename("inscrits-" + event.slug() + "." + extension).build().toString();
    }

    // ------------------------------------------------------------------ sign-in sheet

    @GetMapping("/admin/agenda/{slug}/emargement")
    String signInSheet(@PathVariable String slug, @RequestParam(required = false) String session, Model model) {
        EventDetails event = event(slug);
        Long sessionId = RegistrationForm.parse(session);
        EventData.SessionData chosen = sessionId == null ? null
                : event.data().sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst().orElse(null);
        List<RegistrationDetails> people = registrations.ofEvent(event.id()).stream()
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .filter(r -> chosen == null || r.sessionIds().contains(chosen.id()))
                .sorted(java.util.Comparator.comparing((RegistrationDetails r) -> Slugs.fold(r.fullName())))
                .toList();
        model.addAttribute("event", event);
        model.addAttribute("sheetSession", chosen);
        model.addAttribute("people", people);
        model.addAttribute("blankLines", 5);
        return "admin/agenda/sign-in-sheet";
    }

    // ------------------------------------------------------------------ helpers

    private EventDetails event(String slug) {
        return agenda.find(slug).orElseThrow(() -> new EventNotFoundException(slug));
    }

    private RegistrationDetails ofEvent(String slug, long id) {
        EventDetails event = event(slug);
        return registrations.find(id).filter(r -> r.eventId() == event.id()).orElseThrow(() -> new RegistrationNotFoundException("#" + id));
    }

    private static String query(Filter filter) {
        StringBuilder s = new StringBuilder();
        if (!filter.statut().isEmpty()) {
            s.append("statut=").append(java.net.URLEncoder.encode(filter.statut(), StandardCharsets.UTF_8));
        }
        if (filter.session() != null) {
            s.append(s.isEmpty() ? "" : "&").append("session=").append(filter.session());
        }
        if (!filter.q().isEmpty()) {
            s.append(s.isEmpty() ? "" : "&").append("q=").append(java.net.URLEncoder.encode(filter.q(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }
}
