package fr.maillage.shared.web;

import fr.maillage.shared.SiteProperties;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the site's branding in every page's model, for the layout. */
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
}
