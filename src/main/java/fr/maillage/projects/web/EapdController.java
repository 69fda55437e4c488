package fr.maillage.projects.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.Eapd;
import fr.maillage.projects.EapdCategory;
import fr.maillage.projects.EapdLineData;
import fr.maillage.projects.EapdWorksheet;
import fr.maillage.projects.Partnerships;
import fr.maillage.projects.ProjectException;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-APD worksheet of a local authority ({@code /acteurs/{slug}/apd/{year}}): the official
 * categories prefilled from its projects, edited and saved by its editors and staff, and its
 * CSV ({@code /acteurs/{slug}/apd/{year}.csv}).
 */
@Controller
class EapdController {

    private final Eapd eapd;
    private final Directory directory;
    private final MessageSource messages;

    EapdController(Eapd eapd, Directory directory, MessageSource messages) {
        this.eapd = eapd;
        this.directory = directory;
        this.messages = messages;
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(2_000);
    }

    @GetMapping("/acteurs/{slug}/apd")
    @PreAuthorize("isAuthenticated()")
    String latest(@PathVariable String slug) {
        authority(slug);
        return "redirect:/acteurs/" + slug + "/apd/" + eapd.defaultYear();
    }

    @GetMapping("/acteurs/{slug}/apd/{year:[0-9]+}")
    @PreAuthorize("isAuthenticated()")
    String worksheet(@PathVariable String slug, @PathVariable int year, @RequestParam(name = "recalculer", required = false) String recalculate,
                     @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale) {
        OrganisationRef org = authority(slug);
        checkYear(year);
        EapdWorksheet w = recalculate != null ? eapd.recalculated(org.id(), year, me) : eapd.worksheet(org.id(), year, me);
        model.addAttribute("form", EapdForm.of(w, locale));
        model.addAttribute("recalculated", recalculate != null);
        return show(model, w);
    }

    @PostMapping("/acteurs/{slug}/apd/{year:[0-9]+}")
    @PreAuthorize("isAuthenticated()")
    String save(@PathVariable String slug, @PathVariable int year, @ModelAttribute("form") EapdForm form, BindingResult result,
                @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale, RedirectAttributes redirect) {
        OrganisationRef org = authority(slug);
        checkYear(year);
        EapdWorksheet w = eapd.worksheet(org.id(), year, me);
        List<EapdLineData> lines = form.toLines(result);
        CoopWeb.reject(result, eapd.problems(org.id(), year, lines));
        if (!result.hasErrors()) {
            try {
                eapd.save(org.id(), year, form.getVersion() == null ? -1 : form.getVersion(), lines, me);
                redirect.addFlashAttribute("flash", messages.getMessage("projects.eapd.saved.flash", new Object[] {String.valueOf(year)}, locale));
                return "redirect:/acteurs/" + slug + "/apd/" + year;
            } catch (ProjectException e) {
                CoopWeb.reject(result, e.problems());
            }
        }
        model.addAttribute("recalculated", false);
        return show(model, w);
    }

    @GetMapping("/acteurs/{slug}/apd/{year:[0-9]+}.csv")
    @PreAuthorize("isAuthenticated()")
    void csv(@PathVariable String slug, @PathVariable int year, @AuthenticationPrincipal CurrentPerson me, Locale locale,
             HttpServletResponse response) throws IOException {
        OrganisationRef org = authority(slug);
        checkYear(year);
        EapdWorksheet w = eapd.worksheet(org.id(), year, me);
        Map<Long, EapdWorksheet.Candidate> projects = w.candidates().stream()
                .collect(Collectors.toMap(EapdWorksheet.Candidate::projectId, Function.identity()));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("e-apd-" + org.slug() + "-" + year + ".csv").build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write(CoopCsv.BOM);
        CoopCsv.writeRow(out, List.of(msg("projects.eapd.csv.authority", locale), msg("projects.eapd.csv.year", locale),
                msg("projects.eapd.csv.category", locale), msg("projects.eapd.csv.amount", locale),
                msg("projects.eapd.csv.comment", locale), msg("projects.eapd.csv.projects", locale)));
        for (EapdWorksheet.Line l : w.lines()) {
            List<String> titles = new ArrayList<>();
            l.projectIds().forEach(id -> titles.add(projects.containsKey(id) ? projects.get(id).title() : "#" + id));
            CoopCsv.writeRow(out, List.of(w.organisationName(), String.valueOf(year), msg(l.category().messageKey(), locale),
                    CoopCsv.amount(l.amount(), locale), l.comment() == null ? "" : l.comment(), String.join(" | ", titles)));
        }
        CoopCsv.writeRow(out, List.of(w.organisationName(), String.valueOf(year), msg("projects.eapd.total", locale),
                CoopCsv.amount(w.total(), locale), w.saved() ? "" : msg("projects.eapd.csv.not-saved", locale), ""));
        out.flush();
    }

    private String show(Model model, EapdWorksheet w) {
        model.addAttribute("w", w);
        model.addAttribute("categories", EapdCategory.values());
        model.addAttribute("today", eapd.today());
        model.addAttribute("officialUrl", eapd.properties().officialUrl());
        model.addAttribute("years", years());
        return "projects/eapd/worksheet";
    }

    private List<Integer> years() {
        List<Integer> out = new ArrayList<>();
        int last = eapd.today().getYear();
        for (int y = last; y >= Math.max(2000, last - 5); y--) {
            out.add(y);
        }
        return out;
    }

    /** The local authority of that slug; anything else is not found. */
    private OrganisationRef authority(String slug) {
        OrganisationRef org = directory.ref(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Partnerships.isLocalAuthority(org)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return org;
    }

    private void checkYear(int year) {
        if (!eapd.isValidYear(year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
