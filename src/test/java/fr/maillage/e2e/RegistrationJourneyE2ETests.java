package fr.maillage.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.accounts.AccountService;
import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.QuestionKind;
import fr.maillage.directory.Directory;
import fr.maillage.support.TestEvents;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Registering until an event is full, in Chromium: staff create an event of two places through
 * the agenda's facade; a visitor is asked to sign in and comes back to the form; three members
 * register through the page (the first gets an error for a required answer, fixes it; the third
 * lands on the waiting list); the first cancels from her registration page; the promotion e-mail
 * is in the outbox and the third person confirms the offered place through its link; staff see
 * the list and the sign-in sheet. Every new page is checked with axe-core and photographed at
 * 1280 and 360 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.accounts.admin-email=equipe.e2e@example.org",
        "maillage.accounts.admin-password=Equipe-Maillage-2026!"})
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class RegistrationJourneyE2ETests {

    static final Pattern CONFIRMATION = Pattern.compile("/confirmation/([A-Za-z0-9_\\-]+)");
    static final Pattern REGISTRATION = Pattern.compile("/agenda/inscriptions/([A-Za-z0-9_\\-]+)");
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
    void membersRegisterUntilFullJoinTheWaitingListAndTheNextOneConfirmsTheFreedPlace(Page page) {
        String suffix = Long.toString(System.nanoTime(), 36);
        TestPerson staff = staffMember("Chargée de mission " + suffix, "equipe.agenda." + suffix + "@example.org");
        TestPerson awa = confirmedMember("Awa Diop", "awa.inscription." + suffix + "@example.org");
        TestPerson bruno = confirmedMember("Bruno Martin", "bruno.inscription." + suffix + "@example.org");
        TestPerson chloe = confirmedMember("Chloé Petit", "chloe.inscription." + suffix + "@example.org");
        String structure = "Eau Vive Podor " + suffix;
        TestStructures.association(directory, awa, structure);

        long id = agenda.create(TestEvents.inDays("Formation montage de projet " + suffix, 21).type(EventType.TRAINING).capacity(2)
                .question("Régime alimentaire", QuestionKind.CHOICE, "Aucun\nVégétarien\nSans porc", true).build(), staff);
        EventDetails event = agenda.find(id).orElseThrow();
        String form = "/agenda/" + event.slug() + "/inscription";

        // 1. a visitor sees the block: sign in to register; the login page brings her back to the form
        page.navigate(url(form));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inscription"))).isVisible();
        assertThat(page.locator("#inscription")).containsText("2 places restantes sur 2");
        look(page, "inscription-visiteur");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter pour s’inscrire")).click();
        signInHere(page, awa.email());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("S’inscrire").setLevel(1))).isVisible();
        assertThat(page.locator("#structure")).containsText(structure);
        look(page, "inscription-formulaire");

        // 2. the required answer missing: the error is next to it, nothing is saved; then it works
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S’inscrire").setExact(true)).click();
        assertThat(page.locator(".error-summary")).containsText("Rien n’a été enregistré");
        assertThat(page.locator("fieldset.has-error .field-error")).containsText("Répondez à cette question.");
        assertThat(page.getByLabel(structure)).isChecked();
        look(page, "inscription-formulaire-erreurs");
        page.getByLabel("Végétarien").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S’inscrire").setExact(true)).click();
        assertThat(page.locator(".flash-ok")).containsText("Votre inscription est confirmée");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mon inscription").setLevel(1))).isVisible();
        assertThat(page.locator("main")).containsText("Inscription confirmée");
        assertThat(page.locator("main")).containsText("Végétarien");
        look(page, "inscription-confirmee");
        String awaPage = page.url();
        // back on the form: the block says she is registered, with her page and the way to cancel
        page.navigate(url(form));
        assertThat(page.locator("#inscription")).containsText("Vous êtes inscrit·e.");
        assertThat(page.locator("#inscription")).containsText("1 place restante sur 2");
        assertThat(page.locator("#inscription").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Annuler mon inscription"))).isVisible();
        look(page, "inscription-bloc-inscrite");
        logout(page);

        // 3. Bruno takes the second place
        register(page, bruno.email(), form);
        assertThat(page.locator(".flash-ok")).containsText("Votre inscription est confirmée");
        logout(page);

        // 4. the event is full: Chloé is offered the waiting list
        login(page, chloe.email());
        page.navigate(url(form));
        assertThat(page.locator(".registration-notice")).containsText("Cet événement est complet");
        look(page, "inscription-liste-attente-formulaire");
        page.getByLabel("Sans porc").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S’inscrire sur la liste d’attente")).click();
        assertThat(page.locator(".flash-ok")).containsText("vous êtes sur la liste d’attente, en position 1");
        assertThat(page.locator("main")).containsText("Sur liste d’attente");
        look(page, "inscription-liste-attente");
        page.navigate(url("/mon-espace"));
        assertThat(page.locator("#mes-inscriptions")).containsText(event.title());
        assertThat(page.locator("#mes-inscriptions")).containsText("Sur liste d’attente");
        look(page, "inscription-mon-espace");
        logout(page);

        // 5. Awa cancels from her registration page (no sign-in: the link of her e-mail)
        page.navigate(awaPage + "#annuler");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annuler mon inscription")).click();
        assertThat(page.locator(".flash-ok")).containsText("Votre inscription est annulée");
        assertThat(page.locator("main")).containsText("Cette inscription est annulée.");
        look(page, "inscription-annulee");

        // 6. the promotion e-mail is in the outbox; Chloé confirms the place through its link
        String offer = jdbc.sql("select body_text from mail_outbox where lower(recipient) = lower(?) and subject like 'Une place se libère%' order by id desc limit 1")
                .param(chloe.email()).query(String.class).single();
        Matcher link = REGISTRATION.matcher(offer);
        assertThat(link.find()).as("link of the offer").isTrue();
        page.navigate(url(link.group()));
        assertThat(page.locator("main")).containsText("Place offerte, à confirmer");
        look(page, "inscription-place-offerte");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer ma place")).click();
        assertThat(page.locator(".flash-ok")).containsText("Votre place est confirmée");
        assertThat(page.locator("main")).containsText("Inscription confirmée");
        page.navigate(url(link.group() + "?lang=en"));
        assertThat(page.locator("main")).containsText("Registration confirmed");
        look(page, "inscription-confirmee-en");
        page.navigate(url(link.group() + "?lang=fr"));

        // 7. staff see the list and print the sign-in sheet
        login(page, staff.email());
        page.navigate(url("/admin/agenda/" + event.slug() + "/inscrits"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inscrits\u00a0: " + event.title()))).isVisible();
        assertThat(page.locator("table.registration-table")).containsText("Bruno Martin");
        assertThat(page.locator("table.registration-table")).containsText("Chloé Petit");
        assertThat(page.locator("table.registration-table")).containsText("Awa Diop");
        assertThat(page.locator("#bilan ~ div")).containsText("Non indiqué");
        look(page, "inscrits-equipe");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Feuille d’émargement").setExact(true)).click();
        assertThat(page.locator("table.sheet tbody tr")).hasCount(2 + 5);
        assertThat(page.locator("table.sheet thead")).containsText(event.title());
        assertThat(page.locator("table.sheet tbody")).containsText("Chloé Petit");
        assertThat(page.locator("table.sheet tbody")).not().containsText("Awa Diop");
        look(page, "inscrits-emargement");
        List<String> statuses = jdbc.sql("select status from agenda_registration where event_id = ? order by id").param(id).query(String.class).list();
        assertThat(statuses).containsExactly("CANCELLED", "CONFIRMED", "CONFIRMED");
    }

    // ------------------------------------------------------------------ helpers

    private TestPerson confirmedMember(String name, String email) {
        long id = accounts.signUp(new AccountService.SignUp(name, email, PASSWORD, true, Locale.FRENCH));
        String body = jdbc.sql("select body_text from mail_outbox where lower(recipient) = lower(?) order by id desc limit 1")
                .param(email).query(String.class).single();
        Matcher m = CONFIRMATION.matcher(body);
        assertThat(m.find()).as("confirmation link").isTrue();
        assertThat(accounts.confirmEmail(m.group(1))).isPresent();
        return new TestPerson(id, email, name, false, false);
    }

    private TestPerson staffMember(String name, String email) {
        TestPerson p = confirmedMember(name, email);
        jdbc.sql("update person set role = 'STAFF' where id = ?").param(p.personId()).update();
        return new TestPerson(p.personId(), email, name, true, false);
    }

    private void register(Page page, String email, String form) {
        login(page, email);
        page.navigate(url(form));
        page.getByLabel("Aucun", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S’inscrire").setExact(true)).click();
    }

    private void login(Page page, String email) {
        page.navigate(url("/connexion"));
        signInHere(page, email);
    }

    private void signInHere(Page page, String email) {
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
