package fr.maillage.agenda.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fr.maillage.agenda.TrainingModule;
import fr.maillage.agenda.TrainingModuleNotFoundException;
import fr.maillage.agenda.TrainingModuleSummary;
import fr.maillage.agenda.TrainingModules;
import fr.maillage.agenda.TrainingSession;
import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.QueryValues;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Markdown;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public training catalogue ({@code /formations}, filtered by theme) and a module's page
 * ({@code /formations/{slug}}: objectives, prerequisites, duration, audience, trainer, and its
 * sessions to come and past, each linking to its event page where people register).
 */
@Controller
class TrainingController {

    private final TrainingModules trainings;
    private final Reference reference;
    private final Markdown markdown;

    TrainingController(TrainingModules trainings, Reference reference, Markdown markdown) {
        this.trainings = trainings;
        this.reference = reference;
        this.markdown = markdown;
    }

    @GetMapping("/formations")
    String catalogue(@RequestParam(name = "theme", required = false) List<String> theme, Model model, Locale locale) {
        List<String> themes = QueryValues.clean(theme, false).stream().filter(t -> reference.exists(RefList.THEMES, t)).toList();
        List<TrainingModuleSummary> modules = trainings.catalogue(themes, false, Instant.now());
        model.addAttribute("modules", modules);
        model.addAttribute("selectedThemes", themes);
        model.addAttribute("themes", activeThemes(reference, locale));
        model.addAttribute("themeLabels", themeLabels(reference, locale));
        model.addAttribute("agendaPath", "/agenda?type=formation");
        return "agenda/training/catalogue";
    }

    @GetMapping("/formations/{slug}")
    String module(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale) {
        TrainingModule m = trainings.find(slug).orElseThrow(() -> new TrainingModuleNotFoundException(slug));
        Instant now = Instant.now();
        List<TrainingSession> sessions = trainings.sessions(m.id());
        model.addAttribute("module", m);
        model.addAttribute("objectivesHtml", markdown.toHtml(m.objectives()));
        model.addAttribute("prerequisitesHtml", m.prerequisites() == null ? null : markdown.toHtml(m.prerequisites()));
        model.addAttribute("upcoming", sessions.stream().filter(s -> !s.isOver(now)).toList());
        model.addAttribute("past", sessions.stream().filter(s -> s.isOver(now)).sorted((a, b) -> b.startsAt().compareTo(a.startsAt())).toList());
        Map<String, String> labels = themeLabels(reference, locale);
        model.addAttribute("themeNames", m.themes().stream().map(t -> labels.getOrDefault(t, t)).collect(Collectors.joining(", ")));
        model.addAttribute("staff", me != null && me.isStaff());
        String themeQuery = m.themes().stream().map(t -> "&theme=" + t).collect(Collectors.joining());
        model.addAttribute("agendaPath", "/agenda?type=formation" + themeQuery);
        model.addAttribute("icsPath", "/agenda.ics?type=formation" + themeQuery);
        return "agenda/training/module";
    }

    static List<RefItem> activeThemes(Reference reference, Locale locale) {
        return reference.sorted(RefList.THEMES, locale).stream().filter(t -> !"false".equals(t.extra("active"))).toList();
    }

    static Map<String, String> themeLabels(Reference reference, Locale locale) {
        return reference.list(RefList.THEMES).stream().collect(Collectors.toMap(RefItem::code, t -> t.label(locale), (a, b) -> a));
    }
}
