package fr.maillage.accounts.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates for pages, in Europe/Paris and the visitor's language ("lundi 3 juin 2026 à 14 h 30").
 * Templates call it as {@code ${@dateDisplay.dateTime(instant)}}.
 */
@Component("dateDisplay")
public class DateDisplay {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String pattern = "en".equals(locale.getLanguage()) ? "EEEE d MMMM yyyy, HH:mm" : "EEEE d MMMM yyyy 'à' H 'h' mm";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(PARIS).format(instant);
    }

    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).withZone(PARIS).format(instant);
    }

    /** ISO value for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
