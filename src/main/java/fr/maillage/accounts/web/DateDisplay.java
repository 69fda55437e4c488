package fr.maillage.accounts.web;

import java.time.Instant;

import fr.maillage.shared.text.Dates;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates for pages, in Europe/Paris and the visitor's language ("lundi 3 juin 2026 à 14 h 30"),
 * worded by {@link Dates}. Templates call it as {@code ${@dateDisplay.dateTime(instant)}}.
 */
@Component("dateDisplay")
public class DateDisplay {

    public String dateTime(Instant instant) {
        return Dates.dateTime(instant, LocaleContextHolder.getLocale());
    }

    public String date(Instant instant) {
        return Dates.day(instant, LocaleContextHolder.getLocale());
    }

    /** ISO value for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
