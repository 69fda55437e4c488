package fr.maillage.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import fr.maillage.accounts.AccountService;
import fr.maillage.directory.Directory;
import fr.maillage.e2e.BrowserSupport;
import fr.maillage.shared.text.Dates;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

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
 * An appointment with the team in Chromium: a staff member publishes a weekly availability (after
 * a clear error for an end before the start), a member books a slot for her structure with a
 * subject, both confirmation e-mails carry an invitation, the member moves it from her link,
 * staff mark it held and write notes and next steps, and the structure's page shows the support
 * history to staff only. Every new page is checked with axe-core and photographed at 1280 and
 * 360 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(BrowserSupport.class)
class AppointmentJourneyE2ETests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    Directory directory;

    @Autowired
    Appointments appointments;

    @Autowired
    JdbcClient jdbc;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void staffPublishAvailabilityAMemberBooksMovesAndStaffFollowUp(Page page) throws Exception {
        TestPerson staff = SupportTestData.staffAccount(accounts, jdbc, "Camille Équipe");
        TestPerson awa = SupportTestData.memberAccount(accounts, jdbc, "Awa Diop");
        String structure = "Eau Vive Podor " + TestStructures.newPersonId();
        long org = TestStructures.association(directory, awa, structure);
        String slug = directory.ref(org).orElseThrow().slug();
        String staffName = "Camille Martin " + staff.personId();
        LocalDate day = LocalDate.now(SlotCalculator.PARIS).plusDays(3);

        // 1. staff publish a weekly availability
        login(page, staff.email());
        page.navigate(url("/admin/rendez-vous/disponibilites"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mes disponibilités pour les rendez-vous"))).isVisible();
        page.locator("#profile-displayName").fill(staffName);
        page.locator("#profile-roleLine").fill("Chargée d’accompagnement");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer ma présentation")).click();
        assertThat(page.locator(".flash-ok")).containsText("Votre présentation est enregistrée.");
        look(page, "rdv-disponibilites");

        page.locator("#rule-weekday").selectOption(Integer.toString(day.getDayOfWeek().getValue()));
        page.locator("#rule-startTime").fill("16:00");
        page.locator("#rule-endTime").fill("14:00");
        page.locator("#rule-slotMinutes").selectOption("60");
        page.locator("#regle-form input[name='mode'][value='BOTH']").check();
        page.locator("#rule-place").fill("Maison des associations, 12 rue des Ayres, Bordeaux");
        page.locator("#rule-videoUrl").fill("https://visio.exemple.org/camille");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter ce créneau")).click();
        assertThat(page.locator("#rule-endTime-error")).hasText("L’heure de fin doit venir après l’heure de début.");
        assertThat(page.locator("#rule-place")).hasValue("Maison des associations, 12 rue des Ayres, Bordeaux");
        look(page, "rdv-disponibilites-erreur");
        page.locator("#rule-startTime").fill("14:00");
        page.locator("#rule-endTime").fill("16:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter ce créneau")).click();
        assertThat(page.locator(".flash-ok")).containsText("Créneau hebdomadaire ajouté.");
        assertThat(page.locator(".rule-list")).containsText("Chaque " + Dates.weekday(day.getDayOfWeek(), Locale.FRENCH)
                + ", de 14\u00a0h à 16\u00a0h · rendez-vous de 60\u00a0min");
        assertThat(page.locator(".slot-preview")).containsText(Dates.day(day, Locale.FRENCH) + " de 14\u00a0h à 15\u00a0h");
        look(page, "rdv-disponibilites-publiees");
        logout(page);

        // 2. the member books a slot for her structure, from "Mon espace"
        login(page, awa.email());
        page.navigate(url("/mon-espace"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mes rendez-vous"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prendre rendez-vous avec l’équipe")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Prendre rendez-vous avec l’équipe").setLevel(1))).isVisible();
        assertThat(page.locator("#organisationId")).hasValue(Long.toString(org));
        page.locator("#subject").selectOption("PROJECT_DESIGN");
        page.locator("#message").fill("Nous préparons un projet d’eau potable à Podor et cherchons une méthode.");
        page.locator("#staff").selectOption(Long.toString(staff.personId()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher les créneaux")).click();
        assertThat(page.locator("#message")).hasValue("Nous préparons un projet d’eau potable à Podor et cherchons une méthode.");
        String first = Slot.key(staff.personId(), day.atTime(14, 0));
        assertThat(page.locator("#slot-" + first)).isVisible();
        look(page, "rdv-reservation");
        page.locator("label[for='slot-" + first + "']").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier et confirmer")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Vérifiez et confirmez votre rendez-vous"))).isVisible();
        // the slot is offered both ways and she had no preference: she chooses here
        assertThat(page.locator("#mode")).containsText("Comment souhaitez-vous vous rencontrer\u00a0?");
        page.getByLabel("En présentiel – Maison des associations, 12 rue des Ayres, Bordeaux").check();
        assertThat(page.locator("main")).containsText(staffName + ", Chargée d’accompagnement");
        look(page, "rdv-confirmation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer le rendez-vous")).click();
        assertThat(page.locator(".flash-ok")).containsText("Votre rendez-vous est confirmé.");
        String when = Dates.dateTime(day.atTime(14, 0), Locale.FRENCH);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Votre rendez-vous du " + when))).isVisible();
        look(page, "rdv-page-personne");
        String tokenUrl = page.url();

        // 3. both confirmation e-mails are in the outbox, each with an invitation
        Appointment a = appointments.upcomingOf(awa.personId()).get(0);
        assertThat(a.organisationId()).isEqualTo(org);
        assertThat(a.subject()).isEqualTo(Subject.PROJECT_DESIGN);
        VEvent toAwa = invitation(awa.email(), "Rendez-vous confirmé le " + when, "REQUEST");
        VEvent toStaff = invitation(staff.email(), "Nouveau rendez-vous\u00a0: Awa Diop (" + structure + "), le " + when, "REQUEST");
        assertThat(toAwa.getUid().orElseThrow().getValue()).isEqualTo(a.uid()).isEqualTo(toStaff.getUid().orElseThrow().getValue());
        assertThat(((ZonedDateTime) toAwa.getStartDate().orElseThrow().getDate()).toLocalDateTime()).isEqualTo(day.atTime(14, 0));

        // 4. she moves it to 15:00 from her link
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Déplacer le rendez-vous")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Déplacer le rendez-vous"))).isVisible();
        String second = Slot.key(staff.personId(), day.atTime(15, 0));
        assertThat(page.locator("#slot-" + first)).hasCount(0);
        look(page, "rdv-deplacer");
        page.locator("label[for='slot-" + second + "']").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déplacer à ce créneau")).click();
        String moved = Dates.dateTime(day.atTime(15, 0), Locale.FRENCH);
        assertThat(page.locator(".flash-ok")).containsText("Votre rendez-vous est déplacé au " + moved);
        VEvent update = invitation(staff.email(), "Awa Diop a déplacé son rendez-vous au " + moved, "REQUEST");
        assertThat(update.getUid().orElseThrow().getValue()).isEqualTo(a.uid());
        assertThat(update.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        logout(page);

        // 5. after the meeting (moved into the past here), staff mark it held and write notes
        LocalDateTime past = LocalDateTime.now(SlotCalculator.PARIS).minusDays(1).withHour(15).withMinute(0).withSecond(0).withNano(0);
        jdbc.sql("update support_appointment set local_start = ?, local_end = ?, starts_at = ?, ends_at = ? where id = ?")
                .params(past, past.plusHours(1), Availability.utc(SlotCalculator.instant(past)), Availability.utc(SlotCalculator.instant(past.plusHours(1))), a.id())
                .update();
        login(page, staff.email());
        page.navigate(url("/admin/rendez-vous?periode=passes"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rendez-vous d’accompagnement"))).isVisible();
        assertThat(page.locator("main table")).containsText(structure);
        assertThat(page.locator("main table")).containsText("À compléter");
        look(page, "rdv-equipe-liste");
        page.locator("main table a").first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rendez-vous avec Awa Diop (" + structure + ")"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Marquer comme tenu")).click();
        assertThat(page.locator(".flash-ok")).containsText("Rendez-vous marqué comme tenu.");
        page.locator("#notes").fill("Projet solide ; le partenaire local est une association de femmes. Budget à consolider.");
        page.locator("#nextSteps").fill("Envoyer le modèle de budget et la liste des financeurs de l’eau.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les notes")).click();
        assertThat(page.locator(".flash-ok")).containsText("Notes enregistrées.");
        assertThat(page.locator("#notes")).hasValue("Projet solide ; le partenaire local est une association de femmes. Budget à consolider.");
        look(page, "rdv-equipe-notes");

        // 6. the structure's page shows its support history to staff...
        page.navigate(url("/acteurs/" + slug));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Accompagnement"))).isVisible();
        assertThat(page.locator("#accompagnement")).containsText("Montage de projet");
        assertThat(page.locator("#accompagnement")).containsText("Envoyer le modèle de budget");
        assertThat(page.locator("#accompagnement")).containsText("Tenu");
        page.locator("#accompagnement").scrollIntoViewIfNeeded();
        look(page, "rdv-historique-structure");
        logout(page);

        // ...and to no one else; the member never sees the notes
        page.navigate(url("/acteurs/" + slug));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(structure).setLevel(1))).isVisible();
        assertThat(page.locator("#accompagnement")).hasCount(0);
        page.navigate(tokenUrl);
        assertThat(page.locator("main")).containsText("Tenu");
        assertThat(page.locator("main")).not().containsText("Budget à consolider");
        assertThat(page.locator("main")).not().containsText("modèle de budget");

        // the person's page in English
        page.navigate(tokenUrl + "?lang=en");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your appointment on " + Dates.dateTime(past, Locale.ENGLISH)))).isVisible();
        look(page, "rdv-page-personne-en");
    }

    @Test
    void emptyStatesSayWhatToDoNextAndStaffRecordAnAbsence(Page page) {
        // a member without a structure is told how to get one
        TestPerson jeanne = SupportTestData.memberAccount(accounts, jdbc, "Jeanne Martin");
        login(page, jeanne.email());
        page.navigate(url("/rendez-vous"));
        assertThat(page.locator(".empty-state")).containsText("Un rendez-vous d’accompagnement se prend pour une structure.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Référencer ma structure"))).isVisible();
        look(page, "rdv-sans-structure");
        page.navigate(url("/mon-espace"));
        assertThat(page.locator("#mes-rendez-vous")).containsText("Aucun rendez-vous à venir avec l’équipe.");
        logout(page);

        // a new staff member: no appointment yet, then an absence for a mission abroad
        TestPerson paul = SupportTestData.staffAccount(accounts, jdbc, "Paul Nouveau");
        login(page, paul.email());
        page.navigate(url("/admin/rendez-vous"));
        assertThat(page.locator(".empty-state")).containsText("Aucun rendez-vous à venir avec ces filtres.");
        look(page, "rdv-equipe-vide");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publier ou modifier mes disponibilités")).click();
        LocalDate from = LocalDate.now(SlotCalculator.PARIS).plusDays(20);
        page.locator("#exception-firstDay").fill(from.toString());
        page.locator("#exception-lastDay").fill(from.plusDays(6).toString());
        page.locator("#exception-reason").fill("Mission au Sénégal");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
        assertThat(page.locator(".flash-ok")).containsText("Absence enregistrée");
        assertThat(page.locator("#exceptions .rule-list")).containsText(Dates.dayRange(from, from.plusDays(6), Locale.FRENCH) + ", toute la journée");
        assertThat(page.locator("#exceptions .rule-list")).containsText("Mission au Sénégal");
        page.locator("#exceptions").scrollIntoViewIfNeeded();
        look(page, "rdv-absence");
    }

    /** The last support e-mail to {@code email}: its subject, and its invitation read back with iCal4j. */
    private VEvent invitation(String email, String subject, String method) throws Exception {
        List<SupportTestData.Mail> mails = SupportTestData.mailsTo(jdbc, email);
        assertThat(mails).isNotEmpty();
        SupportTestData.Mail mail = mails.get(mails.size() - 1);
        assertThat(mail.subject()).isEqualTo(subject);
        List<String> files = jdbc.sql("select filename || ' ' || content_type from mail_attachment where mail_id = ?").param(mail.id())
                .query(String.class).list();
        assertThat(files).containsExactly("invitation.ics text/calendar; charset=UTF-8; method=" + method);
        byte[] ics = jdbc.sql("select content from mail_attachment where mail_id = ?").param(mail.id()).query(byte[].class).single();
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
        calendar.validate();
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        return (VEvent) calendar.getComponents(Component.VEVENT).get(0);
    }

    private void login(Page page, String email) {
        page.navigate(url("/connexion"));
        page.locator("input[name='email']").fill(email);
        page.locator("input[name='motDePasse']").fill(SupportTestData.PASSWORD);
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
