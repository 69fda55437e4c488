package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.accounts.AccountService;
import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.EventType;
import fr.maillage.directory.Directory;
import fr.maillage.support.TestEvents;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

/**
 * A member proposes an event with two programme sessions through the form in Chromium (a
 * mistake first, shown next to its field), sees it waiting in "Mon espace"; staff publish it
 * from /admin/agenda; the public finds it in the list, the month grid and on the map, and reads
 * its page. Every new page is checked with axe-core and photographed at 1280 and 360 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class EventsJourneyE2ETests {

    static final Pattern CONFIRMATION = Pattern.compile("/confirmation/([A-Za-z0-9_\\-]+)");
    static final String PASSWORD = "Un-mot-de-passe-solide-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    Directory directory;

    @Autowired
    Agenda agenda;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aMemberProposesAnEventStaffPublishItAndThePublicFindsItEverywhere(Page page) {
        String suffix = Long.toString(System.nanoTime(), 36);
        String memberEmail = "aminata.agenda." + suffix + "@example.org";
        String staffEmail = "equipe.agenda." + suffix + "@example.org";
        TestPerson member = confirmed("Aminata Sow", memberEmail, false);
        TestPerson staff = confirmed("Julie Équipe", staffEmail, true);
        String structure = "Festisol Pessac " + suffix;
        long org = TestStructures.association(directory, member, structure);
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(12);
        String title = "Journée des solidarités " + suffix;

        // other events of the same month, so that the views show what they do with them
        agenda.create(TestEvents.meeting("Webinaire ECSI " + suffix, day.plusDays(1).atTime(12, 30)).end(day.plusDays(1).atTime(14, 0))
                .type(EventType.WEBINAR).online("https://visio.exemple.org/ecsi").build(), staff);
        TestEvents festival = TestEvents.meeting("Festival AlimenTerre " + suffix, day.minusDays(2).atStartOfDay()).type(EventType.FESTIVAL);
        festival.allDay = true;
        festival.end = day.plusDays(3).atStartOfDay();
        festival.city = "Bègles";
        festival.postalCode = "33130";
        festival.latitude = 44.8086;
        festival.longitude = -0.5476;
        agenda.create(festival.build(), staff);
        long cancelled = agenda.create(TestEvents.meeting("Conférence reportée " + suffix, day.atTime(18, 0)).type(EventType.OTHER).build(), staff);
        agenda.cancel(cancelled, "Reportée au printemps", staff);
        long past = agenda.create(TestEvents.meeting("Atelier world café " + suffix, LocalDateTime.of(2025, 10, 7, 14, 0))
                .type(EventType.WORKSHOP).organisedBy(org).build(), staff);

        // 1. the member proposes an event from the agenda
        login(page, memberEmail);
        page.navigate(url("/agenda"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Proposer un événement")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Proposer un événement").setLevel(1))).isVisible();
        assertThat(page.locator("#org-" + org)).isChecked();
        look(page, "agenda-formulaire");

        page.locator("#type").selectOption("WORKSHOP");
        page.locator("#title").fill(title);
        page.locator("#summary").fill("Ateliers et tribune des projets de solidarité internationale du territoire.");
        page.locator("#description").fill("Une journée pour **se rencontrer** :\n\n- deux ateliers au choix\n- un déjeuner partagé");
        page.locator("#startDate").fill(day.toString());
        page.locator("#startTime").fill("09:30");
        page.locator("#endTime").fill("17:00");
        page.locator("#venueName").fill("Salle Bellegrave");
        page.locator("#street").fill("Avenue du Colonel Robert Jacqui");
        page.locator("#postalCode").fill("33600");
        page.locator("#city").fill("Pessac");
        page.locator("#latitude").fill("44,8067");
        page.locator("#longitude").fill("-0,6311");
        page.locator("#theme-eau-assainissement").check();
        page.locator("select[name='countries[0]']").selectOption("SN");
        page.locator("input[name='sessions[0].title']").fill("Atelier eau et assainissement");
        page.locator("input[name='sessions[0].startTime']").fill("10:00");
        page.locator("input[name='sessions[0].endTime']").fill("12:00");
        page.locator("input[name='sessions[0].room']").fill("Salle A");
        page.locator("input[name='sessions[0].capacity']").fill("-3");
        page.locator("input[name='sessions[1].title']").fill("Tribune des projets");
        page.locator("input[name='sessions[1].startTime']").fill("14:00");
        page.locator("input[name='sessions[1].endTime']").fill("16:00");
        page.locator("input[name='sessions[1].capacity']").fill("40");
        page.locator("input[name='registration.mode'][value='OPEN']").check();
        page.locator("input[name='registration.capacity']").fill("80");

        // 2. a negative capacity: said next to the session's field, nothing lost, nothing saved
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proposer l’événement")).click();
        assertThat(page.locator("[id='sessions0.capacity-error']")).hasText("Le nombre de places ne peut pas être négatif.");
        assertThat(page.locator(".error-summary")).containsText("Rien n’a été enregistré");
        assertThat(page.locator("#title")).hasValue(title);
        assertThat(page.locator("input[name='sessions[1].title']")).hasValue("Tribune des projets");
        assertThat(jdbc.sql("select count(*) from agenda_event where title = ?").param(title).query(Long.class).single()).isZero();
        look(page, "agenda-formulaire-erreurs");

        page.locator("input[name='sessions[0].capacity']").fill("25");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proposer l’événement")).click();

        // 3. waiting for the team: said on the page and in "Mon espace"
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setLevel(1))).isVisible();
        assertThat(page.locator(".flash-ok")).containsText("en attente de validation");
        assertThat(page.locator("main")).containsText("L’équipe du réseau vérifie cette proposition");
        look(page, "agenda-evenement-en-attente");
        String eventUrl = page.url();
        page.navigate(url("/mon-espace"));
        assertThat(page.locator("#mes-evenements")).containsText(title);
        assertThat(page.locator("#mes-evenements")).containsText("En attente de validation");
        look(page, "agenda-mon-espace");

        // the report page of a past event of the structure
        String pastSlug = agenda.find(past).orElseThrow().slug();
        page.navigate(url("/agenda/" + pastSlug));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rédiger le compte rendu")).click();
        page.locator("#report").fill("## Ce qui est ressorti\n\n- trois idées de projets communs");
        look(page, "agenda-compte-rendu");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le compte rendu")).click();
        assertThat(page.locator("#compte-rendu")).containsText("Ce qui est ressorti");
        logout(page);

        // the public does not see it yet
        Response hidden = page.navigate(eventUrl);
        assertThat(hidden.status()).isEqualTo(404);

        // 4. staff publish it from the staff area
        login(page, staffEmail);
        page.navigate(url("/admin/agenda"));
        long id = jdbc.sql("select id from agenda_event where title = ?").param(title).query(Long.class).single();
        assertThat(page.locator("#proposition-" + id)).containsText("Aminata Sow");
        look(page, "agenda-admin");
        page.locator("#proposition-" + id + " button[type=submit]").first().click();
        assertThat(page.locator(".flash-ok")).containsText("est publié");
        assertThat(jdbc.sql("select count(*) from mail_outbox where lower(recipient) = lower(?) and subject like 'Votre événement est publié%'")
                .param(memberEmail).query(Long.class).single()).isEqualTo(1);
        logout(page);

        // 5. the public finds it in the list, the month grid and on the map
        page.navigate(url("/agenda"));
        // a search through the form (htmx updates the results, the URL follows and can be shared)
        page.locator("#q").fill(suffix);
        page.locator("#q").press("Enter");
        page.waitForURL("**q=" + suffix + "*");
        assertThat(page.locator("#resultats")).containsText(title);
        assertThat(page.locator(".agenda-item.is-cancelled")).containsText("Annulé");
        assertThat(page.locator(".agenda-item.is-cancelled s")).hasText("Conférence reportée " + suffix);
        look(page, "agenda-liste");
        page.navigate(page.url());
        assertThat(page.locator("#resultats")).containsText(title);

        page.navigate(url("/agenda?vue=mois&mois=" + YearMonth.from(day) + "&q=" + suffix));
        assertThat(page.locator(".month-day.has-events").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title))).hasCount(1);
        assertThat(page.locator(".month-day").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Festival AlimenTerre " + suffix)).count()).isGreaterThanOrEqualTo(2);
        look(page, "agenda-mois");

        page.navigate(url("/agenda?vue=carte&q=" + suffix));
        assertThat(page.locator("#agenda-map.leaflet-container")).isVisible();
        assertThat(page.locator("#agenda-map path.leaflet-interactive")).hasCount(3);
        assertThat(page.locator("#sur-place + ul")).containsText(title);
        assertThat(page.locator("#en-ligne + p, #en-ligne + ul").first()).containsText("Webinaire ECSI " + suffix);
        look(page, "agenda-carte");

        page.navigate(eventUrl);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Programme"))).isVisible();
        assertThat(page.locator(".programme")).containsText("Atelier eau et assainissement");
        assertThat(page.locator(".programme")).containsText("Tribune des projets");
        assertThat(page.locator("#event-map.leaflet-container")).isVisible();
        assertThat(page.locator(".event-when")).containsText("de 9\u00a0h\u00a030 à 17\u00a0h");
        assertThat(page.locator("script[type='application/ld+json']").textContent()).contains("\"@type\":\"Event\"");
        look(page, "agenda-evenement");

        page.navigate(url("/acteurs/" + directory.ref(org).orElseThrow().slug()));
        assertThat(page.locator("#agenda")).containsText(title);
        look(page, "agenda-fiche-structure");
        page.navigate(url("/"));
        assertThat(page.locator(".home-agenda")).isVisible();
        look(page, "agenda-accueil");
        page.navigate(url("/agenda?lang=en"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Events").setLevel(1))).isVisible();
        look(page, "agenda-liste-en");
    }

    /** Staff accounts made here go back to being members: other test classes share the database and count the mails to staff. */
    @AfterEach
    void tearDown() {
        jdbc.sql("update person set role = 'MEMBER' where email like 'equipe.agenda.%@example.org'").update();
    }

    private TestPerson confirmed(String name, String email, boolean staff) {
        long id = accounts.signUp(new AccountService.SignUp(name, email, PASSWORD, true, Locale.FRENCH));
        String body = jdbc.sql("select body_text from mail_outbox where lower(recipient) = lower(?) order by id desc limit 1")
                .param(email).query(String.class).single();
        Matcher m = CONFIRMATION.matcher(body);
        assertThat(m.find()).as("confirmation link").isTrue();
        assertThat(accounts.confirmEmail(m.group(1))).isPresent();
        if (staff) {
            jdbc.sql("update person set role = 'STAFF' where id = ?").param(id).update();
        }
        return new TestPerson(id, email, name, staff, false);
    }

    private void login(Page page, String email) {
        page.navigate(url("/connexion"));
        page.locator("input[name='email']").fill(email);
        page.locator("input[name='motDePasse']").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnexion"))).isVisible();
    }

    private void logout(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnexion")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connexion"))).isVisible();
    }

    private void look(Page page, String name) {
        BrowserSupport.lookAtBothWidths(page, name);
    }
}
