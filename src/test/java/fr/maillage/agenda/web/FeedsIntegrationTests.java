package fr.maillage.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.Occurrence;
import fr.maillage.directory.Directory;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.support.TestEvents;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The agenda's feeds as a calendar program and a feed reader get them: every iCalendar feed read
 * back with iCal4j (events, times across the daylight-saving change, repetition, filters, the
 * cancelled status), conditional requests, the Atom feed parsed as XML, and the widget's framing
 * headers compared with every other page's.
 */
@SpringBootTest
@ActiveProfiles("test")
class FeedsIntegrationTests {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    WebApplicationContext context;

    @Autowired
    Agenda agenda;

    @Autowired
    Directory directory;

    @Autowired
    MaillageProperties properties;

    MockMvc mvc;
    final TestPerson staff = TestStructures.staff("Chargée d’agenda");
    String tag;
    String base;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        base = properties.baseUrl();
        tag = "Zq" + Long.toString(TestStructures.newPersonId(), 36);
    }

    @Test
    void theWholeAgendaFeedHoldsEveryOccurrenceInParisTimeAcrossTheDaylightSavingChange() throws Exception {
        // a weekly country group at 18:00, across the change to summer time (28 March 2027), one week skipped
        TestEvents group = TestEvents.meeting("Groupe pays Mali " + tag, LocalDateTime.of(2027, 3, 11, 18, 0))
                .end(LocalDateTime.of(2027, 3, 11, 20, 0)).type(EventType.COUNTRY_GROUP)
                .weekly(1, LocalDate.of(2027, 4, 15), LocalDate.of(2027, 3, 25));
        group.countries.add("ML");
        long groupId = agenda.create(group.build(), staff);
        long trainingId = agenda.create(TestEvents.meeting("Formation montage de projet " + tag, LocalDateTime.of(2027, 3, 30, 9, 30))
                .end(LocalDateTime.of(2027, 3, 30, 17, 0)).type(EventType.TRAINING).build(), staff);

        MockHttpServletResponse response = mvc.perform(get("/agenda.ics").param("q", tag).param("du", "2027-03-01").param("au", "2027-04-30"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.parseMediaType("text/calendar"))).isTrue();
        assertThat(response.getContentType()).containsIgnoringCase("charset=utf-8");
        assertThat(response.getHeader("Cache-Control")).contains("public").contains("max-age=900");
        assertThat(response.getHeader("ETag")).isNotBlank();
        assertThat(response.getHeader("Last-Modified")).isNotBlank();

        Calendar calendar = parse(response);
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        Map<String, VEvent> byUid = new TreeMap<>();
        events.forEach(e -> byUid.put(e.getUid().orElseThrow().getValue(), e));
        assertThat(byUid.keySet()).containsExactlyInAnyOrder(
                "event-" + groupId + "-20270311@localhost", "event-" + groupId + "-20270318@localhost",
                "event-" + groupId + "-20270401@localhost", "event-" + groupId + "-20270408@localhost",
                "event-" + groupId + "-20270415@localhost", "event-" + trainingId + "@localhost");
        // 18:00 in Paris is 17:00 UTC in winter and 16:00 UTC in summer
        assertThat(start(byUid.get("event-" + groupId + "-20270318@localhost"))).isEqualTo(Instant.parse("2027-03-18T17:00:00Z"));
        assertThat(start(byUid.get("event-" + groupId + "-20270401@localhost"))).isEqualTo(Instant.parse("2027-04-01T16:00:00Z"));
        assertThat(end(byUid.get("event-" + groupId + "-20270401@localhost"))).isEqualTo(Instant.parse("2027-04-01T18:00:00Z"));
        assertThat(start(byUid.get("event-" + trainingId + "@localhost"))).isEqualTo(Instant.parse("2027-03-30T07:30:00Z"));

        VEvent training = byUid.get("event-" + trainingId + "@localhost");
        EventDetails t = agenda.find(trainingId).orElseThrow();
        assertThat(training.getSummary().getValue()).isEqualTo("Formation montage de projet " + tag);
        assertThat(value(training, Property.URL)).isEqualTo(base + "/agenda/" + t.slug());
        assertThat(training.getLocation().getValue()).isEqualTo("Maison des associations, 12 rue du Palais, 33000 Bordeaux");
        assertThat(value(training, Property.GEO)).isEqualTo("44.8378;-0.5792");
        assertThat(training.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(value(training, Property.CATEGORIES)).isEqualTo("Formation,Eau\\, assainissement\\, hygiène");
        assertThat(value(training, Property.DTSTAMP)).isNotBlank();
        assertThat(value(training, Property.LAST_MODIFIED)).isNotBlank();
        assertThat(training.getDescription().getValue()).contains("Une rencontre des acteurs").endsWith("/agenda/" + t.slug());
        assertThat(value(byUid.get("event-" + groupId + "-20270311@localhost"), Property.CATEGORIES)).startsWith("Groupe pays");
    }

    @Test
    void filteredFeedsHoldWhatTheFilteredAgendaShowsAndCancelledEventsAreMarked() throws Exception {
        long training = agenda.create(TestEvents.meeting("Formation " + tag, LocalDateTime.of(2027, 5, 4, 9, 0))
                .type(EventType.TRAINING).build(), staff);
        TestEvents pau = TestEvents.meeting("Atelier à Pau " + tag, LocalDateTime.of(2027, 5, 5, 14, 0)).type(EventType.WORKSHOP);
        pau.postalCode = "64000";
        pau.city = "Pau";
        pau.themes.clear();
        pau.themes.add("sante");
        pau.countries.clear();
        pau.countries.add("BF");
        long workshop = agenda.create(pau.build(), staff);
        long webinar = agenda.create(TestEvents.meeting("Webinaire " + tag, LocalDateTime.of(2027, 5, 6, 12, 0))
                .type(EventType.WEBINAR).online("https://visio.exemple.org/secret").build(), staff);
        long cancelled = agenda.create(TestEvents.meeting("Rencontre annulée " + tag, LocalDateTime.of(2027, 5, 7, 9, 0)).build(), staff);
        agenda.cancel(cancelled, "Salle indisponible", staff);
        TestPerson member = TestStructures.member("Proposeuse");
        long org = TestStructures.association(directory, member, "Association " + tag);
        long pending = agenda.create(TestEvents.meeting("En attente " + tag, LocalDateTime.of(2027, 5, 8, 9, 0)).organisedBy(org).build(), member);

        assertThat(uids("/agenda.ics?q=" + tag)).containsExactlyInAnyOrder(uid(training), uid(workshop), uid(webinar), uid(cancelled));
        assertThat(uids("/agenda.ics?q=" + tag + "&type=formation")).containsExactly(uid(training));
        assertThat(uids("/agenda.ics?q=" + tag + "&type=formation,atelier")).containsExactlyInAnyOrder(uid(training), uid(workshop));
        assertThat(uids("/agenda.ics?q=" + tag + "&dep=64")).containsExactly(uid(workshop));
        assertThat(uids("/agenda.ics?q=" + tag + "&theme=sante")).containsExactly(uid(workshop));
        assertThat(uids("/agenda.ics?q=" + tag + "&pays=bf")).containsExactly(uid(workshop));
        assertThat(uids("/agenda.ics?q=" + tag + "&enLigne=oui")).containsExactly(uid(webinar));
        assertThat(uids("/agenda.ics?q=" + tag + "&du=2027-05-06&au=2027-05-06")).containsExactly(uid(webinar));
        // unknown values are ignored, not an error
        assertThat(uids("/agenda.ics?q=" + tag + "&type=concert&du=2027-13-45")).hasSize(4);
        assertThat(uids("/agenda.ics?q=" + tag + "&theme=jardinage&dep=99&pays=XX&enLigne=peut-etre")).hasSize(4);
        assertThat(uids("/agenda.ics?q=" + tag + "&theme=jardinage,sante")).containsExactly(uid(workshop));
        // days in the wrong order are the period between them
        assertThat(uids("/agenda.ics?q=" + tag + "&du=2027-05-06&au=2027-05-04")).containsExactlyInAnyOrder(uid(training), uid(workshop), uid(webinar));

        Calendar all = parse(mvc.perform(get("/agenda.ics").param("q", tag)).andReturn().getResponse());
        VEvent off = event(all, uid(cancelled));
        assertThat(off.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(off.getSummary().getValue()).isEqualTo("Annulé\u00a0: Rencontre annulée " + tag);
        VEvent online = event(all, uid(webinar));
        assertThat(online.getLocation().getValue()).isEqualTo("En ligne");
        assertThat(all.toString()).doesNotContain("visio.exemple.org/secret").doesNotContain("En attente " + tag);
        assertThat(value(event(all, uid(workshop)), Property.CATEGORIES)).isEqualTo("Atelier collectif,Santé");

        // the pending event is nobody's business but its organisers' and staff's
        String pendingSlug = agenda.find(pending).orElseThrow().slug();
        mvc.perform(get("/agenda/" + pendingSlug + ".ics")).andExpect(status().isNotFound());

        // English labels for an English reader
        Calendar en = parse(mvc.perform(get("/agenda.ics").param("q", tag).param("type", "atelier").header("Accept-Language", "en"))
                .andReturn().getResponse());
        assertThat(value(event(en, uid(workshop)), Property.CATEGORIES)).isEqualTo("Collective workshop,Health");
    }

    @Test
    void theFeedCoversThreeMonthsBackToEighteenMonthsAheadByDefault() throws Exception {
        LocalDate today = LocalDate.now(PARIS);
        long recent = agenda.create(TestEvents.meeting("Passé récent " + tag, today.minusMonths(2).atTime(10, 0)).build(), staff);
        long old = agenda.create(TestEvents.meeting("Passé ancien " + tag, today.minusMonths(4).atTime(10, 0)).build(), staff);
        long soon = agenda.create(TestEvents.meeting("Bientôt " + tag, today.plusMonths(17).atTime(10, 0)).build(), staff);
        long far = agenda.create(TestEvents.meeting("Lointain " + tag, today.plusMonths(19).atTime(10, 0)).build(), staff);

        assertThat(uids("/agenda.ics?q=" + tag)).containsExactlyInAnyOrder(uid(recent), uid(soon));
        assertThat(uids("/agenda.ics?q=" + tag + "&du=" + today.minusYears(1) + "&au=" + today.plusYears(2)))
                .containsExactlyInAnyOrder(uid(recent), uid(old), uid(soon), uid(far));
    }

    @Test
    void oneEventsFeedWritesItsRepetitionAsARuleThatExpandsToTheSameOccurrences() throws Exception {
        // monthly on the 31st (months without one are skipped), then weekly with an exception across the autumn change
        long monthly = agenda.create(TestEvents.meeting("Permanence mensuelle " + tag, LocalDateTime.of(2027, 1, 31, 18, 30))
                .end(LocalDateTime.of(2027, 1, 31, 20, 0)).type(EventType.COUNTRY_GROUP).monthly(1, 6).build(), staff);
        long weekly = agenda.create(TestEvents.meeting("Atelier hebdomadaire " + tag, LocalDateTime.of(2027, 10, 14, 18, 0))
                .end(LocalDateTime.of(2027, 10, 14, 19, 30)).type(EventType.WORKSHOP)
                .weekly(1, LocalDate.of(2027, 11, 25), LocalDate.of(2027, 11, 11)).build(), staff);
        TestEvents festival = TestEvents.meeting("Festival des solidarités " + tag, LocalDateTime.of(2027, 11, 13, 0, 0))
                .end(LocalDateTime.of(2027, 11, 21, 0, 0)).type(EventType.FESTIVAL);
        festival.allDay = true;
        long festivalId = agenda.create(festival.build(), staff);

        for (long id : List.of(monthly, weekly)) {
            EventDetails e = agenda.find(id).orElseThrow();
            MockHttpServletResponse response = mvc.perform(get("/agenda/" + e.slug() + ".ics")).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getContentType()).startsWith("text/calendar");
            Calendar calendar = parse(response);
            calendar.validate();
            List<VEvent> events = calendar.getComponents(Component.VEVENT);
            assertThat(events).hasSize(1);
            VEvent v = events.get(0);
            assertThat(v.getUid().orElseThrow().getValue()).isEqualTo("event-" + id + "@localhost");
            assertThat(value(v, Property.RRULE)).isNotBlank();
            List<Instant> expanded = new ArrayList<>(v.calculateRecurrenceSet(new Period<Temporal>(
                    ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, PARIS), ZonedDateTime.of(2030, 1, 1, 0, 0, 0, 0, PARIS)))
                    .stream().map(p -> Instant.from(p.getStart())).sorted().toList());
            assertThat(expanded).as("iCal4j's expansion of %s", e.title())
                    .containsExactlyElementsOf(e.occurrences().stream().map(Occurrence::startsAt).toList());
        }
        EventDetails w = agenda.find(weekly).orElseThrow();
        assertThat(w.occurrences()).extracting(Occurrence::startsAt)
                .contains(Instant.parse("2027-10-28T16:00:00Z"), Instant.parse("2027-11-04T17:00:00Z"))
                .doesNotContain(Instant.parse("2027-11-11T17:00:00Z"));
        assertThat(agenda.find(monthly).orElseThrow().occurrences()).extracting(o -> o.startDay().getMonthValue())
                .containsExactly(1, 3, 5, 7, 8, 10);

        // all-day over several days: dates, the end exclusive
        EventDetails f = agenda.find(festivalId).orElseThrow();
        VEvent fv = (VEvent) parse(mvc.perform(get("/agenda/" + f.slug() + ".ics")).andReturn().getResponse())
                .getComponents(Component.VEVENT).get(0);
        assertThat(fv.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 11, 13));
        assertThat(fv.getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 11, 22));

        // cancelled: the same UID, a higher SEQUENCE, STATUS:CANCELLED
        int before = Integer.parseInt(valueOr(event(parse(mvc.perform(get("/agenda/" + w.slug() + ".ics")).andReturn().getResponse()),
                "event-" + weekly + "@localhost"), Property.SEQUENCE, "0"));
        agenda.cancel(weekly, null, staff);
        VEvent off = event(parse(mvc.perform(get("/agenda/" + w.slug() + ".ics")).andReturn().getResponse()), "event-" + weekly + "@localhost");
        assertThat(off.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(valueOr(off, Property.SEQUENCE, "0"))).isGreaterThan(before);

        mvc.perform(get("/agenda/nexiste-pas-" + tag + ".ics")).andExpect(status().isNotFound());
    }

    @Test
    void aStructuresFeedHoldsItsEventsOnly() throws Exception {
        TestPerson member = TestStructures.member("Organisatrice");
        long org = TestStructures.association(directory, member, "Cités Unies " + tag);
        String slug = directory.ref(org).orElseThrow().slug();
        long ours = agenda.create(TestEvents.inDays("Notre atelier " + tag, 20).organisedBy(org).build(), staff);
        agenda.create(TestEvents.inDays("Un autre atelier " + tag, 21).build(), staff);

        MockHttpServletResponse response = mvc.perform(get("/acteurs/" + slug + "/agenda.ics")).andExpect(status().isOk()).andReturn().getResponse();
        Calendar calendar = parse(response);
        assertThat(calendar.getComponents(Component.VEVENT)).extracting(c -> ((VEvent) c).getUid().orElseThrow().getValue())
                .containsExactly(uid(ours));
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).contains("Cités Unies " + tag);
        mvc.perform(get("/acteurs/nexiste-pas-" + tag + "/agenda.ics")).andExpect(status().isNotFound());
    }

    @Test
    void feedsAnswerConditionalRequestsWithoutBodyUntilTheAgendaChanges() throws Exception {
        long id = agenda.create(TestEvents.inDays("Conditionnel " + tag, 10).build(), staff);
        MockHttpServletResponse first = mvc.perform(get("/agenda.ics").param("q", tag)).andExpect(status().isOk()).andReturn().getResponse();
        String etag = first.getHeader("ETag");

        MockHttpServletResponse again = mvc.perform(get("/agenda.ics").param("q", tag).header("If-None-Match", etag))
                .andExpect(status().isNotModified()).andReturn().getResponse();
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        mvc.perform(get("/agenda.ics").param("q", tag).header("If-Modified-Since", first.getHeader("Last-Modified")))
                .andExpect(status().isNotModified());
        // another filter is another feed
        mvc.perform(get("/agenda.ics").param("q", tag).param("type", "formation").header("If-None-Match", etag)).andExpect(status().isOk());

        // written once, then the same bytes for every subscriber until the agenda changes
        byte[] second = mvc.perform(get("/agenda.ics").param("q", tag)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(second).isEqualTo(first.getContentAsByteArray());

        agenda.cancel(id, "Reporté", staff);
        MockHttpServletResponse changed = mvc.perform(get("/agenda.ics").param("q", tag).header("If-None-Match", etag))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(changed.getContentAsString(StandardCharsets.UTF_8)).contains("STATUS:CANCELLED");

        String slug = agenda.find(id).orElseThrow().slug();
        String eventTag = mvc.perform(get("/agenda/" + slug + ".ics")).andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/agenda/" + slug + ".ics").header("If-None-Match", eventTag)).andExpect(status().isNotModified());
    }

    @Test
    void theAtomFeedListsTheNextOccurrencesWithFrenchDates() throws Exception {
        long training = agenda.create(TestEvents.meeting("Formation ECSI " + tag, LocalDateTime.of(2027, 4, 8, 9, 30))
                .end(LocalDateTime.of(2027, 4, 8, 17, 0)).type(EventType.TRAINING).build(), staff);
        TestEvents group = TestEvents.meeting("Groupe pays Sénégal " + tag, LocalDateTime.of(2027, 6, 1, 18, 0))
                .end(LocalDateTime.of(2027, 6, 1, 20, 0)).type(EventType.COUNTRY_GROUP).monthly(1, 2);
        long groupId = agenda.create(group.build(), staff);
        agenda.create(TestEvents.meeting("Déjà passé " + tag, LocalDateTime.of(2026, 10, 1, 9, 0)).build(), staff);

        MockHttpServletResponse response = mvc.perform(get("/agenda.atom").param("q", tag)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getContentAsByteArray()));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getAttribute("xml:lang")).isEqualTo("fr");
        assertThat(child(feed, "id").getTextContent()).startsWith("tag:localhost,2026:agenda");
        assertThat(Instant.parse(child(feed, "updated").getTextContent())).isNotNull();
        assertThat(child(feed, "title").getTextContent()).contains("Prochains événements");
        assertThat(child(child(feed, "author"), "name").getTextContent()).isNotBlank();
        List<String> rels = new ArrayList<>();
        NodeList links = feed.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element l = (Element) links.item(i);
            if (l.getParentNode() == feed) {
                rels.add(l.getAttribute("rel") + " " + l.getAttribute("href"));
            }
        }
        assertThat(rels).contains("self " + base + "/agenda.atom?q=" + tag, "alternate " + base + "/agenda?q=" + tag);

        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).as("the training and two occurrences of the group, not the past event").isEqualTo(3);
        Element first = (Element) entries.item(0);
        EventDetails t = agenda.find(training).orElseThrow();
        assertThat(child(first, "title").getTextContent()).isEqualTo("Formation ECSI " + tag);
        assertThat(child(first, "id").getTextContent()).isEqualTo("tag:localhost,2026:event-" + training);
        assertThat(((Element) first.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .isEqualTo(base + "/agenda/" + t.slug());
        assertThat(Instant.parse(child(first, "updated").getTextContent())).isNotNull();
        assertThat(child(first, "summary").getTextContent())
                .startsWith("jeudi 8 avril 2027, 9\u00a0h\u00a030 – 17\u00a0h · Bordeaux (33) · Formation")
                .contains("Une rencontre des acteurs");
        assertThat(((Element) first.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term")).isEqualTo("formation");
        assertThat(child((Element) entries.item(1), "summary").getTextContent()).startsWith("mardi 1er juin 2027, 18\u00a0h – 20\u00a0h");
        assertThat(child((Element) entries.item(2), "id").getTextContent()).isEqualTo("tag:localhost,2026:event-" + groupId + ":2027-07-01");

        String english = mvc.perform(get("/agenda.atom").param("q", tag).param("limit", "1").header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Thursday 8 April 2027, 09:30–17:00").contains("xml:lang=\"en\"").doesNotContain("Sénégal");
    }

    @Test
    void onlyTheWidgetMayBeFramedByOtherSites() throws Exception {
        MockHttpServletResponse widget = mvc.perform(get("/agenda/widget")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(widget.getHeader("Content-Security-Policy")).contains("frame-ancestors *").doesNotContain("frame-ancestors 'none'")
                .contains("default-src 'self'").contains("script-src 'self'");
        assertThat(widget.getHeader("X-Frame-Options")).isNull();

        for (String path : List.of("/agenda/partager", "/agenda.ics", "/formations", "/connexion", "/agenda/widget/autre")) {
            MockHttpServletResponse other = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(other.getHeader("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(other.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void theWidgetShowsTheNextEventsWithLinksThatOpenANewTab() throws Exception {
        long first = agenda.create(TestEvents.inDays("Atelier du widget " + tag, 3).type(EventType.WORKSHOP).build(), staff);
        for (int i = 0; i < 6; i++) {
            agenda.create(TestEvents.inDays("Rencontre du widget " + i + " " + tag, 10 + i).build(), staff);
        }
        String slug = agenda.find(first).orElseThrow().slug();
        String html = mvc.perform(get("/agenda/widget").param("q", tag).param("apparence", "sombre").param("titre", "Nos rendez-vous"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Nos rendez-vous").contains("widget-dark")
                .contains("href=\"/agenda/" + slug + "\" target=\"_blank\" rel=\"noopener\"")
                .contains("Atelier collectif").contains("Bordeaux (33)")
                .doesNotContain("site-header").doesNotContain("<script");
        assertThat(html.split("class=\"widget-item")).hasSize(6); // five items by default
        String seven = mvc.perform(get("/agenda/widget").param("q", tag).param("limit", "50")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(seven.split("class=\"widget-item")).hasSize(8);
        String none = mvc.perform(get("/agenda/widget").param("q", "rien " + tag)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("Aucun événement à venir pour ces critères.");
    }

    @Test
    void theSharePageBuildsTheSnippetAndTheFeedAddressesOfAFilteredView() throws Exception {
        String html = mvc.perform(get("/agenda/partager").param("type", "formation").param("dep", "33").param("limit", "3")
                        .param("titre", "Formations en Gironde"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Partager l’agenda")
                .contains("&lt;iframe src=&quot;http://localhost/agenda/widget?type=formation&amp;amp;dep=33&amp;amp;limit=3&amp;amp;titre=Formations%20en%20Gironde&quot;")
                .contains("value=\"http://localhost/agenda.ics?type=formation&amp;dep=33\"")
                .contains("value=\"webcal://localhost/agenda.ics?type=formation&amp;dep=33\"")
                .contains("value=\"http://localhost/agenda.atom?type=formation&amp;dep=33\"")
                .contains("src=\"/agenda/widget?type=formation&amp;dep=33&amp;limit=3&amp;titre=Formations%20en%20Gironde\"")
                .contains("id=\"type-formation\" value=\"formation\" aria-describedby=\"types-help\" checked=\"checked\"");;
        // what the address held that could not be read is named, and left out of the addresses
        String bad = mvc.perform(get("/agenda/partager").param("type", "formation,concert").param("du", "demain"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("Certains critères de l’adresse n’ont pas été compris")
                .contains("type d’événement inconnu\u00a0: concert").contains("date non comprise\u00a0: demain")
                .contains("value=\"http://localhost/agenda.ics?type=formation\"");
    }

    // ------------------------------------------------------------------ helpers

    static String uid(long id) {
        return "event-" + id + "@localhost";
    }

    List<String> uids(String url) throws Exception {
        Calendar c = parse(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse());
        return c.getComponents(Component.VEVENT).stream().map(v -> ((VEvent) v).getUid().orElseThrow().getValue()).toList();
    }

    static Calendar parse(MockHttpServletResponse response) throws Exception {
        return new CalendarBuilder().build(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)));
    }

    static VEvent event(Calendar c, String uid) {
        return c.<VEvent>getComponents(Component.VEVENT).stream().filter(v -> v.getUid().orElseThrow().getValue().equals(uid))
                .findFirst().orElseThrow(() -> new AssertionError("no VEVENT " + uid));
    }

    static Instant start(VEvent e) {
        return Instant.from(e.getStartDate().orElseThrow().getDate());
    }

    static Instant end(VEvent e) {
        return Instant.from(e.getEndDate().orElseThrow().getDate());
    }

    static String value(VEvent e, String property) {
        return e.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
    }

    static String valueOr(VEvent e, String property, String fallback) {
        return e.getProperty(property).map(p -> p.getValue()).orElse(fallback);
    }

    static Element child(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }
}
