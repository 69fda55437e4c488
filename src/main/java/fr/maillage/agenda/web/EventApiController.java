package fr.maillage.agenda.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaFilters;
import fr.maillage.agenda.AgendaQuery;
import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.OccurrenceRow;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.CodeLabel;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.web.ApiController;
import fr.maillage.shared.web.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public agenda as JSON: {@code GET /api/v1/events} (the dates of published events, with
 * the filters of {@code /agenda}) and {@code GET /api/v1/events/{slug}} (one event). Records out,
 * RFC 9457 ProblemDetail errors (a date that cannot be read is a 400 saying which and why).
 */
@ApiController
@Tag(name = "Agenda", description = "Les événements publiés du réseau et de ses membres")
class EventApiController {

    static final int MAX_SIZE = 100;

    private final AgendaSearch search;
    private final Agenda agenda;
    private final Reference reference;
    private final MessageSource messages;
    private final MaillageProperties properties;

    EventApiController(AgendaSearch search, Agenda agenda, Reference reference, MessageSource messages, MaillageProperties properties) {
        this.search = search;
        this.agenda = agenda;
        this.reference = reference;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Chercher des dates dans l'agenda",
            description = "Dates (occurrences) des événements publiés, dans l'ordre chronologique, à partir d'aujourd'hui par défaut. "
                    + "Un événement répété donne une ligne par date. Les événements annulés restent listés avec cancelled=true. "
                    + "Plusieurs valeurs d'un même filtre se combinent en OU (paramètre répété ou valeurs séparées par des virgules), "
                    + "les filtres entre eux en ET. Les mêmes paramètres filtrent /agenda, /agenda.ics et le widget.")
    @ApiResponse(responseCode = "200", description = "Une page de dates")
    @ApiResponse(responseCode = "400", description = "Paramètre invalide : date illisible, code inconnu... (ProblemDetail)")
    EventPage events(
            @Parameter(description = "Type d'événement (répétable) : formation, atelier, rencontre-regionale, agora, groupe-pays, "
                    + "festival, webinaire, assemblee-generale, autre") @RequestParam(required = false) List<String> type,
            @Parameter(description = "Thème, code (répétable) ; voir /api/v1/reference/themes") @RequestParam(required = false) List<String> theme,
            @Parameter(description = "Département du lieu, code INSEE (répétable) : 33, 2A, 971...") @RequestParam(required = false) List<String> dep,
            @Parameter(description = "Pays concerné, code ISO alpha-2 (répétable)") @RequestParam(required = false) List<String> pays,
            @Parameter(description = "Premier jour (AAAA-MM-JJ, heure de Paris) ; aujourd'hui par défaut") @RequestParam(required = false) String du,
            @Parameter(description = "Dernier jour inclus (AAAA-MM-JJ, heure de Paris)") @RequestParam(required = false) String au,
            @Parameter(description = "oui : en ligne et hybrides ; non : sur place et hybrides") @RequestParam(required = false) String enLigne,
            @Parameter(description = "Texte cherché dans le titre, le résumé et la ville (accents et casse ignorés)") @RequestParam(required = false) String q,
            @Parameter(description = "Page, à partir de 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "Taille de page, 1 à 100 (20 par défaut)") @RequestParam(required = false) Integer size,
            Locale locale) {
        if (page != null && (page < 1 || page > 10_000)) {
            throw ApiProblem.badRequest("page doit être compris entre 1 et 10000 (reçu : " + page + ")");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw ApiProblem.badRequest("size doit être compris entre 1 et " + MAX_SIZE + " (reçu : " + size + ")");
        }
        if (q != null && q.length() > AgendaFilters.MAX_TEXT) {
            throw ApiProblem.badRequest("q ne doit pas dépasser " + AgendaFilters.MAX_TEXT + " caractères");
        }
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        put(params, AgendaFilters.TYPE, type);
        put(params, AgendaFilters.THEME, theme);
        put(params, AgendaFilters.DEPARTEMENT, dep);
        put(params, AgendaFilters.COUNTRY, pays);
        put(params, AgendaFilters.FROM, du);
        put(params, AgendaFilters.TO, au);
        put(params, AgendaFilters.ONLINE, enLigne);
        put(params, AgendaFilters.TEXT, q);
        AgendaFilters filters = AgendaFilters.parseLists(params, reference::exists);
        if (!filters.problems().isEmpty()) {
            AgendaFilters.Problem p = filters.problems().get(0);
            throw ApiProblem.badRequest(p.parameter() + " : " + messages.getMessage(p.messageKey(), p.arguments(), Locale.FRENCH));
        }
        if (filters.reversed()) {
            // the parser swaps them for pages and feeds; a program asked for something else: say so
            throw ApiProblem.badRequest(AgendaFilters.TO + " : "
                    + messages.getMessage(AgendaFilters.ERROR_ORDER, new Object[] {au.strip(), AgendaFilters.TO}, Locale.FRENCH));
        }
        int n = size == null ? 20 : size;
        int pg = page == null ? 1 : page;
        LocalDate from = filters.from() != null ? filters.from() : LocalDate.now(AgendaSearch.PARIS);
        AgendaQuery query = filters.toQuery().between(from, filters.to());
        int total = search.count(query);
        List<EventItem> items = search.occurrences(query, (pg - 1) * n, n).stream().map(r -> item(r, locale)).toList();
        return new EventPage(items, total, pg, n);
    }

    @GetMapping("/api/v1/events/{slug}")
    @Operation(summary = "Un événement publié", description = "Contenu public de l'événement : dates (heure de Paris), lieu ou lien, "
            + "organisateurs, programme, inscription, documents et compte rendu ; codes avec leurs libellés dans la langue demandée (Accept-Language).")
    @ApiResponse(responseCode = "200", description = "L'événement")
    @ApiResponse(responseCode = "404", description = "Événement inconnu ou non publié (ProblemDetail)")
    EventResource event(@PathVariable String slug, Locale locale) {
        EventDetails e = agenda.find(slug).filter(EventDetails::isPublic)
                .orElseThrow(() -> ApiProblem.notFound("Aucun événement publié ne porte l'identifiant « " + slug + " »"));
        return resource(e, locale);
    }

    private static void put(MultiValueMap<String, String> params, String name, String value) {
        if (value != null) {
            params.add(name, value);
        }
    }

    private static void put(MultiValueMap<String, String> params, String name, List<String> values) {
        if (values != null) {
            params.put(name, values);
        }
    }

    // ------------------------------------------------------------------ records

    /** A page of dates. {@code page} counts from 1. */
    record EventPage(List<EventItem> items, long total, int page, int size) {
    }

    /** One date of an event. Times are offsets in Europe/Paris; {@code startDay}/{@code endDay} the days it covers there. */
    record EventItem(String slug, String title, CodeLabel type, String summary, OffsetDateTime startsAt, OffsetDateTime endsAt,
                     LocalDate startDay, LocalDate endDay, boolean allDay, String format, String venueName, String city,
                     CodeLabel departement, Double latitude, Double longitude, String registrationMode, boolean cancelled,
                     boolean repeating, String url) {
    }

    /** A published (or cancelled) event. {@code start}/{@code end}: its first date, wall-clock in {@code timeZone}. */
    record EventResource(String slug, String title, CodeLabel type, String status, String summary, String description, String url,
                         String icsUrl, boolean allDay, LocalDateTime start, LocalDateTime end, String timeZone, Repeat repeat,
                         List<Dates> dates, String format, Venue venue, String onlineUrl, List<Organiser> organisers,
                         List<CodeLabel> themes, List<CodeLabel> countries, String audience, boolean free, String price,
                         String accessibility, List<Document> documents, Registration registration, List<Session> sessions,
                         String report, List<Document> reportDocuments, String cancellationMessage, Instant updatedAt) {
    }

    record Repeat(String frequency, int interval, LocalDate until, Integer count, List<LocalDate> exceptions) {
    }

    record Dates(OffsetDateTime startsAt, OffsetDateTime endsAt, LocalDate startDay, LocalDate endDay) {
    }

    record Venue(String name, String street, String postalCode, String city, CodeLabel departement, Double latitude, Double longitude) {
    }

    record Organiser(String slug, String name, String url) {
    }

    record Document(String title, String url, String mediaType, Long sizeBytes) {
    }

    record Registration(String mode, String url, LocalDateTime deadline, Integer capacity, boolean waitingList) {
    }

    record Session(Long id, String title, String description, LocalDateTime start, LocalDateTime end, String room, String speakers,
                   Integer capacity) {
    }

    private EventItem item(OccurrenceRow r, Locale locale) {
        return new EventItem(r.slug(), r.title(), type(r.type(), locale), r.summary(), paris(r.startsAt()), paris(r.endsAt()),
                r.startDay(), r.endDay(), r.allDay(), r.format().name(), r.venueName(), r.city(),
                r.departement() == null ? null : new CodeLabel(r.departement(), reference.label(RefList.DEPARTEMENTS, r.departement(), locale)),
                r.latitude(), r.longitude(), r.registrationMode().name(), r.cancelled(), r.repeating(), base() + "/agenda/" + r.slug());
    }

    private EventResource resource(EventDetails e, Locale locale) {
        EventData d = e.data();
        String base = base();
        Repeat repeat = d.repeats() ? new Repeat(d.repeat().frequency().name(), Math.max(1, d.repeat().interval()), d.repeat().until(),
                d.repeat().count(), d.repeat().exceptions().stream().sorted().toList()) : null;
        Venue venue = d.format().hasVenue() ? new Venue(d.venueName(), d.street(), d.postalCode(), d.city(),
                e.departement() == null ? null : new CodeLabel(e.departement(), reference.label(RefList.DEPARTEMENTS, e.departement(), locale)),
                d.latitude(), d.longitude()) : null;
        EventData.RegistrationSettings r = d.registration();
        return new EventResource(e.slug(), d.title(), type(d.type(), locale), e.status().name(), d.summary(), d.description(),
                base + "/agenda/" + e.slug(), base + "/agenda/" + e.slug() + ".ics", d.allDay(), d.start(), d.end(), "Europe/Paris",
                repeat, e.occurrences().stream().map(o -> new Dates(paris(o.startsAt()), paris(o.endsAt()), o.startDay(), o.endDay())).toList(),
                d.format().name(), venue, d.format().hasLink() ? d.onlineUrl() : null,
                e.organisations().stream().filter(o -> o.published())
                        .map(o -> new Organiser(o.slug(), o.displayName(), base + "/acteurs/" + o.slug())).toList(),
                d.themes().stream().sorted().map(t -> new CodeLabel(t, reference.label(RefList.THEMES, t, locale))).toList(),
                d.countries().stream().sorted().map(c -> new CodeLabel(c, reference.label(RefList.COUNTRIES, c, locale))).toList(),
                d.audience(), d.free(), d.price(), d.accessibility(),
                d.documents().stream().filter(doc -> !doc.afterEvent()).map(doc -> document(doc, base)).toList(),
                new Registration(r.mode().name(), r.url(), r.deadline(), r.capacity(), r.waitingList()),
                d.sessions().stream().map(s -> new Session(s.id(), s.title(), s.description(), s.start(), s.end(), s.room(), s.speakers(),
                        s.capacity())).toList(),
                e.report(), d.documents().stream().filter(EventData.DocumentData::afterEvent).map(doc -> document(doc, base)).toList(),
                e.isCancelled() ? e.moderationMessage() : null, e.updatedAt());
    }

    private static Document document(EventData.DocumentData doc, String base) {
        return new Document(doc.title(), doc.fileKey() != null ? base + "/fichiers/" + doc.fileKey() : doc.url(), doc.mediaType(), doc.sizeBytes());
    }

    private CodeLabel type(fr.maillage.agenda.EventType t, Locale locale) {
        return new CodeLabel(t.code(), messages.getMessage("agenda.type." + t.name(), null, t.name(), locale));
    }

    private static OffsetDateTime paris(Instant instant) {
        return instant.atZone(AgendaSearch.PARIS).toOffsetDateTime();
    }

    private String base() {
        return properties.baseUrl() == null ? "" : properties.baseUrl().replaceAll("/+$", "");
    }
}
