package fr.maillage.agenda.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventFormat;
import fr.maillage.agenda.RegistrationStatus;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.text.Dates;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Helpers of the registration pages, as {@code @registrationViews} in templates: dates in words
 * (by {@link Dates}, as on the event pages, in the visitor's language), where an event takes place, reference labels (collège,
 * département) and the badge of each status.
 */
@Component("registrationViews")
public class RegistrationViews {

    private final Reference reference;

    RegistrationViews(Reference reference) {
        this.reference = reference;
    }

    /** The span of the event as its page writes it: "jeudi 8 avril 2027 de 9 h 30 à 17 h". */
    public String when(EventDetails e) {
        EventData d = e.data();
        return Dates.span(d.start(), d.end(), d.allDay(), locale());
    }

    /** The hours of a session ("14 h – 16 h"). */
    public String hours(EventData.SessionData s) {
        if (s.start() == null) {
            return "";
        }
        return Dates.timeRange(s.start().toLocalTime(), s.end() == null ? null : s.end().toLocalTime(), locale());
    }

    /** "mardi 8 avril 2031 à 23 h 59" (Paris time). */
    public String dateTime(Instant instant) {
        return Dates.dateTime(instant, locale());
    }

    /** The venue and town, or the words "en ligne" for an online event (the link itself is for participants). */
    public String where(EventDetails e, String onlineLabel) {
        EventData d = e.data();
        List<String> parts = new ArrayList<>();
        if (d.format() != EventFormat.ONLINE) {
            if (d.venueName() != null) {
                parts.add(d.venueName());
            }
            String town = ((d.postalCode() == null ? "" : d.postalCode() + " ") + (d.city() == null ? "" : d.city())).strip();
            if (!town.isEmpty()) {
                parts.add(town);
            }
        }
        if (d.format() != EventFormat.IN_PERSON) {
            parts.add(onlineLabel);
        }
        return String.join(", ", parts);
    }

    public String college(String code) {
        return code == null || code.isBlank() ? "" : reference.label(RefList.COLLEGES, code, locale());
    }

    /** "33 – Gironde". */
    public String departement(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return code + " – " + reference.label(RefList.DEPARTEMENTS, code, locale());
    }

    public List<fr.maillage.reference.RefItem> departements() {
        return reference.list(RefList.DEPARTEMENTS);
    }

    public String badge(RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> "badge badge-ok";
            case PENDING, WAITING, OFFERED -> "badge badge-warn";
            default -> "badge";
        };
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
