package fr.maillage.agenda.web;

import java.util.Locale;

import fr.maillage.agenda.EventCalendar;
import fr.maillage.agenda.FeedEntry;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Places and figures as the feeds, the widget and the training pages write them: "Bordeaux
 * (33)", "14 h", "4,3", "85 %". Templates call {@code ${@feedViews.place(...)}}. Dates are
 * written by {@link EventViews} ({@code ${@eventViews.brief(...)}}), the same everywhere.
 */
@Component("feedViews")
public class FeedViews {

    private static final String NBSP = "\u00a0";

    private final MessageSource messages;

    FeedViews(MessageSource messages) {
        this.messages = messages;
    }

    /** "Bordeaux (33)", "En ligne", "Pessac (33) et en ligne"; null when the venue has no town. */
    public String place(FeedEntry e, Locale locale) {
        return EventCalendar.place(e.format(), e.city(), e.departement(), messages, locale(locale));
    }

    /** A duration in hours: "14 h", "3,5 h" / "14 h", "3.5 h". */
    public String hours(java.math.BigDecimal hours, Locale locale) {
        if (hours == null) {
            return "";
        }
        return decimal(hours.doubleValue(), locale) + NBSP + "h";
    }

    /** A number with at most one decimal, in the reader's notation: "4,3" / "4.3"; "—" for none. */
    public String decimal(Double value, Locale locale) {
        if (value == null) {
            return "—";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale(locale));
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(0);
        return f.format(value).replace('\u202f', '\u00a0');
    }

    /** A percentage without decimals: "85 %" (non-breaking space in French) / "85%"; "—" for none. */
    public String percent(Double value, Locale locale) {
        if (value == null) {
            return "—";
        }
        long rounded = Math.round(value);
        return "en".equals(locale(locale).getLanguage()) ? rounded + "%" : rounded + NBSP + "%";
    }

    private static Locale locale(Locale locale) {
        return locale == null ? LocaleContextHolder.getLocale() : locale;
    }
}
