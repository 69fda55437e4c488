package fr.maillage.agenda.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaException;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventFormat;
import fr.maillage.agenda.EventNotFoundException;
import fr.maillage.agenda.EventStatus;
import fr.maillage.agenda.Occurrence;
import fr.maillage.agenda.RepeatFrequency;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.reference.RefList;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SiteProperties;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Markdown;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * An event's page, {@code /agenda/{slug}}: when (in words, Paris time), where (venue and a small
 * map, or the online link), who organises, for whom, at what price, how accessible, the
 * description, documents, programme, registration, and the report once written. Pending and
 * refused events are shown only to their organisers and staff (with the team's message), others
 * get a 404. Organisers and staff also cancel the event here ({@code POST /agenda/{slug}/annuler}).
 * The page carries schema.org Event JSON-LD and Open Graph tags.
 */
@Controller
class EventPageController {

    static final int NEXT_DATES = 12;

    private final Agenda agenda;
    private final EventViews views;
    private final Markdown markdown;
    private final MessageSource messages;
    private final MaillageProperties properties;
    private final SiteProperties site;
    private final JsonMapper json = JsonMapper.builder().build();

    EventPageController(Agenda agenda, EventViews views, Markdown markdown, MessageSource messages, MaillageProperties properties,
                        SiteProperties site) {
        this.agenda = agenda;
        this.views = views;
        this.markdown = markdown;
        this.messages = messages;
        this.properties = properties;
        this.site = site;
    }

    @GetMapping("/agenda/{slug}")
    String event(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale) {
        EventDetails e = agenda.find(slug).orElseThrow(() -> new EventNotFoundException(slug));
        if (!agenda.canView(e, me)) {
            throw new EventNotFoundException(slug);
        }
        EventData d = e.data();
        Instant now = Instant.now();
        boolean canEdit = agenda.canEdit(e.id(), me);
        String url = base() + "/agenda/" + e.slug();

        model.addAttribute("event", e);
        model.addAttribute("d", d);
        model.addAttribute("typeLabel", messages.getMessage("agenda.type." + d.type().name(), null, locale));
        model.addAttribute("when", views.when(d, locale));
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("canCancel", canEdit && e.status() == EventStatus.PUBLISHED);
        model.addAttribute("canReport", canEdit && e.isPublic() && (e.startsAt().isBefore(now) || e.report() != null));
        model.addAttribute("over", e.isOver(now));
        model.addAttribute("descriptionHtml", markdown.toHtml(d.description()));
        model.addAttribute("reportHtml", markdown.toHtml(e.report()));
        model.addAttribute("documents", d.documents().stream().filter(doc -> !doc.afterEvent()).toList());
        model.addAttribute("reportDocuments", d.documents().stream().filter(EventData.DocumentData::afterEvent).toList());
        model.addAttribute("organisations", e.organisations());
        model.addAttribute("themes", d.themes().stream().map(t -> views.label(RefList.THEMES, t, locale)).sorted().toList());
        model.addAttribute("countries", d.countries().stream().map(c -> views.label(RefList.COUNTRIES, c, locale)).sorted().toList());
        model.addAttribute("departement", e.departement() == null ? null : views.label(RefList.DEPARTEMENTS, e.departement(), locale));
        model.addAttribute("sessions", sessions(d, locale));
        model.addAttribute("parisNote", d.format() != EventFormat.IN_PERSON);
        if (d.repeats()) {
            model.addAttribute("repeat", repeat(d, locale));
            model.addAttribute("nextDates", nextDates(e, now, locale));
            model.addAttribute("exceptions", d.repeat().exceptions().stream().sorted().map(x -> views.day(x, locale)).toList());
        }
        model.addAttribute("venueLabel", venueLabel(d));
        model.addAttribute("canonicalUrl", url);
        String plain = d.summary() != null ? d.summary() : markdown.toPlainText(d.description(), 200);
        // the span alone starts the description's sentence: "Jeudi 8 avril 2027 de 9 h 30 à 17 h"
        model.addAttribute("metaDescription", plain == null || plain.isBlank() ? views.capitalize(views.when(d, locale)) : plain);
        model.addAttribute("jsonLd", jsonLd(e, url, now, locale).replace("<", "\\u003c"));
        return "agenda/events/event";
    }

    @PostMapping("/agenda/{slug}/annuler")
    @PreAuthorize("isAuthenticated()")
    String cancel(@PathVariable String slug, @RequestParam(required = false) String message, @AuthenticationPrincipal CurrentPerson me,
                  Locale locale, RedirectAttributes redirect) {
        EventDetails e = agenda.editable(slug, me);
        if (e.status() != EventStatus.PUBLISHED) {
            redirect.addFlashAttribute("error", messages.getMessage("agenda.events.cancel.notPublished", null, locale));
            return "redirect:/agenda/" + e.slug();
        }
        String text = message == null ? null : message.strip();
        if (text != null && text.length() > 2000) {
            text = text.substring(0, 2000);
        }
        try {
            agenda.cancel(e.id(), text, me);
        } catch (AgendaException ex) {
            redirect.addFlashAttribute("error", messages.getMessage(ex.problems().get(0).messageKey(), ex.problems().get(0).argsArray(), locale));
            return "redirect:/agenda/" + e.slug();
        }
        redirect.addFlashAttribute("flash", messages.getMessage("agenda.events.cancel.done", new Object[] {e.title()}, locale));
        return "redirect:/agenda/" + e.slug();
    }

    // ------------------------------------------------------------------ pieces of the page

    /** A session of the programme as shown. */
    public record SessionView(EventData.SessionData data, String when, boolean hasTime) {
    }

    private List<SessionView> sessions(EventData d, Locale locale) {
        List<SessionView> out = new ArrayList<>();
        // on a one-day event, a session's day goes without saying: its hours are enough
        boolean oneDay = !d.repeats() && d.start() != null && d.end() != null
                && (d.allDay() ? d.end().toLocalDate().equals(d.start().toLocalDate()) : !d.end().toLocalDate().isAfter(d.start().toLocalDate()));
        for (EventData.SessionData s : d.sessions()) {
            String when = null;
            boolean sameDay = oneDay && s.start() != null && s.start().toLocalDate().equals(d.start().toLocalDate())
                    && (s.end() == null || s.end().toLocalDate().equals(s.start().toLocalDate()));
            if (sameDay) {
                when = views.timeRange(s.start().toLocalTime(), s.end() == null ? null : s.end().toLocalTime(), locale);
            } else if (s.start() != null && s.end() != null) {
                when = views.span(s.start(), s.end(), false, locale);
            } else if (s.start() != null) {
                when = views.dateTime(s.start(), locale);
            }
            out.add(new SessionView(s, when, when != null));
        }
        return out;
    }

    /** "Chaque semaine, jusqu’au jeudi 30 mars 2028" / "Toutes les 2 semaines, 10 fois". */
    private String repeat(EventData d, Locale locale) {
        EventData.Repeat r = d.repeat();
        String rhythm = messages.getMessage(r.frequency() == RepeatFrequency.WEEKLY ? "agenda.events.page.repeat.weekly" : "agenda.events.page.repeat.monthly",
                new Object[] {Math.max(1, r.interval())}, locale);
        if (r.until() != null) {
            return messages.getMessage("agenda.events.page.repeat.until", new Object[] {rhythm, views.day(r.until(), locale)}, locale);
        }
        if (r.count() != null) {
            return messages.getMessage("agenda.events.page.repeat.count", new Object[] {rhythm, r.count()}, locale);
        }
        return rhythm;
    }

    /** The next dates of a repeating event (or its last ones, once over). */
    private List<String> nextDates(EventDetails e, Instant now, Locale locale) {
        List<Occurrence> next = e.occurrences().stream().filter(o -> o.endsAt().isAfter(now)).limit(NEXT_DATES).toList();
        if (next.isEmpty()) {
            List<Occurrence> all = e.occurrences();
            next = all.subList(Math.max(0, all.size() - NEXT_DATES), all.size());
        }
        return next.stream().map(o -> views.when(o, e.data().allDay(), locale)).toList();
    }

    private static String venueLabel(EventData d) {
        if (!d.format().hasVenue()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (d.venueName() != null) {
            parts.add(d.venueName());
        }
        if (d.city() != null) {
            parts.add(d.city());
        }
        return String.join(", ", parts);
    }

    /** schema.org Event: name, dates (the next occurrence, with the schedule of a repeating event), status, where, who, price. */
    private String jsonLd(EventDetails e, String url, Instant now, Locale locale) {
        EventData d = e.data();
        Occurrence next = e.occurrences().stream().filter(o -> o.endsAt().isAfter(now)).findFirst()
                .orElse(e.occurrences().isEmpty() ? null : e.occurrences().get(0));
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Event");
        ld.put("@id", url);
        ld.put("name", d.title());
        ld.put("url", url);
        String description = d.summary() != null ? d.summary() : markdown.toPlainText(d.description(), 500);
        if (description != null && !description.isBlank()) {
            ld.put("description", description);
        }
        if (next != null) {
            if (d.allDay()) {
                ld.put("startDate", next.startDay().toString());
                ld.put("endDate", next.endDay().toString());
            } else {
                ld.put("startDate", views.iso(next.startsAt()));
                ld.put("endDate", views.iso(next.endsAt()));
            }
        }
        if (d.repeats()) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("@type", "Schedule");
            int n = Math.max(1, d.repeat().interval());
            schedule.put("repeatFrequency", d.repeat().frequency() == RepeatFrequency.WEEKLY ? "P" + n + "W" : "P" + n + "M");
            schedule.put("startDate", d.start().toLocalDate().toString());
            LocalDate last = e.occurrences().isEmpty() ? null : e.occurrences().get(e.occurrences().size() - 1).startDay();
            if (last != null) {
                schedule.put("endDate", last.toString());
            }
            if (!d.repeat().exceptions().isEmpty()) {
                schedule.put("exceptDate", d.repeat().exceptions().stream().sorted().map(LocalDate::toString).toList());
            }
            schedule.put("scheduleTimezone", "Europe/Paris");
            ld.put("eventSchedule", schedule);
        }
        ld.put("eventStatus", e.isCancelled() ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled");
        ld.put("eventAttendanceMode", switch (d.format()) {
            case IN_PERSON -> "https://schema.org/OfflineEventAttendanceMode";
            case ONLINE -> "https://schema.org/OnlineEventAttendanceMode";
            case HYBRID -> "https://schema.org/MixedEventAttendanceMode";
        });
        List<Map<String, Object>> locations = new ArrayList<>();
        if (d.format().hasVenue()) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put("name", d.venueName() != null ? d.venueName() : d.city());
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (d.street() != null) {
                address.put("streetAddress", d.street());
            }
            if (d.postalCode() != null) {
                address.put("postalCode", d.postalCode());
            }
            if (d.city() != null) {
                address.put("addressLocality", d.city());
            }
            address.put("addressCountry", "FR");
            place.put("address", address);
            if (d.latitude() != null && d.longitude() != null) {
                place.put("geo", Map.of("@type", "GeoCoordinates", "latitude", d.latitude(), "longitude", d.longitude()));
            }
            locations.add(place);
        }
        if (d.format().hasLink() && d.onlineUrl() != null) {
            locations.add(Map.of("@type", "VirtualLocation", "url", d.onlineUrl()));
        }
        if (!locations.isEmpty()) {
            ld.put("location", locations.size() == 1 ? locations.get(0) : locations);
        }
        List<Map<String, Object>> organizers = new ArrayList<>();
        for (OrganisationRef o : e.organisations()) {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("@type", "Organization");
            org.put("name", o.displayName());
            if (o.published()) {
                org.put("url", base() + "/acteurs/" + o.slug());
            }
            organizers.add(org);
        }
        if (organizers.isEmpty()) {
            organizers.add(Map.of("@type", "Organization", "name", site.name(), "url", base() + "/"));
        }
        ld.put("organizer", organizers.size() == 1 ? organizers.get(0) : organizers);
        if (d.free()) {
            ld.put("isAccessibleForFree", true);
            ld.put("offers", Map.of("@type", "Offer", "price", "0", "priceCurrency", "EUR", "url", url));
        }
        if (d.audience() != null) {
            ld.put("audience", Map.of("@type", "Audience", "audienceType", d.audience()));
        }
        ld.put("inLanguage", "fr");
        return json.writeValueAsString(ld);
    }

    private String base() {
        return properties.baseUrl() == null ? "" : properties.baseUrl().replaceAll("/+$", "");
    }
}
