package fr.maillage.projects.web;

import java.util.List;
import java.util.Locale;

import fr.maillage.projects.ProjectException;
import fr.maillage.reference.RefItem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.validation.BindingResult;

/** What the cooperation pages share: problems as field errors, reference lists, who is looking. */
final class CoopWeb {

    private CoopWeb() {
    }

    /** Puts each problem next to its field (or at the top of the form when it has none). */
    static void reject(BindingResult result, List<ProjectException.Problem> problems) {
        for (ProjectException.Problem p : problems) {
            if (p.field() == null || !isField(result, p.field())) {
                result.reject(p.messageKey(), p.argsArray(), null);
            } else {
                result.rejectValue(p.field(), p.messageKey(), p.argsArray(), null);
            }
        }
    }

    private static boolean isField(BindingResult result, String field) {
        try {
            result.getFieldType(field);
            return result.getTarget() != null && org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(),
                    field.contains(".") || field.contains("[") ? field.replaceAll("[.\\[].*$", "") : field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static List<RefItem> themes(Reference reference) {
        return reference.list(RefList.THEMES).stream().filter(t -> !"false".equals(t.extra("active"))).toList();
    }

    /** The foreign countries, by name in the reader's language. */
    static List<RefItem> countries(Reference reference, Locale locale) {
        return reference.sorted(RefList.COUNTRIES, locale).stream().filter(c -> !c.code().equals("FR")).toList();
    }

    static boolean isStaff(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_STAFF") || a.equals("ROLE_ADMIN"));
    }
}
