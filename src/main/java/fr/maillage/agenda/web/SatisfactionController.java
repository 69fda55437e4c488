package fr.maillage.agenda.web;

import java.time.Instant;
import java.util.Locale;

import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventNotFoundException;
import fr.maillage.agenda.SatisfactionAnswers;
import fr.maillage.agenda.SatisfactionForm;
import fr.maillage.agenda.TrainingSatisfaction;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The satisfaction form after a training session, reached from the e-mail's link
 * ({@code /agenda/satisfaction/<the registration's token>}), no account needed. One answer per
 * registration: a second submission is refused politely; the form opens when the session ends.
 */
@Controller
class SatisfactionController {

    private final TrainingSatisfaction satisfaction;
    private final MessageSource messages;

    SatisfactionController(TrainingSatisfaction satisfaction, MessageSource messages) {
        this.satisfaction = satisfaction;
        this.messages = messages;
    }

    @GetMapping("/agenda/satisfaction/{token}")
    String form(@PathVariable String token, Model model) {
        SatisfactionForm f = satisfaction.form(token, Instant.now()).orElseThrow(() -> new EventNotFoundException("satisfaction"));
        model.addAttribute("survey", f);
        model.addAttribute("token", token);
        model.addAttribute("form", new TrainingForms.SatisfactionFormData());
        return "agenda/satisfaction";
    }

    @PostMapping("/agenda/satisfaction/{token}")
    String submit(@PathVariable String token, @ModelAttribute("form") TrainingForms.SatisfactionFormData form, BindingResult result,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Instant now = Instant.now();
        SatisfactionForm f = satisfaction.form(token, now).orElseThrow(() -> new EventNotFoundException("satisfaction"));
        SatisfactionAnswers answers = form.answers(result);
        if (!result.hasErrors()) {
            try {
                satisfaction.submit(token, answers, now);
                redirect.addFlashAttribute("flash", messages.getMessage("agenda.training.satisfaction.thanks", null, locale));
                return "redirect:/agenda/satisfaction/" + token;
            } catch (AgendaException e) {
                TrainingForms.reject(result, e.problems());
            }
        }
        model.addAttribute("survey", satisfaction.form(token, now).orElse(f));
        model.addAttribute("token", token);
        return "agenda/satisfaction";
    }
}
