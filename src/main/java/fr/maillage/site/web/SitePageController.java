package fr.maillage.site.web;

import java.util.Locale;

import fr.maillage.shared.text.Markdown;
import fr.maillage.site.SitePages;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class SitePageController {

    private final SitePages pages;
    private final Markdown markdown;

    SitePageController(SitePages pages, Markdown markdown) {
        this.pages = pages;
        this.markdown = markdown;
    }

    @GetMapping({"/{slug:le-reseau|mentions-legales|confidentialite|accessibilite|api}"})
    String page(@PathVariable String slug, Model model, Locale locale) {
        var page = pages.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", page);
        model.addAttribute("pageTitle", page.title(locale));
        model.addAttribute("html", markdown.toHtml(page.body(locale)));
        return "site/page";
    }
}
