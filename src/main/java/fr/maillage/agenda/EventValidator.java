package fr.maillage.agenda;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.maillage.agenda.AgendaException.Problem;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.stereotype.Component;

/**
 * Checks an {@link EventData} before anything is written: required fields and lengths, the end
 * after the start, a sensible repetition, a venue or a link as the format needs, known reference
 * codes, registration settings that hold together (no negative capacity, a deadline before the
 * start, a link for external registration), a complete programme and questions. Messages are
 * keys of the agenda bundle ({@code agenda.error.*}).
 */
@Component
public class EventValidator {

    static final int TITLE_MAX = 300;
    static final int SUMMARY_MAX = 600;
    static final int TEXT_MAX = 50_000;
    static final int SHORT_MAX = 300;
    static final int URL_MAX = 500;
    /** One occurrence lasts at most this long (a festival of the solidarity week: two weeks). */
    static final Duration LONGEST = Duration.ofDays(31);
    static final int MAX_SESSIONS = 60;
    static final int MAX_QUESTIONS = 20;
    static final int MAX_DOCUMENTS = 30;

    private final Reference reference;

    EventValidator(Reference reference) {
        this.reference = reference;
    }

    /** Throws an {@link AgendaException} listing every problem, or returns quietly. */
    public void check(EventData d) {
        List<Problem> problems = problems(d);
        if (!problems.isEmpty()) {
            throw new AgendaException(problems);
        }
    }

    public List<Problem> problems(EventData d) {
        List<Problem> p = new ArrayList<>();
        if (d.type() == null) {
            p.add(new Problem("type", "agenda.error.type", List.of()));
        }
        text(p, "title", d.title(), TITLE_MAX, true);
        text(p, "summary", d.summary(), SUMMARY_MAX, false);
        text(p, "description", d.description(), TEXT_MAX, false);
        dates(p, d);
        repeat(p, d);
        place(p, d);
        for (String theme : d.themes()) {
            if (!reference.exists(RefList.THEMES, theme)) {
                p.add(new Problem("themes", "agenda.error.theme", List.of(theme)));
            }
        }
        for (String country : d.countries()) {
            if (!reference.exists(RefList.COUNTRIES, country)) {
                p.add(new Problem("countries", "agenda.error.country", List.of(country)));
            }
        }
        if (new HashSet<>(d.organisationIds()).size() != d.organisationIds().size()) {
            p.add(new Problem("organisationIds", "agenda.error.organisation-twice", List.of()));
        }
        text(p, "audience", d.audience(), SHORT_MAX, false);
        if (!d.free()) {
            text(p, "price", d.price(), SHORT_MAX, true);
        }
        text(p, "accessibility", d.accessibility(), TEXT_MAX, false);
        documents(p, d);
        registration(p, d);
        sessions(p, d);
        questions(p, d);
        return p;
    }

    private void dates(List<Problem> p, EventData d) {
        if (d.start() == null) {
            p.add(new Problem("start", "agenda.error.start", List.of()));
        }
        if (d.end() == null) {
            p.add(new Problem("end", "agenda.error.end", List.of()));
        }
        if (d.start() == null || d.end() == null) {
            return;
        }
        if (d.allDay() ? d.end().toLocalDate().isBefore(d.start().toLocalDate()) : !d.end().isAfter(d.start())) {
            p.add(new Problem("end", "agenda.error.end-before-start", List.of()));
        } else if (Duration.between(d.start(), d.end()).compareTo(LONGEST) > 0) {
            p.add(new Problem("end", "agenda.error.too-long", List.of(LONGEST.toDays())));
        }
        if (d.start().getYear() < 2000 || d.start().getYear() > 2100) {
            p.add(new Problem("start", "agenda.error.year", List.of()));
        }
    }

    private void repeat(List<Problem> p, EventData d) {
        if (!d.repeats()) {
            return;
        }
        EventData.Repeat r = d.repeat();
        if (r.interval() < 1 || r.interval() > 52) {
            p.add(new Problem("repeat.interval", "agenda.error.repeat-interval", List.of()));
        }
        if (r.count() != null && (r.count() < 1 || r.count() > Recurrence.MAX_OCCURRENCES)) {
            p.add(new Problem("repeat.count", "agenda.error.repeat-count", List.of(Recurrence.MAX_OCCURRENCES)));
        }
        if (d.start() != null && r.until() != null && r.until().isBefore(d.start().toLocalDate())) {
            p.add(new Problem("repeat.until", "agenda.error.repeat-until", List.of()));
        }
        if (d.start() != null && d.end() != null && p.stream().noneMatch(x -> x.field() != null && x.field().startsWith("end"))) {
            // an occurrence must end before the next one starts
            long days = Duration.between(d.start(), d.end()).toDays();
            long gap = r.frequency() == RepeatFrequency.WEEKLY ? 7L * Math.max(1, r.interval()) : 28L * Math.max(1, r.interval());
            if (days >= gap) {
                p.add(new Problem("repeat.frequency", "agenda.error.repeat-overlap", List.of()));
            }
        }
        if (d.registration().mode().onSite()) {
            p.add(new Problem("registration.mode", "agenda.error.registration-repeating", List.of()));
        }
    }

    private void place(List<Problem> p, EventData d) {
        if (d.format().hasVenue()) {
            text(p, "venueName", d.venueName(), 200, false);
            text(p, "street", d.street(), SHORT_MAX, false);
            text(p, "city", d.city(), 120, true);
            if (d.postalCode() != null && !d.postalCode().isBlank()) {
                String pc = d.postalCode().strip();
                if (!pc.matches("\\d{5}") || reference.departementForPostalCode(pc).isEmpty()) {
                    p.add(new Problem("postalCode", "agenda.error.postal-code", List.of()));
                }
            }
            if ((d.latitude() == null) != (d.longitude() == null)
                    || (d.latitude() != null && (Math.abs(d.latitude()) > 90 || Math.abs(d.longitude()) > 180))) {
                p.add(new Problem("latitude", "agenda.error.point", List.of()));
            }
        }
        if (d.format().hasLink()) {
            if (d.onlineUrl() == null || d.onlineUrl().isBlank()) {
                p.add(new Problem("onlineUrl", "agenda.error.online-url", List.of()));
            } else if (!isWebUrl(d.onlineUrl())) {
                p.add(new Problem("onlineUrl", "agenda.error.url", List.of()));
            }
        }
    }

    private void documents(List<Problem> p, EventData d) {
        if (d.documents().size() > MAX_DOCUMENTS) {
            p.add(new Problem("documents", "agenda.error.too-many", List.of(MAX_DOCUMENTS)));
        }
        for (int i = 0; i < d.documents().size(); i++) {
            EventData.DocumentData doc = d.documents().get(i);
            String f = "documents[" + i + "]";
            text(p, f + ".title", doc.title(), SHORT_MAX, true);
            boolean file = doc.fileKey() != null && !doc.fileKey().isBlank();
            boolean link = doc.url() != null && !doc.url().isBlank();
            if (file == link) {
                p.add(new Problem(f + ".url", "agenda.error.document-source", List.of()));
            } else if (link && !isWebUrl(doc.url())) {
                p.add(new Problem(f + ".url", "agenda.error.url", List.of()));
            }
        }
    }

    private void registration(List<Problem> p, EventData d) {
        EventData.RegistrationSettings r = d.registration();
        if (r.capacity() != null && r.capacity() < 0) {
            p.add(new Problem("registration.capacity", "agenda.error.capacity-negative", List.of()));
        } else if (r.capacity() != null && r.capacity() > 100_000) {
            p.add(new Problem("registration.capacity", "agenda.error.capacity-large", List.of()));
        }
        if (r.mode() == RegistrationMode.EXTERNAL) {
            if (r.url() == null || r.url().isBlank()) {
                p.add(new Problem("registration.url", "agenda.error.registration-url", List.of()));
            } else if (!isWebUrl(r.url())) {
                p.add(new Problem("registration.url", "agenda.error.url", List.of()));
            }
        }
        if (r.deadline() != null && d.start() != null && r.deadline().isAfter(d.allDay() ? d.start().toLocalDate().plusDays(1).atStartOfDay() : d.start())) {
            p.add(new Problem("registration.deadline", "agenda.error.deadline-after-start", List.of()));
        }
    }

    private void sessions(List<Problem> p, EventData d) {
        if (d.sessions().size() > MAX_SESSIONS) {
            p.add(new Problem("sessions", "agenda.error.too-many", List.of(MAX_SESSIONS)));
        }
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < d.sessions().size(); i++) {
            EventData.SessionData s = d.sessions().get(i);
            String f = "sessions[" + i + "]";
            text(p, f + ".title", s.title(), TITLE_MAX, true);
            text(p, f + ".description", s.description(), TEXT_MAX, false);
            text(p, f + ".room", s.room(), 200, false);
            text(p, f + ".speakers", s.speakers(), URL_MAX, false);
            if (s.capacity() != null && s.capacity() < 0) {
                p.add(new Problem(f + ".capacity", "agenda.error.capacity-negative", List.of()));
            }
            if (s.start() != null && s.end() != null && !s.end().isAfter(s.start())) {
                p.add(new Problem(f + ".end", "agenda.error.end-before-start", List.of()));
            } else if (d.start() != null && d.end() != null && !d.repeats()
                    && ((s.start() != null && outside(s.start(), d)) || (s.end() != null && outside(s.end(), d)))) {
                p.add(new Problem(f + ".start", "agenda.error.session-outside", List.of()));
            }
            if (s.id() != null && !ids.add(s.id())) {
                p.add(new Problem(f, "agenda.error.session-twice", List.of()));
            }
        }
    }

    private static boolean outside(LocalDateTime t, EventData d) {
        LocalDateTime from = d.allDay() ? d.start().toLocalDate().atStartOfDay() : d.start();
        LocalDateTime to = d.allDay() ? d.end().toLocalDate().plusDays(1).atStartOfDay() : d.end();
        return t.isBefore(from) || t.isAfter(to);
    }

    private void questions(List<Problem> p, EventData d) {
        if (d.questions().size() > MAX_QUESTIONS) {
            p.add(new Problem("questions", "agenda.error.too-many", List.of(MAX_QUESTIONS)));
        }
        for (int i = 0; i < d.questions().size(); i++) {
            EventData.QuestionData q = d.questions().get(i);
            String f = "questions[" + i + "]";
            text(p, f + ".label", q.label(), SHORT_MAX, true);
            if (q.kind() == QuestionKind.CHOICE && q.choiceList().size() < 2) {
                p.add(new Problem(f + ".choices", "agenda.error.choices", List.of()));
            }
        }
    }

    /** A text field: required when asked, at most {@code max} characters (the training modules' forms check theirs the same way). */
    static void text(List<Problem> p, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(new Problem(field, "agenda.error.required", List.of()));
            }
        } else if (value.strip().length() > max) {
            p.add(new Problem(field, "agenda.error.too-long-text", List.of(max)));
        }
    }

    static boolean isWebUrl(String value) {
        if (value == null || value.strip().length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }
}
