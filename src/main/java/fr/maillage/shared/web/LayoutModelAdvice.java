package fr.maillage.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import fr.maillage.shared.SiteProperties;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the site's branding and the current path (for the navigation) in every page's model. */
@ControllerAdvice
class LayoutModelAdvice {

    private final SiteProperties site;

    LayoutModelAdvice(SiteProperties site) {
        this.site = site;
    }

    @ModelAttribute("site")
    SiteProperties site() {
        return site;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
