package fr.maillage.accounts.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import fr.maillage.accounts.AccountException;
import fr.maillage.accounts.AdminDashboardTile;
import fr.maillage.accounts.PeopleAdmin;
import fr.maillage.accounts.Role;
import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff area's dashboard, people and their roles, and the log of staff actions. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class AdminController {

    static final int JOURNAL_PAGE_SIZE = 50;

    private final List<AdminDashboardTile> tiles;
    private final PeopleAdmin peopleAdmin;
    private final StaffActions staffActions;
    private final MessageSource messages;

    AdminController(List<AdminDashboardTile> tiles, PeopleAdmin peopleAdmin, StaffActions staffActions, MessageSource messages) {
        this.tiles = tiles.stream().sorted(Comparator.comparingInt(AdminDashboardTile::order)).toList();
        this.peopleAdmin = peopleAdmin;
        this.staffActions = staffActions;
        this.messages = messages;
    }

    @GetMapping("/admin")
    String dashboard(Model model, Locale locale) {
        model.addAttribute("tiles", tiles.stream().map(t -> t.render(locale)).toList());
        model.addAttribute("recentActions", staffActions.latest(0, 8));
        return "admin/dashboard";
    }

    @GetMapping("/admin/personnes")
    String people(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String confirme, @RequestParam(defaultValue = "1") int page, Model model,
                  jakarta.servlet.http.HttpServletRequest request) {
        Role roleFilter = parseRole(role);
        Boolean verified = "non".equals(confirme) ? Boolean.FALSE : "oui".equals(confirme) ? Boolean.TRUE : null;
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("result", peopleAdmin.search(query, roleFilter, verified, Math.max(1, page) - 1));
        model.addAttribute("q", query);
        model.addAttribute("role", roleFilter == null ? "" : roleFilter.name());
        model.addAttribute("confirme", verified == null ? "" : confirme);
        model.addAttribute("roles", Role.values());
        model.addAttribute("back", "/admin/personnes" + (request.getQueryString() != null ? "?" + request.getQueryString() : ""));
        return "admin/people";
    }

    @PostMapping("/admin/personnes/{id}/role")
    @PreAuthorize("hasRole('ADMIN')")
    String changeRole(@PathVariable long id, @RequestParam(defaultValue = "") String role, @AuthenticationPrincipal CurrentPerson me,
                      @RequestParam(defaultValue = "") String retour, RedirectAttributes redirect, Locale locale) {
        Role newRole = parseRole(role);
        if (newRole == null) {
            redirect.addFlashAttribute("error", messages.getMessage("admin.people.role.invalid", null, locale));
        } else {
            try {
                peopleAdmin.changeRole(me, id, newRole);
                redirect.addFlashAttribute("flash", messages.getMessage("admin.people.role.changed", null, locale));
            } catch (AccountException e) {
                redirect.addFlashAttribute("error", messages.getMessage(e.code(), null, locale));
            }
        }
        return "redirect:" + back(retour);
    }

    @PostMapping("/admin/personnes/{id}/confirmer")
    String markVerified(@PathVariable long id, @AuthenticationPrincipal CurrentPerson me,
                        @RequestParam(defaultValue = "") String retour, RedirectAttributes redirect, Locale locale) {
        try {
            peopleAdmin.markEmailVerified(me, id);
            redirect.addFlashAttribute("flash", messages.getMessage("admin.people.verified.done", null, locale));
        } catch (AccountException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), null, locale));
        }
        return "redirect:" + back(retour);
    }

    @GetMapping("/admin/journal")
    String journal(@RequestParam(defaultValue = "1") int page, Model model) {
        long total = staffActions.count();
        int totalPages = (int) Math.max(1, (total + JOURNAL_PAGE_SIZE - 1) / JOURNAL_PAGE_SIZE);
        int current = Math.min(Math.max(1, page), totalPages);
        model.addAttribute("actions", staffActions.latest((current - 1) * JOURNAL_PAGE_SIZE, JOURNAL_PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("totalPages", totalPages);
        return "admin/journal";
    }

    private static Role parseRole(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Only a local people-list URL, never an open redirect. */
    private static String back(String retour) {
        return retour.startsWith("/admin/personnes") && !retour.startsWith("//") && !retour.contains("\\") ? retour : "/admin/personnes";
    }
}
