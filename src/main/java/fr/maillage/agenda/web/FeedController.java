package fr.maillage.agenda.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaFeeds;
import fr.maillage.agenda.AgendaFilters;
import fr.maillage.agenda.AgendaLinks;
import fr.maillage.agenda.AgendaQuery;
import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.EventCalendar;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventNotFoundException;
import fr.maillage.agenda.FeedEntry;
import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.reference.Reference;
import fr.maillage.shared.SiteProperties;
import fr.maillage.shared.ical.IcsWriter;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The agenda's feeds: iCalendar (RFC 5545) for the whole agenda or any filtered view
 * ({@code /agenda.ics?<filters>}), for one structure's events ({@code /acteurs/{slug}/agenda.ics})
 * and for one event ({@code /agenda/{slug}.ics}, its repetition as RRULE/EXDATE), and an Atom
 * feed of the next events ({@code /agenda.atom?<filters>}). Feeds answer conditional requests
 * (ETag from the agenda's last change, the filters, the day and the language; Last-Modified)
 * with 304 before reading any event, and stream what they write; the feeds of the agenda are
 * kept by ETag ({@link FeedCache}) for the next subscribers, until the agenda changes.
 */
@Controller
class FeedController {

    static final String ICS_TYPE = "text/calendar; charset=utf-8";
    static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
    /** Calendar programs poll feeds; a quarter of an hour of caching is harmless for an agenda. */
    static final String CACHE = "public, max-age=900";
    static final int ATOM_DEFAULT = 50;
    static final int ATOM_MAX = 200;

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final AgendaFeeds feeds;
    private final Agenda agenda;
    private final Directory directory;
    private final AgendaLinks links;
    private final EventCalendar calendar;
    private final EventViews views;
    private final MessageSource messages;
    private final SiteProperties site;
    private final FeedCache cache;
    private final Reference reference;

    FeedController(AgendaFeeds feeds, Agenda agenda, Directory directory, AgendaLinks links, EventCalendar calendar, EventViews views,
                   MessageSource messages, SiteProperties site, FeedCache cache, Reference reference) {
        this.cache = cache;
        this.reference = reference;
        this.feeds = feeds;
        this.agenda = agenda;
        this.directory = directory;
        this.links = links;
        this.calendar = calendar;
        this.views = views;
        this.messages = messages;
        this.site = site;
    }

    @GetMapping("/agenda.ics")
    void agenda(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        AgendaFilters filters = AgendaFilters.parse(request.getParameterMap(), reference::exists);
        String name = filters.isEmpty() ? messages.getMessage("agenda.feeds.ics.name", new Object[] {site.name()}, locale)
                : messages.getMessage("agenda.feeds.ics.name.filtered", new Object[] {site.name()}, locale);
        calendar(filters.toQuery(), "agenda|" + filters.toQueryString(), name, "agenda.ics", request, response, locale);
    }

    @GetMapping("/acteurs/{slug}/agenda.ics")
    void structure(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        OrganisationRef org = directory.ref(slug).filter(OrganisationRef::published)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        AgendaFilters filters = AgendaFilters.parse(request.getParameterMap(), reference::exists);
        String name = messages.getMessage("agenda.feeds.ics.name.structure", new Object[] {org.displayName(), site.name()}, locale);
        calendar(filters.toQuery().ofOrganisation(org.id()), "org" + org.id() + "|" + filters.toQueryString(), name,
                org.slug() + "-agenda.ics", request, response, locale);
    }

    @GetMapping("/agenda/{slug}.ics")
    void event(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, HttpServletRequest request,
               HttpServletResponse response, Locale locale) throws IOException {
        EventDetails e = agenda.find(slug).filter(d -> agenda.canView(d, me))
                .orElseThrow(() -> new EventNotFoundException(slug));
        String etag = etag("event|" + e.id() + "|" + e.version() + "|" + e.updatedAt() + "|" + e.status() + "|" + locale.getLanguage());
        ServletWebRequest web = new ServletWebRequest(request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, e.isPublic() ? CACHE : "private, no-cache");
        if (web.checkNotModified(etag, e.updatedAt().toEpochMilli())) {
            return;
        }
        response.setContentType(ICS_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + e.slug() + ".ics\"");
        try (Writer out = writer(response)) {
            IcsWriter ics = new IcsWriter(out, EventCalendar.PROD_ID, "PUBLISH", e.title());
            ics.event(calendar.of(e, locale));
            ics.close();
        }
    }

    @GetMapping("/agenda.atom")
    void atom(@RequestParam(name = "limit", required = false) String limitParam, HttpServletRequest request,
              HttpServletResponse response, Locale locale) throws IOException {
        AgendaFilters filters = AgendaFilters.parse(request.getParameterMap(), reference::exists);
        int limit = WidgetController.number(limitParam, ATOM_DEFAULT, 1, ATOM_MAX);
        LocalDate today = LocalDate.now(AgendaSearch.PARIS);
        AgendaQuery q = AgendaFeeds.upcoming(filters.toQuery(), today);
        AgendaFeeds.Stamp stamp = feeds.stamp();
        String etag = etag("atom|" + filters.toQueryString() + "|" + limit + "|" + today + "|" + locale.getLanguage() + "|"
                + stamp.lastModified() + "|" + stamp.events());
        Instant lastModified = latest(stamp.lastModified(), today.atStartOfDay(AgendaSearch.PARIS).toInstant());
        ServletWebRequest web = new ServletWebRequest(request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
        if (web.checkNotModified(etag, lastModified.toEpochMilli())) {
            return;
        }
        response.setContentType(ATOM_TYPE);
        if (cached(etag, response)) {
            return;
        }
        List<FeedEntry> entries = q.from().isAfter(q.to()) ? List.of() : feeds.list(q, limit);
        FeedCache.Tee tee = new FeedCache.Tee(response.getOutputStream());
        try (Writer out = writer(tee)) {
            writeAtom(out, filters, entries, lastModified, locale);
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
        cache.put(etag, tee.bytes());
    }

    // ------------------------------------------------------------------ iCalendar

    private void calendar(AgendaQuery query, String key, String name, String filename, HttpServletRequest request,
                          HttpServletResponse response, Locale locale) throws IOException {
        LocalDate today = LocalDate.now(AgendaSearch.PARIS);
        Instant now = Instant.now();
        AgendaFeeds.Stamp stamp = feeds.stamp();
        // the period moves with the days: a new day may change the feed even if no event changed
        String etag = etag(key + "|" + today + "|" + locale.getLanguage() + "|" + stamp.lastModified() + "|" + stamp.events());
        Instant lastModified = latest(stamp.lastModified(), today.atStartOfDay(AgendaSearch.PARIS).toInstant());
        ServletWebRequest web = new ServletWebRequest(request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
        if (web.checkNotModified(etag, lastModified.toEpochMilli())) {
            return;
        }
        response.setContentType(ICS_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"");
        if (cached(etag, response)) {
            return;
        }
        FeedCache.Tee tee = new FeedCache.Tee(response.getOutputStream());
        try (Writer out = writer(tee)) {
            IcsWriter ics = new IcsWriter(out, EventCalendar.PROD_ID, "PUBLISH", name);
            EventCalendar.Labels labels = calendar.labels(locale);
            feeds.each(AgendaFeeds.window(query, today), now, AgendaFeeds.MAX_ENTRIES, entry -> ics.event(calendar.of(entry, labels)));
            ics.close();
        }
        cache.put(etag, tee.bytes());
    }

    /** Writes the feed kept for this ETag, if any. */
    private boolean cached(String etag, HttpServletResponse response) throws IOException {
        byte[] bytes = cache.get(etag);
        if (bytes == null) {
            return false;
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        return true;
    }

    // ------------------------------------------------------------------ Atom (RFC 4287)

    private void writeAtom(Writer out, AgendaFilters filters, List<FeedEntry> entries, Instant updated, Locale locale)
            throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        String atom = "http://www.w3.org/2005/Atom";
        String query = filters.toQueryString("?");
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("feed");
        x.writeDefaultNamespace(atom);
        x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", locale.getLanguage());
        element(x, "id", links.tag("agenda" + (query.isEmpty() ? "" : ":" + filters.toQueryString())));
        element(x, "title", messages.getMessage(filters.isEmpty() ? "agenda.feeds.atom.title" : "agenda.feeds.atom.title.filtered",
                new Object[] {site.name()}, locale));
        element(x, "subtitle", messages.getMessage("agenda.feeds.atom.subtitle", new Object[] {site.name()}, locale));
        Instant latest = updated;
        for (FeedEntry e : entries) {
            latest = latest(latest, e.updatedAt());
        }
        element(x, "updated", RFC3339.format(latest));
        link(x, "self", links.absolute("/agenda.atom" + query), "application/atom+xml");
        link(x, "alternate", links.absolute("/agenda" + query), "text/html");
        x.writeStartElement("author");
        element(x, "name", site.name());
        element(x, "uri", links.absolute("/"));
        x.writeEndElement();
        element(x, "generator", "Maillage");
        for (FeedEntry e : entries) {
            x.writeStartElement("entry");
            element(x, "id", links.tag("event-" + e.eventId() + (e.repeating() ? ":" + e.startDay() : "")));
            String title = e.cancelled() ? messages.getMessage("agenda.feeds.cancelled-title", new Object[] {e.title()}, locale) : e.title();
            element(x, "title", title);
            element(x, "updated", RFC3339.format(e.updatedAt()));
            link(x, "alternate", links.event(e.slug()), "text/html");
            x.writeStartElement("category");
            x.writeAttribute("term", e.type().code());
            x.writeAttribute("label", messages.getMessage("agenda.type." + e.type().name(), null, locale));
            x.writeEndElement();
            String when = views.brief(e, locale);
            element(x, "summary", summary(e, when, locale));
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        x.flush();
    }

    private String summary(FeedEntry e, String when, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(when);
        String where = EventCalendar.place(e.format(), e.city(), e.departement(), messages, locale);
        if (where != null) {
            parts.add(where);
        }
        parts.add(messages.getMessage("agenda.type." + e.type().name(), null, locale));
        if (e.cancelled()) {
            parts.add(messages.getMessage("agenda.status.CANCELLED", null, locale));
        }
        String head = String.join(" · ", parts);
        return e.summary() == null ? head : head + "\n\n" + e.summary();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }

    // ------------------------------------------------------------------ helpers

    static Writer writer(HttpServletResponse response) throws IOException {
        return writer(response.getOutputStream());
    }

    static Writer writer(java.io.OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 15);
    }

    static String etag(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
