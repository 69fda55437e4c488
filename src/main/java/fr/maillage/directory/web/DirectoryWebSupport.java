package fr.maillage.directory.web;

import java.util.Locale;

import fr.maillage.directory.DirectoryException;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/** What the form pages need in their model: the reference lists, in the person's language. */
final class DirectoryWebSupport {

    private DirectoryWebSupport() {
    }

    static void formLists(Model model, Reference reference, Locale locale) {
        model.addAttribute("structureTypes", reference.list(RefList.STRUCTURE_TYPES));
        model.addAttribute("colleges", reference.list(RefList.COLLEGES));
        model.addAttribute("themes", reference.list(RefList.THEMES).stream().filter(t -> !"false".equals(t.extra("active"))).toList());
        model.addAttribute("countries", reference.sorted(RefList.COUNTRIES, locale));
        model.addAttribute("sdgs", reference.list(RefList.SDGS));
        model.addAttribute("collegeOfType", reference.list(RefList.STRUCTURE_TYPES).stream()
                .collect(java.util.stream.Collectors.toMap(t -> t.code(), t -> t.parent())));
    }

    static String message(MessageSource messages, DirectoryException e, Locale locale) {
        return messages.getMessage(e.messageKey(), null, e.messageKey(), locale);
    }

    /** A local path to go back to, never another site. */
    static String safeReturn(String path, String fallback) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return fallback;
        }
        // browsers drop tabs and line breaks from URLs ("/\t/evil.example" is "//evil.example") and read "\" as "/"
        if (path.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\')) {
            return fallback;
        }
        return path;
    }
}
