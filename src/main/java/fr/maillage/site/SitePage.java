package fr.maillage.site;

import java.time.Instant;
import java.util.Locale;

/** An editable page of the site, in French and English (Markdown). */
public record SitePage(String slug, String titleFr, String titleEn, String bodyFr, String bodyEn, Instant updatedAt) {

    public String title(Locale locale) {
        return isEnglish(locale) ? titleEn : titleFr;
    }

    public String body(Locale locale) {
        return isEnglish(locale) ? bodyEn : bodyFr;
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
