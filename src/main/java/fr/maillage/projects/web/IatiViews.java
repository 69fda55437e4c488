package fr.maillage.projects.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import fr.maillage.projects.IatiImportStatus;
import fr.maillage.shared.text.Dates;

import org.springframework.stereotype.Component;

/** Formatting for the IATI pages ({@code @iatiViews} in templates): dates in Paris time, file sizes, status badges. */
@Component("iatiViews")
class IatiViews {

    /** "lundi 3 juin 2026 à 14 h 30" (Paris time). */
    public String when(Instant instant, Locale locale) {
        return Dates.dateTime(instant, locale);
    }

    /** "12,4 Mo" / "12.4 MB". */
    public String size(long bytes, Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        NumberFormat f = NumberFormat.getNumberInstance(en ? Locale.ENGLISH : Locale.FRENCH);
        f.setMaximumFractionDigits(1);
        if (bytes < 1024 * 1024) {
            return f.format(Math.max(1, Math.round(bytes / 1024.0))) + (en ? " KB" : "\u00a0ko");
        }
        return f.format(bytes / (1024.0 * 1024.0)) + (en ? " MB" : "\u00a0Mo");
    }

    /** CSS classes of a status badge. */
    public String badge(IatiImportStatus status) {
        return switch (status) {
            case DONE, READY -> "badge badge-ok";
            case UNREADABLE, INVALID, FAILED -> "badge badge-warn";
            default -> "badge";
        };
    }

    public String join(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }
}
