package fr.maillage.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import fr.maillage.directory.Directory;
import fr.maillage.support.TestEvents;
import fr.maillage.support.TestPerson;
import fr.maillage.support.TestStructures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** The agenda's write side and its occurrence search, on the real database. */
@SpringBootTest
@ActiveProfiles("test")
class AgendaIntegrationTests {

    @Autowired
    Agenda agenda;

    @Autowired
    AgendaSearch search;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    final TestPerson staff = TestStructures.staff("Chargée de mission");

    @Test
    void staffEventsArePublishedAtOnceWithTheirOccurrence() {
        long id = agenda.create(TestEvents.meeting("Rencontre régionale de printemps", LocalDateTime.of(2027, 4, 8, 9, 30))
                .end(LocalDateTime.of(2027, 4, 8, 17, 0)).build(), staff);
        EventDetails e = agenda.find(id).orElseThrow();
        assertThat(e.status()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(e.slug()).isEqualTo("rencontre-regionale-de-printemps-2027-04-08");
        assertThat(e.departement()).isEqualTo("33");
        assertThat(e.startsAt()).isEqualTo(Instant.parse("2027-04-08T07:30:00Z"));
        assertThat(e.occurrences()).hasSize(1);
        assertThat(agenda.canView(e, null)).isTrue();
    }

    @Test
    void aMemberProposesForTheirStructureAndStaffApproveOrRefuse() {
        TestPerson member = TestStructures.member("Moussa Organisateur");
        long org = TestStructures.association(directory, member, "Festisol Gironde " + TestStructures.newPersonId());

        // without a structure, or for someone else's structure: refused, nothing written
        assertThatThrownBy(() -> agenda.create(TestEvents.inDays("Sans structure", 30).build(), member))
                .isInstanceOf(AgendaException.class).hasMessage("agenda.error.organisation-required");
        TestPerson other = TestStructures.member("Autre");
        long otherOrg = TestStructures.association(directory, other, "Autre structure " + TestStructures.newPersonId());
        assertThatThrownBy(() -> agenda.create(TestEvents.inDays("Pas la mienne", 30).organisedBy(otherOrg).build(), member))
                .isInstanceOf(AgendaException.class).hasMessage("agenda.error.organisation-not-yours");

        long id = agenda.create(TestEvents.inDays("Festival des solidarités à Pessac", 30).type(EventType.FESTIVAL).organisedBy(org).build(), member);
        EventDetails pending = agenda.find(id).orElseThrow();
        assertThat(pending.status()).isEqualTo(EventStatus.PENDING);
        assertThat(agenda.canView(pending, null)).isFalse();
        assertThat(agenda.canView(pending, member)).isTrue();
        assertThat(agenda.pending()).extracting(EventDetails::id).contains(id);
        assertThat(search.occurrences(AgendaQuery.all().ofOrganisation(org), 0, 10)).isEmpty();
        assertThatThrownBy(() -> agenda.approve(id, member)).isInstanceOf(AccessDeniedException.class);

        agenda.approve(id, staff);
        assertThat(agenda.find(id).orElseThrow().status()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(search.occurrences(AgendaQuery.all().ofOrganisation(org), 0, 10)).extracting(OccurrenceRow::eventId).containsExactly(id);
        assertThat(agenda.organisedBy(member)).extracting(EventDetails::id).contains(id);

        long refused = agenda.create(TestEvents.inDays("Hors sujet", 40).organisedBy(org).build(), member);
        assertThatThrownBy(() -> agenda.refuse(refused, " ", staff)).isInstanceOf(AgendaException.class);
        agenda.refuse(refused, "Cet événement ne relève pas de la solidarité internationale.", staff);
        assertThat(agenda.find(refused).orElseThrow().moderationMessage()).contains("solidarité internationale");
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from agenda_event").query(Long.class).single();
        TestEvents bad = TestEvents.meeting("Mauvaises dates", LocalDateTime.of(2027, 5, 10, 14, 0))
                .end(LocalDateTime.of(2027, 5, 10, 9, 0)).capacity(-5);
        bad.postalCode = "99999";
        assertThatThrownBy(() -> agenda.create(bad.build(), staff))
                .isInstanceOfSatisfying(AgendaException.class, ex -> assertThat(ex.problems())
                        .extracting(AgendaException.Problem::field, AgendaException.Problem::messageKey)
                        .contains(org.assertj.core.groups.Tuple.tuple("end", "agenda.error.end-before-start"),
                                org.assertj.core.groups.Tuple.tuple("registration.capacity", "agenda.error.capacity-negative"),
                                org.assertj.core.groups.Tuple.tuple("postalCode", "agenda.error.postal-code")));
        TestEvents late = TestEvents.meeting("Date limite après", LocalDateTime.of(2027, 5, 10, 9, 0))
                .registration(new EventData.RegistrationSettings(RegistrationMode.OPEN, null, LocalDateTime.of(2027, 5, 11, 9, 0), 20, true, true));
        assertThatThrownBy(() -> agenda.create(late.build(), staff)).hasMessage("agenda.error.deadline-after-start");
        TestEvents repeating = TestEvents.meeting("Répété avec inscription", LocalDateTime.of(2027, 5, 10, 9, 0))
                .weekly(1, LocalDate.of(2027, 6, 30)).capacity(10);
        assertThatThrownBy(() -> agenda.create(repeating.build(), staff)).hasMessage("agenda.error.registration-repeating");
        TestEvents online = TestEvents.meeting("Webinaire sans lien", LocalDateTime.of(2027, 5, 10, 9, 0)).online("javascript:alert(1)");
        assertThatThrownBy(() -> agenda.create(online.build(), staff)).hasMessage("agenda.error.url");
        assertThat(jdbc.sql("select count(*) from agenda_event").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void editingKeepsSessionIdsAndRewritesOccurrences() {
        long id = agenda.create(TestEvents.meeting("Journée multi-acteurs", LocalDateTime.of(2027, 6, 12, 9, 0))
                .end(LocalDateTime.of(2027, 6, 12, 18, 0)).type(EventType.AGORA).capacity(150)
                .session("Atelier eau", 30).session("Atelier santé", 25)
                .question("Régime alimentaire", QuestionKind.CHOICE, "Aucun\nVégétarien\nSans porc", false).build(), staff);
        EventDetails e = agenda.find(id).orElseThrow();
        Long waterId = e.data().sessions().get(0).id();
        assertThat(waterId).isNotNull();

        TestEvents edit = TestEvents.meeting("Journée multi-acteurs 2027", LocalDateTime.of(2027, 6, 13, 9, 0))
                .end(LocalDateTime.of(2027, 6, 13, 18, 0)).type(EventType.AGORA).capacity(150);
        edit.sessions.add(new EventData.SessionData(null, "Atelier éducation", null, null, null, "Salle B", null, 20));
        edit.sessions.add(e.data().sessions().get(0));
        agenda.update(id, e.version(), edit.build(), staff);

        EventDetails after = agenda.find(id).orElseThrow();
        assertThat(after.data().sessions()).extracting(EventData.SessionData::title).containsExactly("Atelier éducation", "Atelier eau");
        assertThat(after.data().sessions().get(1).id()).isEqualTo(waterId);
        assertThat(after.data().questions()).isEmpty();
        assertThat(after.occurrences()).extracting(Occurrence::startDay).containsExactly(LocalDate.of(2027, 6, 13));
        assertThatThrownBy(() -> agenda.update(id, e.version(), edit.build(), staff)).hasMessage("agenda.error.concurrent");
    }

    @Test
    void theSearchFiltersOccurrencesOfRepeatingEventsByPeriodAndCriteria() {
        String tag = "Groupe pays Sénégal " + TestStructures.newPersonId();
        TestEvents group = TestEvents.meeting(tag, LocalDateTime.of(2028, 1, 6, 18, 0)).type(EventType.COUNTRY_GROUP)
                .weekly(1, LocalDate.of(2028, 3, 30), LocalDate.of(2028, 2, 17));
        group.postalCode = "64000";
        group.city = "Pau";
        long id = agenda.create(group.build(), staff);
        agenda.create(TestEvents.meeting(tag + " en ligne", LocalDateTime.of(2028, 2, 3, 12, 0)).type(EventType.WEBINAR)
                .online("https://visio.exemple.org/senegal").build(), staff);

        AgendaQuery february = new AgendaQuery(Set.of(EventType.COUNTRY_GROUP), Set.of("eau-assainissement"), Set.of("64"), Set.of("sn"),
                LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29), false, null, null, "senegal");
        List<OccurrenceRow> rows = search.occurrences(february, 0, 100);
        assertThat(rows).extracting(OccurrenceRow::startDay).containsExactly(
                LocalDate.of(2028, 2, 3), LocalDate.of(2028, 2, 10), LocalDate.of(2028, 2, 24));
        assertThat(rows).allSatisfy(r -> assertThat(r.eventId()).isEqualTo(id));
        assertThat(search.count(february)).isEqualTo(3);

        AgendaQuery online = new AgendaQuery(null, null, null, null, LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29), true, null, null, tag);
        assertThat(search.occurrences(online, 0, 10)).extracting(OccurrenceRow::format).containsExactly(EventFormat.ONLINE);

        // cancelled events stay listed, marked
        EventDetails e = agenda.find(id).orElseThrow();
        agenda.cancel(id, "Reporté", staff);
        assertThat(search.occurrences(february, 0, 100)).allSatisfy(r -> assertThat(r.cancelled()).isTrue());
        assertThat(e.occurrences()).hasSize(12);
    }
}
