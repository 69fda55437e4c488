package fr.maillage.projects.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import fr.maillage.projects.Eapd;
import fr.maillage.projects.EapdCampaign;
import fr.maillage.projects.EapdDeclaration;
import fr.maillage.projects.ProjectException;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff set each year's e-APD campaign ({@code /admin/apd}: opening and closing days) and see
 * which local authorities have filled their worksheet, and when the reminders went.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class EapdAdminController {

    private final Eapd eapd;
    private final MessageSource messages;

    EapdAdminController(Eapd eapd, MessageSource messages) {
        this.eapd = eapd;
        this.messages = messages;
    }

    @GetMapping("/admin/apd")
    String page(@RequestParam(name = "annee", required = false) Integer year, Model model) {
        CampaignForm form = new CampaignForm();
        LocalDate today = eapd.today();
        int shown = year != null ? year : eapd.currentCampaign().map(EapdCampaign::year).orElse(today.getYear());
        EapdCampaign campaign = eapd.campaign(shown).orElse(null);
        if (campaign != null) {
            form.setOpensOn(campaign.opensOn().toString());
            form.setClosesOn(campaign.closesOn().toString());
        } else {
            form.setOpensOn(eapd.properties().opening().atYear(shown).toString());
            form.setClosesOn(eapd.properties().closing().atYear(shown).toString());
        }
        model.addAttribute("form", form);
        return show(model, shown);
    }

    @PostMapping("/admin/apd")
    String save(@ModelAttribute("form") CampaignForm form, BindingResult result, @AuthenticationPrincipal CurrentPerson me,
                Model model, Locale locale, RedirectAttributes redirect) {
        LocalDate opens = PartnershipForm.date("opensOn", form.getOpensOn(), result);
        LocalDate closes = PartnershipForm.date("closesOn", form.getClosesOn(), result);
        if (!result.hasErrors()) {
            try {
                EapdCampaign c = eapd.saveCampaign(opens, closes, me);
                redirect.addFlashAttribute("flash", messages.getMessage("projects.eapd.admin.saved",
                        new Object[] {String.valueOf(c.year())}, locale));
                return "redirect:/admin/apd?annee=" + c.year();
            } catch (ProjectException e) {
                CoopWeb.reject(result, e.problems());
            }
        }
        return show(model, opens != null ? opens.getYear() : eapd.today().getYear());
    }

    private String show(Model model, int year) {
        List<EapdDeclaration> declarations = eapd.declarations(year - 1);
        model.addAttribute("year", year);
        model.addAttribute("campaign", eapd.campaign(year).orElse(null));
        model.addAttribute("campaigns", eapd.campaigns());
        model.addAttribute("declarations", declarations);
        model.addAttribute("filled", declarations.stream().filter(EapdDeclaration::filled).count());
        model.addAttribute("today", eapd.today());
        model.addAttribute("closingDays", eapd.properties().closingReminderDays());
        return "admin/projects/apd";
    }

    /** The campaign's days as typed. */
    public static class CampaignForm {
        private String opensOn;
        private String closesOn;

        public String getOpensOn() {
            return opensOn;
        }

        public void setOpensOn(String opensOn) {
            this.opensOn = opensOn;
        }

        public String getClosesOn() {
            return closesOn;
        }

        public void setClosesOn(String closesOn) {
            this.closesOn = closesOn;
        }
    }
}
