package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.SessionRequest;
import fr.maillage.agenda.TrainingModule;
import fr.maillage.agenda.TrainingModuleData;
import fr.maillage.agenda.TrainingModules;
import fr.maillage.support.TestEvents;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The agenda's sharing and the training catalogue in Chromium: a visitor builds the widget's
 * snippet on {@code /agenda/partager} (with and without JavaScript), the widget renders inside an
 * iframe of another site (which may not frame any other page), the catalogue and a module page,
 * a participant fills the satisfaction form (errors first), staff read the results. Every new
 * page is checked with axe-core and photographed at 1280 and 360 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.e2e@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class FeedsAndTrainingsE2ETests {

    static final String STAFF_EMAIL = "equipe.e2e@example.org";
    static final String STAFF_PASSWORD = "Equipe-Maillage-2026!";

    @LocalServerPort
    int port;

    @Autowired
    Agenda agenda;

    @Autowired
    TrainingModules trainings;

    @Autowired
    JdbcClient jdbc;

    final TestPerson staff = TestStructures.staff("Équipe formation");
    String suffix;
    TrainingModule module;
    long pastSession;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @BeforeEach
    void someTrainingsAndEvents() {
        suffix = Long.toString(System.nanoTime(), 36);
        long id = trainings.create(new TrainingModuleData("Monter un projet " + suffix,
                "Du diagnostic au budget, les étapes d’un projet solide.",
                "- conduire un diagnostic partagé\n- construire un **cadre logique**\n- bâtir un budget",
                "Porter un projet dans une structure.", new BigDecimal("14"), "Bénévoles et salariés d’associations",
                "Claire Martin", Set.of("gouvernance-locale", "ecsi"), true), staff);
        module = trainings.find(id).orElseThrow();
        trainings.createSession(id, new SessionRequest(LocalDate.now().plusDays(20), LocalTime.of(9, 30), LocalDate.now().plusDays(21),
                LocalTime.of(17, 0), "Maison de la coopération", "4 place Pey-Berland", "33000", "Bordeaux", null, 16, null), staff);
        pastSession = trainings.createSession(id, new SessionRequest(LocalDate.now().minusDays(3), LocalTime.of(9, 30), null,
                LocalTime.of(17, 0), null, null, null, null, "https://visio.exemple.org/formation", 20, null), staff);
        agenda.create(TestEvents.inDays("Atelier collectif " + suffix, 9).type(EventType.WORKSHOP).build(), staff);
        agenda.create(TestEvents.inDays("Webinaire " + suffix, 12).type(EventType.WEBINAR).online("https://visio.exemple.org/w").build(), staff);
    }

    @Test
    void aVisitorBuildsTheWidgetSnippetAndItRendersOnAnotherSite(Page page, BrowserContext context) {
        page.navigate(url("/agenda/partager?q=" + suffix));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Partager l’agenda").setLevel(1))).isVisible();
        FrameLocator preview = page.frameLocator("iframe.share-preview");
        assertThat(preview.getByText("Atelier collectif " + suffix)).isVisible();
        look(page, "agenda-partager");

        // ticking "Formation" refreshes the code and the preview (htmx) and the address of the page
        page.getByLabel("Formation", new Page.GetByLabelOptions().setExact(true)).check();
        assertThat(page.locator("#snippet")).hasValue(java.util.regex.Pattern.compile("type=formation"));
        assertThat(page).hasURL(java.util.regex.Pattern.compile("type=formation"));
        assertThat(page.frameLocator("iframe.share-preview").getByText("Monter un projet " + suffix).first()).isVisible();
        assertThat(page.frameLocator("iframe.share-preview").getByText("Atelier collectif " + suffix)).hasCount(0);
        page.locator("#limit").fill("3");
        page.locator("#titre").fill("Nos formations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mettre à jour le code")).click();
        assertThat(page.locator("#snippet")).hasValue(java.util.regex.Pattern.compile("limit=3&amp;titre=Nos%20formations"));
        String snippet = page.locator("#snippet").inputValue();
        assertThat(snippet).startsWith("<iframe src=\"http://localhost:" + port + "/agenda/widget?type=formation")
                .contains("title=\"Nos formations\"");
        assertThat(page.locator("#ics-url")).hasValue(url("/agenda.ics?type=formation&q=" + suffix));
        assertThat(page.locator("#webcal-url")).hasValue("webcal://localhost:" + port + "/agenda.ics?type=formation&q=" + suffix);
        assertThat(page.locator("#atom-url")).hasValue(url("/agenda.atom?type=formation&q=" + suffix));
        look(page, "agenda-partager-formations");

        // the snippet pasted on a member's site (another origin, served here on 127.0.0.1): the widget is framed and readable
        String memberPage = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Association membre</title></head><body>"
                + "<main><h1>Notre agenda</h1>" + snippet
                + "<iframe id=\"interdit\" src=\"" + url("/formations") + "\" title=\"Une autre page\"></iframe></main></body></html>";
        HttpServer site = memberSite(memberPage);
        try {
            Page member = context.newPage();
            member.navigate("http://127.0.0.1:" + site.getAddress().getPort() + "/agenda.html");
            FrameLocator widget = member.frameLocator("iframe[title='Nos formations']");
            assertThat(widget.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName("Nos formations"))).isVisible();
            assertThat(widget.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName(
                    java.util.regex.Pattern.compile("^Monter un projet " + suffix))).first()).hasAttribute("target", "_blank");
            // any other page refuses to be framed (frame-ancestors 'none', X-Frame-Options DENY)
            assertThat(member.frameLocator("#interdit").getByRole(AriaRole.HEADING,
                    new FrameLocator.GetByRoleOptions().setName("Formations").setExact(true))).hasCount(0);
            assertThat(member.frameLocator("#interdit").getByText("Monter un projet " + suffix)).hasCount(0);
            BrowserSupport.screenshot(member, "agenda-widget-sur-un-site-membre");
            member.close();
        } finally {
            site.stop(0);
        }

        // the widget on its own, narrow, dark
        page.navigate(url("/agenda/widget?type=formation&q=" + suffix + "&apparence=sombre"));
        assertThat(page.getByText("Monter un projet " + suffix).first()).isVisible();
        look(page, "agenda-widget-sombre");
        page.navigate(url("/agenda/widget?q=" + suffix));
        look(page, "agenda-widget");

        // without JavaScript, the form still builds the code (a plain GET)
        try (BrowserContext noScript = context.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setLocale("fr-FR"))) {
            Page p = noScript.newPage();
            p.navigate(url("/agenda/partager?q=" + suffix));
            p.getByLabel("Webinaire", new Page.GetByLabelOptions().setExact(true)).check();
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mettre à jour le code")).click();
            assertThat(p).hasURL(java.util.regex.Pattern.compile("type=webinaire"));
            assertThat(p.locator("#snippet")).hasValue(java.util.regex.Pattern.compile("type=webinaire"));
            assertThat(p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copier le code"))).isHidden();
        }

        // the calendar file behind the subscription address
        com.microsoft.playwright.APIResponse ics = page.request().get(url("/agenda.ics?type=formation&q=" + suffix));
        assertThat(ics.headers().get("content-type")).startsWith("text/calendar");
        assertThat(ics.text()).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Monter un projet " + suffix);
    }

    @Test
    void theCatalogueAModulePageTheSatisfactionFormAndItsResults(Page page) {
        page.navigate(url("/formations"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Formations").setLevel(1))).isVisible();
        page.locator("#theme").selectOption("gouvernance-locale");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("theme=gouvernance-locale"));
        look(page, "formations-catalogue");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Monter un projet " + suffix)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Monter un projet " + suffix).setLevel(1))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Prochaines sessions").setExact(true))).isVisible();
        assertThat(page.getByText("16 places restantes")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sessions passées"))).isVisible();
        assertThat(page.locator("strong", new Page.LocatorOptions().setHasText("cadre logique"))).isVisible();
        look(page, "formations-module");

        // a participant of the past session opens the form from the e-mail's link
        String token = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into agenda_registration (event_id, email, full_name, status, cancel_token) values (?, ?, ?, 'CONFIRMED', ?)")
                .params(pastSession, "awa." + suffix + "@exemple.test", "Awa Diop", token).update();
        page.navigate(url("/agenda/satisfaction/" + token));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Votre avis sur la formation"))).isVisible();
        look(page, "formations-satisfaction");
        page.locator("#comment").fill("Très concret, merci " + suffix);
        page.locator("label[for='content-4']").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer mon avis")).click();
        assertThat(page.locator("#overall-error")).hasText("Donnez au moins votre appréciation globale, de 1 à 5.");
        assertThat(page.locator("#comment")).hasValue("Très concret, merci " + suffix);
        assertThat(page.locator("#content-4")).isChecked();
        look(page, "formations-satisfaction-erreur");
        page.locator("label[for='overall-5']").click();
        page.locator("label[for='recommend-oui']").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer mon avis")).click();
        assertThat(page.getByText("Merci\u00a0! Votre avis est enregistré.")).isVisible();
        assertThat(page.getByText("Vous avez déjà donné votre avis sur cette session.")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer mon avis"))).hasCount(0);

        // staff: the catalogue, a module's form with its errors, a new session, the satisfaction results
        login(page);
        page.navigate(url("/admin/formations"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Catalogue des formations"))).isVisible();
        look(page, "admin-formations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouveau module")).click();
        page.locator("#durationHours").fill("deux jours");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le module")).click();
        assertThat(page.locator("#title-error")).hasText("Ce champ est obligatoire.");
        assertThat(page.locator("#durationHours-error")).isVisible();
        look(page, "admin-formations-module-erreurs");
        page.navigate(url("/admin/formations/" + module.slug() + "/session"));
        look(page, "admin-formations-session");
        page.navigate(url("/admin/formations/" + module.slug() + "/satisfaction"));
        assertThat(page.getByText("4,5 / 5").or(page.getByText("5 / 5")).first()).isVisible();
        assertThat(page.getByText("Très concret, merci " + suffix)).isVisible();
        look(page, "admin-formations-satisfaction");

        // in English
        page.navigate(url("/formations?lang=en"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Trainings").setLevel(1))).isVisible();
        page.navigate(url("/formations/" + module.slug()));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Next sessions").setExact(true))).isVisible();
        look(page, "formations-module-en");
        page.navigate(url("/formations?lang=fr"));
    }

    /** A member's website on another origin (127.0.0.1 and its own port) serving one page. */
    static HttpServer memberSite(String html) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = html.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void look(Page page, String name) {
        BrowserSupport.lookAtBothWidths(page, name);
    }

    private void login(Page page) {
        page.navigate(url("/connexion"));
        page.locator("input[name='email']").fill(STAFF_EMAIL);
        page.locator("input[name='motDePasse']").fill(STAFF_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déconnexion"))).isVisible();
    }
}
