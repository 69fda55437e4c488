package fr.maillage.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.EventType;
import fr.maillage.directory.Directory;
import fr.maillage.support.TestEvents;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The public agenda as a visitor reads it: the list grouped by day with French dates, the month
 * grid (multi-day events on every day they cover, daylight-saving changes, today, previous and
 * next months), the map with the online events beside it, the filters of the URL, htmx partial
 * answers, cancelled events struck through, and the home page's "À venir".
 */
@SpringBootTest
@ActiveProfiles("test")
class AgendaPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Agenda agenda;

    @Autowired
    Directory directory;

    MockMvc mvc;
    final TestPerson staff = TestStructures.staff("Chargée de l’agenda");
    String tag;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        tag = "Zq" + Long.toString(TestStructures.newPersonId(), 36);
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theListGroupsTheDatesByDayInFrenchAndStrikesCancelledEventsThrough() throws Exception {
        agenda.create(TestEvents.meeting("Formation montage de projets " + tag, LocalDateTime.of(2031, 3, 14, 9, 30))
                .end(LocalDateTime.of(2031, 3, 14, 17, 0)).type(EventType.TRAINING).build(), staff);
        long cancelled = agenda.create(TestEvents.meeting("Atelier annulé " + tag, LocalDateTime.of(2031, 3, 15, 14, 0))
                .type(EventType.WORKSHOP).build(), staff);
        agenda.cancel(cancelled, "Reporté à l’automne", staff);
        TestEvents festival = TestEvents.meeting("Festisol " + tag, LocalDateTime.of(2031, 11, 14, 0, 0)).type(EventType.FESTIVAL);
        festival.allDay = true;
        festival.end = LocalDateTime.of(2031, 11, 23, 0, 0);
        agenda.create(festival.build(), staff);

        String html = page(get("/agenda").param("q", tag).param("du", "2031-03-01"));
        assertThat(html).contains("<h1>Agenda</h1>").contains("3 dates")
                .contains("vendredi 14 mars 2031").contains("samedi 15 mars 2031")
                .contains("9\u00a0h\u00a030 – 17\u00a0h")
                .contains("Formation montage de projets " + tag)
                .contains("du vendredi 14 au dimanche 23 novembre 2031");
        assertThat(html).containsPattern("<s>Atelier annulé " + tag + "</s>\\s*</a>\\s*<span class=\"badge badge-cancelled\">Annulé</span>");
        assertThat(html.indexOf("vendredi 14 mars 2031")).isLessThan(html.indexOf("samedi 15 mars 2031"));
        // the navigation has the agenda, marked as the current page
        assertThat(html).containsPattern("<a href=\"/agenda\" aria-current=\"page\">Agenda</a>");

        // the default list starts today: nothing of 2030 or before
        assertThat(page(get("/agenda").param("q", tag))).contains("à partir d’aujourd’hui").contains("Formation montage de projets " + tag);
        // in English
        String en = page(get("/agenda").param("q", tag).param("du", "2031-03-01").header("Accept-Language", "en"));
        assertThat(en).contains("Friday 14 March 2031").contains("from Friday 14 to Sunday 23 November 2031").contains("Cancelled")
                .contains("09:30–17:00");
    }

    @Test
    void everyFilterOfTheUrlNarrowsTheListAndAnHtmxRequestGetsTheResultsOnly() throws Exception {
        TestEvents pau = TestEvents.meeting("Groupe pays Mali " + tag, LocalDateTime.of(2031, 5, 8, 18, 0)).type(EventType.COUNTRY_GROUP);
        pau.postalCode = "64000";
        pau.city = "Pau";
        pau.countries = new java.util.LinkedHashSet<>(java.util.List.of("ML"));
        pau.themes = new java.util.LinkedHashSet<>(java.util.List.of("sante"));
        agenda.create(pau.build(), staff);
        agenda.create(TestEvents.meeting("Webinaire eau " + tag, LocalDateTime.of(2031, 5, 9, 12, 0)).type(EventType.WEBINAR)
                .online("https://visio.exemple.org/eau").build(), staff);
        agenda.create(TestEvents.meeting("Rencontre Bordeaux " + tag, LocalDateTime.of(2031, 6, 9, 9, 0)).build(), staff);

        String base = "/agenda?du=2031-05-01&q=" + tag;
        assertThat(page(get(base + "&type=groupe-pays"))).contains("Groupe pays Mali " + tag).doesNotContain("Webinaire eau " + tag)
                .doesNotContain("Rencontre Bordeaux " + tag);
        assertThat(page(get(base + "&theme=sante"))).contains("Groupe pays Mali " + tag).doesNotContain("Rencontre Bordeaux " + tag);
        assertThat(page(get(base + "&dep=64"))).contains("Groupe pays Mali " + tag).doesNotContain("Rencontre Bordeaux " + tag);
        assertThat(page(get(base + "&pays=ml"))).contains("Groupe pays Mali " + tag).doesNotContain("Webinaire eau " + tag);
        assertThat(page(get(base + "&enLigne=oui"))).contains("Webinaire eau " + tag).doesNotContain("Groupe pays Mali " + tag);
        assertThat(page(get(base + "&enLigne=non"))).doesNotContain("Webinaire eau " + tag).contains("Rencontre Bordeaux " + tag);
        assertThat(page(get(base + "&au=2031-05-31"))).contains("Webinaire eau " + tag).doesNotContain("Rencontre Bordeaux " + tag);
        assertThat(page(get(base + "&type=webinaire,groupe-pays"))).contains("Webinaire eau " + tag).contains("Groupe pays Mali " + tag)
                .doesNotContain("Rencontre Bordeaux " + tag);
        // the active filters show, each with a link that removes it (a shareable URL)
        String filtered = page(get(base + "&type=groupe-pays&dep=64"));
        assertThat(filtered).contains("class=\"chip\"").contains("Groupe pays").contains("64 – Pyrénées-Atlantiques")
                .contains("href=\"/agenda?dep=64&amp;du=2031-05-01&amp;q=" + tag + "\"");

        // what cannot be understood is said and ignored, never a 500
        String bad = page(get("/agenda?du=demain&type=conference&enLigne=peut-etre&q=" + tag));
        assertThat(bad).contains("date non comprise\u00a0: demain").contains("type d’événement inconnu\u00a0: conference")
                .contains("valeur non comprise pour le format\u00a0: peut-etre")
                .contains("value=\"demain\"");
        // codes are checked against the reference lists, each unknown one named
        assertThat(page(get(base + "&theme=jardinage&theme=sante&pays=XX"))).contains("thème inconnu\u00a0: jardinage")
                .contains("pays inconnu\u00a0: XX").contains("Groupe pays Mali " + tag).doesNotContain("Rencontre Bordeaux " + tag);
        // days in the wrong order: the period between them, nothing to complain about
        String swapped = page(get("/agenda?du=2031-05-31&au=2031-05-01&q=" + tag));
        assertThat(swapped).contains("Webinaire eau " + tag).doesNotContain("Rencontre Bordeaux " + tag)
                .doesNotContain("n’ont pas été compris").contains("value=\"2031-05-01\"").contains("value=\"2031-05-31\"");

        // htmx asks for the results only
        String partial = page(get(base + "&type=groupe-pays").header("HX-Request", "true"));
        assertThat(partial).doesNotContain("<html").doesNotContain("<form").contains("Groupe pays Mali " + tag).contains("agenda-results");
    }

    @Test
    void theMonthGridShowsMultiDayEventsOnEveryDayTheyCoverAndKeepsWallClockTimesAcrossDaylightSaving() throws Exception {
        TestEvents seminar = TestEvents.meeting("Séminaire résidentiel " + tag, LocalDateTime.of(2031, 3, 30, 0, 0)).type(EventType.TRAINING);
        seminar.allDay = true;
        seminar.end = LocalDateTime.of(2031, 4, 2, 0, 0);
        agenda.create(seminar.build(), staff);
        // a weekly meeting at 18:00 on Thursdays, across the change to summer time (Sunday 30 March 2031)
        agenda.create(TestEvents.meeting("Permanence du jeudi " + tag, LocalDateTime.of(2031, 3, 20, 18, 0))
                .end(LocalDateTime.of(2031, 3, 20, 20, 0)).type(EventType.OTHER)
                .weekly(1, LocalDate.of(2031, 4, 10), LocalDate.of(2031, 4, 3)).build(), staff);
        long evening = agenda.create(TestEvents.meeting("Soirée débat " + tag, LocalDateTime.of(2031, 3, 12, 20, 0))
                .end(LocalDateTime.of(2031, 3, 13, 1, 0)).type(EventType.OTHER).build(), staff);
        agenda.cancel(evening, null, staff);

        String html = page(get("/agenda").param("vue", "mois").param("mois", "2031-03").param("q", tag));
        assertThat(html).contains("<h2 class=\"month-title\" aria-live=\"polite\">mars 2031</h2>")
                .contains("mois=2031-02").contains("mois=2031-04").contains("février 2031").contains("avril 2031");
        // Monday first: the grid starts on Monday 24 February and ends on Sunday 6 April
        assertThat(html.indexOf("lundi 24 février")).isPositive().isLessThan(html.indexOf("samedi 1er mars"));
        assertThat(html).contains("dimanche 6 avril").doesNotContain("lundi 7 avril");
        // the seminar on each of its four days (two of them in the grid's last week, out of the month)
        assertThat(count(html, "Séminaire résidentiel " + tag)).isEqualTo(4);
        // the weekly meeting: 20 and 27 March at 18:00 (winter time), 10 April at 18:00 (summer time); 3 April excepted
        assertThat(count(html, "Permanence du jeudi " + tag)).isEqualTo(2);
        assertThat(dayCell(html, "jeudi 27 mars")).contains("18\u00a0h – 20\u00a0h").contains("Permanence du jeudi " + tag);
        assertThat(dayCell(html, "jeudi 3 avril")).doesNotContain("Permanence du jeudi " + tag);
        String april = page(get("/agenda").param("vue", "mois").param("mois", "2031-04").param("q", tag));
        assertThat(dayCell(april, "jeudi 10 avril")).contains("18\u00a0h – 20\u00a0h");
        // an evening across midnight: on both days, cancelled and struck through
        assertThat(dayCell(html, "mercredi 12 mars")).contains("Dès 20\u00a0h").contains("<li class=\"is-cancelled\">").contains("Soirée débat " + tag)
                .contains("(Annulé)");
        assertThat(dayCell(html, "jeudi 13 mars")).contains("Jusqu’à 1\u00a0h");

        // this month: today is marked
        String now = page(get("/agenda").param("vue", "mois"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(now).contains("aria-current=\"date\"").contains("Aujourd’hui")
                .contains(YearMonth.from(today).plusMonths(1).toString());
    }

    @Test
    void theMapPlacesInPersonEventsAndListsOnlineOnesBeside() throws Exception {
        agenda.create(TestEvents.meeting("Agora à Bordeaux " + tag, LocalDateTime.of(2031, 6, 12, 9, 0)).type(EventType.AGORA).build(), staff);
        agenda.create(TestEvents.meeting("Webinaire ECSI " + tag, LocalDateTime.of(2031, 6, 13, 12, 0)).type(EventType.WEBINAR)
                .online("https://visio.exemple.org/ecsi").build(), staff);
        TestEvents nowhere = TestEvents.meeting("Atelier sans point " + tag, LocalDateTime.of(2031, 6, 14, 9, 0));
        nowhere.latitude = null;
        nowhere.longitude = null;
        agenda.create(nowhere.build(), staff);

        String html = page(get("/agenda").param("vue", "carte").param("q", tag).param("du", "2031-06-01"));
        assertThat(html).contains("leaflet.js").contains("id=\"agenda-map\"").contains("\"title\":\"Agora à Bordeaux " + tag + "\"")
                .contains("\"lat\":44.8378");
        assertThat(section(html, "sur-place")).contains("Agora à Bordeaux " + tag).doesNotContain("Webinaire ECSI " + tag);
        assertThat(section(html, "en-ligne")).contains("Webinaire ECSI " + tag);
        assertThat(section(html, "sans-lieu")).contains("Atelier sans point " + tag);
        assertThat(html).doesNotContain("\"title\":\"Webinaire ECSI " + tag);
    }

    @Test
    void theHomePageShowsWhatComesNext() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        agenda.create(TestEvents.meeting("Café de la solidarité " + tag, today.atTime(0, 1)).end(today.atTime(23, 58)).build(), staff);
        String html = page(get("/"));
        assertThat(html).contains("À venir").contains("Café de la solidarité " + tag).contains("href=\"/agenda\"");
    }

    private static int count(String html, String text) {
        int n = 0;
        for (int i = html.indexOf(text); i >= 0; i = html.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    /** The markup of one day of the month grid, from its label to the next day. */
    private static String dayCell(String html, String label) {
        int at = html.indexOf("<span class=\"month-day-name\">" + label + "</span>");
        assertThat(at).as("day " + label).isPositive();
        int end = html.indexOf("<li class=\"month-day", at);
        return html.substring(at, end < 0 ? html.length() : end);
    }

    private static String section(String html, String id) {
        Matcher m = Pattern.compile("(?s)<h2 id=\"" + id + "\".*?</section>").matcher(html);
        assertThat(m.find()).as("section " + id).isTrue();
        return m.group();
    }
}
