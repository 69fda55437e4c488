package fr.maillage.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

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

/**
 * Registrations on the real database: places never exceeded (also under 200 simultaneous
 * registrations), the waiting list in order, promotion, offers that expire with a moved clock,
 * approval, sessions, questions, deadline, duplicates, staff actions, e-mails and their .ics
 * read back with iCal4j, reminders sent once, and the figures of the activity report.
 */
@SpringBootTest
@ActiveProfiles("test")
class RegistrationsIntegrationTests {

    static final Duration HOURS_48 = Duration.ofHours(48);

    @Autowired
    Agenda agenda;

    @Autowired
    Registrations registrations;

    @Autowired
    RegistrationJobs jobs;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    final TestPerson staff = TestStructures.staff("Chargée de mission inscriptions");

    RegistrationMailbox mailbox() {
        return new RegistrationMailbox(jdbc);
    }

    long event(TestEvents e) {
        return agenda.create(e.build(), staff);
    }

    static TestPerson person(String name) {
        return TestStructures.member(name);
    }

    long count(long eventId, RegistrationStatus status) {
        return jdbc.sql("select count(*) from agenda_registration where event_id = ? and status = ?").params(eventId, status.name())
                .query(Long.class).single();
    }

    // ------------------------------------------------------------------ open registration, e-mail and .ics

    @Test
    void anOpenRegistrationIsConfirmedAtOnceWithAnInvitationAndACancelLink() {
        long id = event(TestEvents.meeting("Formation montage de projet " + TestStructures.newPersonId(), LocalDateTime.of(2027, 3, 28, 9, 30))
                .end(LocalDateTime.of(2027, 3, 28, 17, 0)).type(EventType.TRAINING).capacity(20));
        TestPerson awa = person("Awa Diop");

        RegistrationDetails r = registrations.register(id, RegistrationRequest.self(), awa, Instant.parse("2027-03-01T10:00:00Z"));

        assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r.email()).isEqualTo(awa.email());
        assertThat(r.fullName()).isEqualTo("Awa Diop");
        assertThat(r.token()).hasSizeGreaterThanOrEqualTo(32);
        EventPlaces places = registrations.places(id, Instant.parse("2027-03-01T10:00:00Z"));
        assertThat(places.taken()).isEqualTo(1);
        assertThat(places.left()).isEqualTo(19);
        assertThat(places.open()).isTrue();

        RegistrationMailbox.Mail mail = mailbox().last(awa.email());
        assertThat(mail.subject()).startsWith("Inscription confirmée\u00a0: Formation montage de projet");
        assertThat(mail.text()).contains("Bonjour Awa Diop,").contains("est confirmée")
                .contains("Quand\u00a0: dimanche 28 mars 2027 de 9\u00a0h\u00a030 à 17\u00a0h")
                .contains("Où\u00a0: Maison des associations, 12 rue du Palais, 33000 Bordeaux")
                .contains("/agenda/inscriptions/" + r.token());
        List<RegistrationMailbox.Attachment> files = mailbox().attachments(mail.id());
        assertThat(files).extracting(RegistrationMailbox.Attachment::filename).containsExactly("invitation.ics");
        assertThat(files.get(0).contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        Calendar calendar = RegistrationMailbox.calendar(files.get(0));
        assertThat(RegistrationMailbox.value(calendar, "METHOD")).isEqualTo("REQUEST");
        VEvent vevent = RegistrationMailbox.event(calendar);
        assertThat(RegistrationMailbox.value(vevent, "UID")).isEqualTo("inscription-" + r.id() + "-evenement-" + id + "@localhost");
        assertThat(RegistrationMailbox.value(vevent, "ATTENDEE")).isEqualTo("mailto:" + awa.email());
        assertThat(RegistrationMailbox.value(vevent, "ORGANIZER")).startsWith("mailto:");
        assertThat(RegistrationMailbox.value(vevent, "SUMMARY")).startsWith("Formation montage de projet");
        assertThat(((ZonedDateTime) vevent.getStartDate().orElseThrow().getDate()).toInstant())
                .isEqualTo(Instant.parse("2027-03-28T07:30:00Z")); // summer time that very morning
        assertThat(RegistrationMailbox.value(vevent, "DESCRIPTION")).contains("/agenda/inscriptions/" + r.token());
        // the place and the event's page as the agenda's own calendar entries write them
        assertThat(RegistrationMailbox.value(vevent, "LOCATION")).isEqualTo("Maison des associations, 12 rue du Palais, 33000 Bordeaux");
        assertThat(RegistrationMailbox.value(vevent, "URL")).endsWith("/agenda/" + agenda.find(id).orElseThrow().slug());

        // the person's own page: cancelled by the link, the calendar entry is cancelled with the same UID
        RegistrationDetails cancelled = registrations.cancelByToken(r.token(), Instant.parse("2027-03-02T10:00:00Z"));
        assertThat(cancelled.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(Instant.parse("2027-03-02T10:00:00Z"));
        RegistrationMailbox.Mail ack = mailbox().last(awa.email());
        assertThat(ack.subject()).startsWith("Inscription annulée");
        Calendar cancel = RegistrationMailbox.calendar(mailbox().attachments(ack.id()).get(0));
        assertThat(RegistrationMailbox.value(cancel, "METHOD")).isEqualTo("CANCEL");
        VEvent cancelledEvent = RegistrationMailbox.event(cancel);
        assertThat(RegistrationMailbox.value(cancelledEvent, "UID")).isEqualTo(RegistrationMailbox.value(vevent, "UID"));
        assertThat(RegistrationMailbox.value(cancelledEvent, "STATUS")).isEqualTo("CANCELLED");
        assertThat(RegistrationMailbox.value(cancelledEvent, "SEQUENCE")).isEqualTo("1");
        assertThatThrownBy(() -> registrations.cancelByToken(r.token(), Instant.parse("2027-03-02T11:00:00Z")))
                .isInstanceOf(AgendaException.class).hasMessage("agenda.reg.error.not-live");

        // and may register again
        assertThat(registrations.register(id, RegistrationRequest.self(), awa, Instant.parse("2027-03-03T10:00:00Z")).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.ofPerson(awa.personId())).extracting(PersonRegistration::status)
                .containsExactlyInAnyOrder(RegistrationStatus.CONFIRMED, RegistrationStatus.CANCELLED);
    }

    // ------------------------------------------------------------------ rules: open, deadline, duplicates, full

    @Test
    void registrationIsRefusedWhenClosedDuplicatedOrFullAndNothingIsSaved() {
        TestPerson moussa = person("Moussa Traoré");
        // not on the site
        long none = event(TestEvents.inDays("Sans inscription " + TestStructures.newPersonId(), 30));
        assertThatThrownBy(() -> registrations.register(none, RegistrationRequest.self(), moussa))
                .isInstanceOf(AgendaException.class).hasMessage("agenda.reg.error.not-open");
        // proposed by a member, not published yet
        TestPerson organiser = person("Organisatrice");
        long org = TestStructures.association(directory, organiser, "Festisol inscriptions " + TestStructures.newPersonId());
        long pending = agenda.create(TestEvents.inDays("Proposé " + TestStructures.newPersonId(), 30).capacity(10).organisedBy(org).build(), organiser);
        assertThatThrownBy(() -> registrations.register(pending, RegistrationRequest.self(), moussa)).hasMessage("agenda.reg.error.not-open");
        // the deadline has passed
        TestEvents late = TestEvents.inDays("Date limite passée " + TestStructures.newPersonId(), 30);
        late.registration = new EventData.RegistrationSettings(RegistrationMode.OPEN, null, LocalDate.now().minusDays(1).atTime(18, 0), 30, true, true);
        long closed = event(late);
        assertThatThrownBy(() -> registrations.register(closed, RegistrationRequest.self(), moussa))
                .isInstanceOf(AgendaException.class).hasMessage("agenda.reg.error.deadline");
        assertThat(registrations.places(closed).open()).isFalse();
        // without a deadline: until the start
        long started = event(TestEvents.meeting("Déjà commencé " + TestStructures.newPersonId(), LocalDateTime.of(2027, 5, 10, 9, 0)).capacity(10));
        assertThatThrownBy(() -> registrations.register(started, RegistrationRequest.self(), moussa, Instant.parse("2027-05-10T08:00:00Z")))
                .hasMessage("agenda.reg.error.started");
        // signed in only
        assertThatThrownBy(() -> registrations.register(started, RegistrationRequest.self(), null)).isInstanceOf(AccessDeniedException.class);

        // twice: a clear message, never a second live registration; staff neither with another case
        long id = event(TestEvents.inDays("Une fois " + TestStructures.newPersonId(), 30).capacity(1));
        registrations.register(id, RegistrationRequest.self(), moussa);
        assertThatThrownBy(() -> registrations.register(id, RegistrationRequest.self(), moussa))
                .isInstanceOf(AgendaException.class).hasMessage("agenda.reg.error.already");
        assertThatThrownBy(() -> registrations.registerSomeone(id, RegistrationRequest.someone("Moussa", moussa.email().toUpperCase()), staff))
                .isInstanceOfSatisfying(AgendaException.class, e -> assertThat(e.problems())
                        .extracting(AgendaException.Problem::field, AgendaException.Problem::messageKey)
                        .containsExactly(tuple("email", "agenda.reg.error.already-someone")));

        // full without a waiting list
        TestEvents noList = TestEvents.inDays("Sans liste d’attente " + TestStructures.newPersonId(), 30);
        noList.registration = new EventData.RegistrationSettings(RegistrationMode.OPEN, null, null, 1, false, true);
        long small = event(noList);
        registrations.register(small, RegistrationRequest.self(), person("Première"));
        TestPerson second = person("Seconde");
        assertThatThrownBy(() -> registrations.register(small, RegistrationRequest.self(), second)).hasMessage("agenda.reg.error.full");
        assertThat(jdbc.sql("select count(*) from agenda_registration where event_id in (?, ?, ?, ?)")
                .params(none, pending, closed, started).query(Long.class).single()).isZero();
        assertThat(count(small, RegistrationStatus.CONFIRMED)).isEqualTo(1);
        assertThat(mailbox().to(second.email())).isEmpty();
    }

    @Test
    void questionsAndStructureAreCheckedFieldByFieldAndNothingIsSaved() {
        TestPerson fatou = person("Fatou Sow");
        long mine = TestStructures.association(directory, fatou, "Solidarité Gironde Sénégal " + TestStructures.newPersonId());
        long id = event(TestEvents.inDays("Journée avec questions " + TestStructures.newPersonId(), 30).capacity(50)
                .question("Régime alimentaire", QuestionKind.CHOICE, "Aucun\nVégétarien\nSans porc", true)
                .question("Besoin d’accessibilité", QuestionKind.TEXT, null, false)
                .question("Restez-vous au déjeuner ?", QuestionKind.YES_NO, null, true));
        List<EventData.QuestionData> q = agenda.find(id).orElseThrow().data().questions();
        long diet = q.get(0).id();
        long access = q.get(1).id();
        long lunch = q.get(2).id();
        long other = TestStructures.association(directory, person("Autre"), "Pas la sienne " + TestStructures.newPersonId());

        RegistrationRequest bad = new RegistrationRequest(null, null, other, null, null, Set.of(),
                Map.of(diet, "Végétalien", lunch, "peut-être"));
        assertThatThrownBy(() -> registrations.register(id, bad, fatou))
                .isInstanceOfSatisfying(AgendaException.class, e -> assertThat(e.problems())
                        .extracting(AgendaException.Problem::field, AgendaException.Problem::messageKey)
                        .containsExactlyInAnyOrder(
                                tuple("organisationId", "agenda.reg.error.structure-not-yours"),
                                tuple("answers[" + diet + "]", "agenda.reg.error.answer-choice"),
                                tuple("answers[" + lunch + "]", "agenda.reg.error.answer-yes-no")));
        RegistrationRequest missing = new RegistrationRequest(null, null, null, "Mairie de Pessac", "99", Set.of(), Map.of());
        assertThatThrownBy(() -> registrations.register(id, missing, fatou))
                .isInstanceOfSatisfying(AgendaException.class, e -> assertThat(e.problems())
                        .extracting(AgendaException.Problem::field, AgendaException.Problem::messageKey)
                        .containsExactlyInAnyOrder(
                                tuple("departement", "agenda.reg.error.departement"),
                                tuple("answers[" + diet + "]", "agenda.reg.error.answer-required"),
                                tuple("answers[" + lunch + "]", "agenda.reg.error.answer-required")));
        assertThat(count(id, RegistrationStatus.CONFIRMED)).isZero();
        assertThat(mailbox().to(fatou.email())).isEmpty();

        RegistrationDetails r = registrations.register(id, new RegistrationRequest(null, null, mine, null, null, Set.of(),
                Map.of(diet, "Végétarien", access, "  Boucle magnétique  ", lunch, "oui")), fatou);
        assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r.organisationId()).isEqualTo(mine);
        assertThat(r.organisationName()).startsWith("Solidarité Gironde Sénégal");
        assertThat(r.college()).isEqualTo("associations");
        assertThat(r.departement()).isEqualTo("33");
        assertThat(r.answers()).containsExactlyInAnyOrderEntriesOf(Map.of(diet, "Végétarien", access, "Boucle magnétique", lunch, "YES"));
    }

    // ------------------------------------------------------------------ waiting list, promotion, expiry

    @Test
    void aCancellationOffersThePlaceToTheFirstWaitingWhoConfirmsOrLosesItToTheNext() {
        Instant t0 = Instant.parse("2027-09-01T08:00:00Z");
        long id = event(TestEvents.meeting("Atelier ECSI " + TestStructures.newPersonId(), LocalDateTime.of(2027, 10, 14, 9, 0))
                .type(EventType.WORKSHOP).capacity(1));
        TestPerson ana = person("Ana");
        TestPerson bruno = person("Bruno");
        TestPerson chloe = person("Chloé");
        TestPerson david = person("David");
        RegistrationDetails a = registrations.register(id, RegistrationRequest.self(), ana, t0);
        RegistrationDetails b = registrations.register(id, RegistrationRequest.self(), bruno, t0.plusSeconds(60));
        RegistrationDetails c = registrations.register(id, RegistrationRequest.self(), chloe, t0.plusSeconds(120));
        RegistrationDetails d = registrations.register(id, RegistrationRequest.self(), david, t0.plusSeconds(180));
        assertThat(List.of(a, b, c, d)).extracting(RegistrationDetails::status, RegistrationDetails::waitingPosition).containsExactly(
                tuple(RegistrationStatus.CONFIRMED, null), tuple(RegistrationStatus.WAITING, 1),
                tuple(RegistrationStatus.WAITING, 2), tuple(RegistrationStatus.WAITING, 3));
        assertThat(mailbox().last(chloe.email()).text()).contains("liste d’attente, en position 2");
        assertThat(registrations.places(id, t0).full()).isTrue();

        // Ana cancels: Bruno (first waiting) is offered the place for 48 hours
        Instant t1 = t0.plus(Duration.ofDays(1));
        registrations.cancelByToken(a.token(), t1);
        RegistrationDetails offered = registrations.find(b.id()).orElseThrow();
        assertThat(offered.status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(registrations.find(c.id()).orElseThrow().waitingPosition()).isEqualTo(1);
        RegistrationMailbox.Mail offer = mailbox().last(bruno.email());
        assertThat(offer.subject()).startsWith("Une place se libère pour vous");
        assertThat(offer.text()).contains("/agenda/inscriptions/" + b.token()).contains("réservée jusqu’au");
        assertThat(registrations.places(id, t1).taken()).isEqualTo(1);

        // Bruno does not confirm in time: at t1 + 49 h the job expires his offer, Chloé gets hers
        Instant t2 = t1.plus(Duration.ofHours(49));
        assertThat(jobs.expireOffers(t1.plus(Duration.ofHours(47)))).isZero();
        assertThat(jobs.expireOffers(t2)).isEqualTo(1);
        assertThat(registrations.find(b.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(mailbox().last(bruno.email()).subject()).startsWith("Place non confirmée");
        RegistrationDetails chloeOffered = registrations.find(c.id()).orElseThrow();
        assertThat(chloeOffered.status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(chloeOffered.offerExpiresAt()).isEqualTo(t2.plus(HOURS_48));
        assertThat(registrations.find(d.id()).orElseThrow().waitingPosition()).isEqualTo(1);
        assertThatThrownBy(() -> registrations.confirmOffer(b.token(), t2)).hasMessage("agenda.reg.error.offer-expired");
        assertThatThrownBy(() -> registrations.confirmOffer(d.token(), t2)).hasMessage("agenda.reg.error.no-offer");

        // Chloé confirms in time: confirmed, with her invitation
        RegistrationDetails confirmed = registrations.confirmOffer(c.token(), t2.plus(Duration.ofHours(3)));
        assertThat(confirmed.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(confirmed.offerExpiresAt()).isNull();
        RegistrationMailbox.Mail invitation = mailbox().last(chloe.email());
        assertThat(invitation.subject()).startsWith("Inscription confirmée");
        assertThat(mailbox().attachments(invitation.id())).extracting(RegistrationMailbox.Attachment::filename).containsExactly("invitation.ics");
        assertThat(count(id, RegistrationStatus.CONFIRMED)).isEqualTo(1);
        assertThat(count(id, RegistrationStatus.WAITING)).isEqualTo(1);
        // a newcomer never overtakes David
        assertThat(registrations.register(id, RegistrationRequest.self(), person("Élodie"), t2.plus(Duration.ofHours(4))).waitingPosition()).isEqualTo(2);
    }

    @Test
    void anOfferNeverLastsBeyondTheDeadlineAndNoOneIsPromotedAfterIt() {
        Instant now = Instant.parse("2027-11-02T08:00:00Z");
        TestEvents e = TestEvents.meeting("Rencontre à date limite " + TestStructures.newPersonId(), LocalDateTime.of(2027, 11, 10, 9, 0));
        e.registration = new EventData.RegistrationSettings(RegistrationMode.OPEN, null, LocalDateTime.of(2027, 11, 3, 12, 0), 1, true, true);
        long id = event(e);
        RegistrationDetails a = registrations.register(id, RegistrationRequest.self(), person("Anne"), now);
        RegistrationDetails b = registrations.register(id, RegistrationRequest.self(), person("Basile"), now);
        RegistrationDetails c = registrations.register(id, RegistrationRequest.self(), person("Capucine"), now);
        registrations.cancelByToken(a.token(), now.plus(Duration.ofHours(1)));
        // 48 h would end on 5 November: the offer ends at the deadline, 3 November at noon (Paris)
        assertThat(registrations.find(b.id()).orElseThrow().offerExpiresAt()).isEqualTo(Instant.parse("2027-11-03T11:00:00Z"));
        jobs.expireOffers(Instant.parse("2027-11-03T11:00:00Z"));
        assertThat(registrations.find(b.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(registrations.find(c.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.WAITING);
    }

    @Test
    void aCapacityRaisedByAnEditPromotesThePeopleWaitingInOrder() {
        long id = event(TestEvents.inDays("Groupe pays Mali " + TestStructures.newPersonId(), 40).type(EventType.COUNTRY_GROUP).capacity(1));
        registrations.register(id, RegistrationRequest.self(), person("Un"));
        RegistrationDetails two = registrations.register(id, RegistrationRequest.self(), person("Deux"));
        RegistrationDetails three = registrations.register(id, RegistrationRequest.self(), person("Trois"));
        RegistrationDetails four = registrations.register(id, RegistrationRequest.self(), person("Quatre"));
        EventDetails e = agenda.find(id).orElseThrow();
        EventData.RegistrationSettings more = new EventData.RegistrationSettings(RegistrationMode.OPEN, null, null, 3, true, true);
        EventData d = e.data();
        agenda.update(id, e.version(), new EventData(d.type(), d.title(), d.summary(), d.description(), d.allDay(), d.start(), d.end(),
                d.repeat(), d.format(), d.venueName(), d.street(), d.postalCode(), d.city(), d.latitude(), d.longitude(), d.onlineUrl(),
                d.organisationIds(), d.themes(), d.countries(), d.audience(), d.free(), d.price(), d.accessibility(), d.documents(),
                d.trainingModuleId(), more, d.sessions(), d.questions()), staff);
        assertThat(registrations.find(two.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(registrations.find(three.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(registrations.find(four.id()).orElseThrow().waitingPosition()).isEqualTo(1);
    }

    @Test
    void movingAnEventTellsItsParticipantsWithTheUpdatedCalendarEntryButATypoFixDoesNot() {
        long id = event(TestEvents.meeting("Rencontre déplacée " + TestStructures.newPersonId(), LocalDateTime.of(2027, 5, 20, 9, 30))
                .end(LocalDateTime.of(2027, 5, 20, 12, 30)).capacity(1));
        TestPerson awa = person("Awa Déplacée");
        TestPerson bruno = person("Bruno Attente");
        registrations.register(id, RegistrationRequest.self(), awa, Instant.parse("2027-04-01T10:00:00Z"));
        registrations.register(id, RegistrationRequest.self(), bruno, Instant.parse("2027-04-01T10:05:00Z"));
        String firstUid = RegistrationMailbox.value(RegistrationMailbox.event(RegistrationMailbox.calendar(
                mailbox().attachments(mailbox().last(awa.email()).id()).get(0))), "UID");

        // a typo fixed in the title: nobody is bothered
        EventDetails e = agenda.find(id).orElseThrow();
        TestEvents same = TestEvents.meeting(e.title() + " (corrigé)", LocalDateTime.of(2027, 5, 20, 9, 30))
                .end(LocalDateTime.of(2027, 5, 20, 12, 30)).capacity(1);
        agenda.update(id, e.version(), same.build(), staff);
        assertThat(mailbox().last(awa.email()).subject()).startsWith("Inscription confirmée");

        // moved to the afternoon of the next day and to Pessac: both are told, the confirmed one with the new entry
        e = agenda.find(id).orElseThrow();
        TestEvents moved = TestEvents.meeting(e.title(), LocalDateTime.of(2027, 5, 21, 14, 0)).end(LocalDateTime.of(2027, 5, 21, 17, 0)).capacity(1);
        moved.postalCode = "33600";
        moved.city = "Pessac";
        agenda.update(id, e.version(), moved.build(), staff);

        RegistrationMailbox.Mail told = mailbox().last(awa.email());
        assertThat(told.subject()).startsWith("Changement de date ou de lieu\u00a0: Rencontre déplacée");
        assertThat(told.text()).contains("vendredi 21 mai 2027 de 14\u00a0h à 17\u00a0h").contains("33600 Pessac");
        VEvent updated = RegistrationMailbox.event(RegistrationMailbox.calendar(mailbox().attachments(told.id()).get(0)));
        assertThat(RegistrationMailbox.value(updated, "UID")).isEqualTo(firstUid);
        assertThat(Integer.parseInt(RegistrationMailbox.value(updated, "SEQUENCE"))).isGreaterThan(0);
        assertThat(((ZonedDateTime) updated.getStartDate().orElseThrow().getDate()).toInstant()).isEqualTo(Instant.parse("2027-05-21T12:00:00Z"));

        RegistrationMailbox.Mail waiting = mailbox().last(bruno.email());
        assertThat(waiting.subject()).startsWith("Changement de date ou de lieu");
        assertThat(mailbox().attachments(waiting.id())).isEmpty();

        // cancelling afterwards still replaces the updated entry (a higher SEQUENCE again)
        RegistrationDetails r = registrations.ofEvent(id).stream().filter(x -> x.email().equals(awa.email())).findFirst().orElseThrow();
        registrations.cancelByToken(r.token(), Instant.parse("2027-04-02T10:00:00Z"));
        VEvent cancelled = RegistrationMailbox.event(RegistrationMailbox.calendar(mailbox().attachments(mailbox().last(awa.email()).id()).get(0)));
        assertThat(Integer.parseInt(RegistrationMailbox.value(cancelled, "SEQUENCE")))
                .isGreaterThan(Integer.parseInt(RegistrationMailbox.value(updated, "SEQUENCE")));
    }

    // ------------------------------------------------------------------ approval

    @Test
    void onApprovalRequestsHoldTheirPlaceWhileStaffDecide() {
        TestEvents e = TestEvents.inDays("Assemblée générale " + TestStructures.newPersonId(), 35).type(EventType.GENERAL_ASSEMBLY);
        e.registration = new EventData.RegistrationSettings(RegistrationMode.APPROVAL, null, null, 2, true, true);
        long id = event(e);
        TestPerson ines = person("Inès");
        TestPerson jules = person("Jules");
        TestPerson karim = person("Karim");
        RegistrationDetails i = registrations.register(id, RegistrationRequest.self(), ines);
        RegistrationDetails j = registrations.register(id, RegistrationRequest.self(), jules);
        RegistrationDetails k = registrations.register(id, RegistrationRequest.self(), karim);
        assertThat(List.of(i, j, k)).extracting(RegistrationDetails::status)
                .containsExactly(RegistrationStatus.PENDING, RegistrationStatus.PENDING, RegistrationStatus.WAITING);
        assertThat(mailbox().last(ines.email()).subject()).startsWith("Demande d’inscription reçue");
        assertThat(mailbox().attachments(mailbox().last(ines.email()).id())).isEmpty();
        assertThatThrownBy(() -> registrations.approve(i.id(), ines)).isInstanceOf(AccessDeniedException.class);

        registrations.approve(i.id(), staff);
        assertThat(registrations.find(i.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        RegistrationMailbox.Mail accepted = mailbox().last(ines.email());
        assertThat(accepted.subject()).startsWith("Inscription acceptée");
        assertThat(RegistrationMailbox.value(RegistrationMailbox.calendar(mailbox().attachments(accepted.id()).get(0)), "METHOD")).isEqualTo("REQUEST");
        assertThatThrownBy(() -> registrations.approve(i.id(), staff)).hasMessage("agenda.reg.error.not-pending");

        // refusing Jules frees his place: Karim's request leaves the waiting list for staff to decide
        registrations.refuse(j.id(), "La salle est réservée aux adhérents.", staff);
        assertThat(registrations.find(j.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.REFUSED);
        assertThat(mailbox().last(jules.email()).text()).contains("Message de l’équipe\u00a0: La salle est réservée aux adhérents.");
        assertThat(registrations.find(k.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(mailbox().last(karim.email()).subject()).startsWith("Une place se libère");
        assertThat(jdbc.sql("select count(*) from staff_action where action in ('agenda.reg.approve', 'agenda.reg.refuse') and target_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ sessions

    @Test
    void sessionsHaveTheirOwnPlacesAndMayBeChangedWithinThem() {
        TestEvents e = TestEvents.meeting("Agora des solidarités " + TestStructures.newPersonId(), LocalDateTime.of(2027, 6, 12, 9, 0))
                .end(LocalDateTime.of(2027, 6, 12, 18, 0)).type(EventType.AGORA).capacity(100);
        e.sessions.add(new EventData.SessionData(null, "Atelier eau", null, LocalDateTime.of(2027, 6, 12, 14, 0), LocalDateTime.of(2027, 6, 12, 16, 0), "Salle A", null, 1));
        e.sessions.add(new EventData.SessionData(null, "Atelier santé", null, LocalDateTime.of(2027, 6, 12, 14, 0), LocalDateTime.of(2027, 6, 12, 16, 0), "Salle B", null, 10));
        e.sessions.add(new EventData.SessionData(null, "Tribune des projets", null, LocalDateTime.of(2027, 6, 12, 16, 30), LocalDateTime.of(2027, 6, 12, 18, 0), null, null, null));
        long id = event(e);
        List<EventData.SessionData> s = agenda.find(id).orElseThrow().data().sessions();
        long water = s.get(0).id();
        long health = s.get(1).id();
        long tribune = s.get(2).id();
        long foreign = agenda.find(event(TestEvents.inDays("Autre agora " + TestStructures.newPersonId(), 50).capacity(10)
                .session("Ailleurs", 5))).orElseThrow().data().sessions().get(0).id();
        Instant now = Instant.parse("2027-06-01T08:00:00Z");

        RegistrationDetails first = registrations.register(id, RegistrationRequest.self().withSessions(Set.of(water, tribune)), person("Lina"), now);
        assertThat(first.sessionIds()).containsExactly(water, tribune);
        TestPerson late = person("Malik");
        assertThatThrownBy(() -> registrations.register(id, RegistrationRequest.self().withSessions(Set.of(water)), late, now))
                .isInstanceOfSatisfying(AgendaException.class, ex -> assertThat(ex.problems())
                        .extracting(AgendaException.Problem::field, AgendaException.Problem::messageKey, p -> p.args())
                        .containsExactly(tuple("sessionIds", "agenda.reg.error.session-full", List.of("Atelier eau"))));
        assertThatThrownBy(() -> registrations.register(id, RegistrationRequest.self().withSessions(Set.of(water, health)), late, now))
                .hasMessage("agenda.reg.error.session-overlap");
        assertThatThrownBy(() -> registrations.register(id, RegistrationRequest.self().withSessions(Set.of(foreign)), late, now))
                .hasMessage("agenda.reg.error.session-unknown");
        RegistrationDetails second = registrations.register(id, RegistrationRequest.self().withSessions(Set.of(health)), late, now);
        assertThat(registrations.places(id, now).sessions()).extracting(EventPlaces.SessionPlaces::title, EventPlaces.SessionPlaces::taken,
                EventPlaces.SessionPlaces::left).containsExactly(tuple("Atelier eau", 1, 0), tuple("Atelier santé", 1, 9), tuple("Tribune des projets", 1, null));

        // Malik cannot move to the full workshop; Lina leaves it, then Malik can
        assertThatThrownBy(() -> registrations.changeSessions(second.token(), Set.of(water), now)).hasMessage("agenda.reg.error.session-full");
        registrations.changeSessions(first.token(), Set.of(health, tribune), now);
        assertThat(registrations.changeSessions(second.token(), Set.of(water, tribune), now).sessionIds()).containsExactly(water, tribune);
        assertThat(registrations.counts(id).bySession()).extracting(RegistrationCounts.Row::code, RegistrationCounts.Row::confirmed)
                .containsExactly(tuple(String.valueOf(water), 1L), tuple(String.valueOf(health), 1L), tuple(String.valueOf(tribune), 2L));
    }

    // ------------------------------------------------------------------ staff

    @Test
    void staffRegisterSomeoneCancelAndMarkAttendanceAndTheReportCountsByCollegeAndDepartement() {
        long id = event(TestEvents.inDays("Rencontre régionale multi-acteurs " + TestStructures.newPersonId(), 25).capacity(30));
        TestPerson nora = person("Nora");
        long asso = TestStructures.association(directory, nora, "Association Nora " + TestStructures.newPersonId());
        TestPerson olivier = person("Olivier");
        String communeName = "Commune d’Olivier " + TestStructures.newPersonId();
        long commune = TestStructures.localAuthority(directory, olivier, communeName, "64000", "Pau");
        RegistrationDetails n = registrations.register(id, RegistrationRequest.forStructure(asso), nora);
        RegistrationDetails o = registrations.register(id, RegistrationRequest.forStructure(commune), olivier);
        RegistrationDetails p = registrations.register(id, RegistrationRequest.self().withTypedStructure("Lycée Montesquieu", "47"), person("Paul"));

        // staff register someone without account; a typed name found in the directory is that structure
        assertThatThrownBy(() -> registrations.registerSomeone(id, RegistrationRequest.someone(" ", "pas-une-adresse"), staff))
                .isInstanceOfSatisfying(AgendaException.class, ex -> assertThat(ex.problems()).extracting(AgendaException.Problem::field)
                        .containsExactly("fullName", "email"));
        assertThatThrownBy(() -> registrations.registerSomeone(id, RegistrationRequest.someone("Quentin", "q@exemple.org"), person("Pas staff")))
                .isInstanceOf(AccessDeniedException.class);
        String quentin = "quentin." + TestStructures.newPersonId() + "@exemple.org";
        RegistrationDetails q = registrations.registerSomeone(id, RegistrationRequest.someone("Quentin Élu", quentin)
                .withTypedStructure(communeName.toUpperCase(), null), staff);
        assertThat(q.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(q.registeredBy()).isEqualTo(staff.personId());
        assertThat(q.organisationId()).isEqualTo(commune);
        assertThat(q.college()).isEqualTo("collectivites");
        assertThat(q.departement()).isEqualTo("64");
        assertThat(mailbox().last(quentin).subject()).startsWith("Inscription confirmée");

        // staff cancel Paul's registration: he is told
        registrations.cancelByStaff(p.id(), staff);
        assertThat(mailbox().last(p.email()).text()).contains("L’équipe a annulé cette inscription");
        assertThatThrownBy(() -> registrations.cancel(n.id(), olivier)).isInstanceOf(AccessDeniedException.class);

        // attendance: only confirmed ones change
        assertThat(registrations.markAttendance(id, Map.of(n.id(), true, o.id(), false, q.id(), true, p.id(), true), staff)).isEqualTo(3);
        assertThat(registrations.find(p.id()).orElseThrow().attended()).isNull();
        assertThat(registrations.markAttendance(id, Map.of(n.id(), true), staff)).isZero();

        RegistrationCounts counts = registrations.counts(id);
        assertThat(counts.confirmed()).isEqualTo(3);
        assertThat(counts.attended()).isEqualTo(2);
        assertThat(counts.count(RegistrationStatus.CANCELLED)).isEqualTo(1);
        assertThat(counts.byCollege()).extracting(RegistrationCounts.Row::code, RegistrationCounts.Row::confirmed, RegistrationCounts.Row::attended)
                .containsExactly(tuple("collectivites", 2L, 1L), tuple("associations", 1L, 1L));
        assertThat(counts.byDepartement()).extracting(RegistrationCounts.Row::code, RegistrationCounts.Row::confirmed)
                .containsExactly(tuple("64", 2L), tuple("33", 1L));
        assertThat(jdbc.sql("select action from staff_action where target_type = 'event' and target_id = ? order by id").param(id)
                .query(String.class).list()).containsSubsequence("agenda.reg.register", "agenda.reg.cancel", "agenda.reg.attendance");
    }

    // ------------------------------------------------------------------ reminders, event cancelled

    @Test
    void theReminderGoesTwoDaysBeforeOnceAndACancelledEventTellsEveryone() {
        long id = event(TestEvents.meeting("Webinaire évaluation " + TestStructures.newPersonId(), LocalDateTime.of(2027, 12, 9, 14, 0))
                .type(EventType.WEBINAR).online("https://visio.exemple.org/evaluation").capacity(1));
        Instant before = Instant.parse("2027-11-20T08:00:00Z");
        TestPerson rose = person("Rose");
        TestPerson simon = person("Simon");
        RegistrationDetails r = registrations.register(id, RegistrationRequest.self(), rose, before);
        registrations.register(id, RegistrationRequest.self(), simon, before);

        assertThat(registrations.remindersDue(Instant.parse("2027-12-07T12:00:00Z"))).doesNotContain(r.id()); // 2 days and 1 hour before
        Instant due = Instant.parse("2027-12-07T14:00:00Z");
        assertThat(registrations.remindersDue(due)).contains(r.id());
        jobs.sendReminders(due);
        jobs.sendReminders(due.plusSeconds(600));
        List<RegistrationMailbox.Mail> reminders = mailbox().to(rose.email()).stream().filter(m -> m.subject().startsWith("Rappel")).toList();
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).subject()).isEqualTo("Rappel\u00a0: " + agenda.find(id).orElseThrow().title() + ", jeudi 9 décembre 2027 de 14\u00a0h à 17\u00a0h");
        assertThat(reminders.get(0).text()).contains("en ligne\u00a0: https://visio.exemple.org/evaluation").contains("/agenda/inscriptions/" + r.token());
        assertThat(registrations.find(r.id()).orElseThrow().reminderSentAt()).isEqualTo(due);
        assertThat(mailbox().to(simon.email())).noneMatch(m -> m.subject().startsWith("Rappel"));

        agenda.cancel(id, "L’intervenante est malade.", staff);
        RegistrationMailbox.Mail toRose = mailbox().last(rose.email());
        assertThat(toRose.subject()).startsWith("Événement annulé");
        assertThat(toRose.text()).contains("Message de l’organisateur\u00a0: L’intervenante est malade.");
        assertThat(RegistrationMailbox.value(RegistrationMailbox.calendar(mailbox().attachments(toRose.id()).get(0)), "METHOD")).isEqualTo("CANCEL");
        RegistrationMailbox.Mail toSimon = mailbox().last(simon.email());
        assertThat(toSimon.subject()).startsWith("Événement annulé");
        assertThat(mailbox().attachments(toSimon.id())).isEmpty();
        assertThatThrownBy(() -> registrations.register(id, RegistrationRequest.self(), person("Trop tard"), before)).hasMessage("agenda.reg.error.not-open");
    }

    @Test
    void aDeletedAccountLeavesItsPlaceToTheNextPersonAndNoPersonalData() {
        long id = event(TestEvents.inDays("Atelier RGPD " + TestStructures.newPersonId(), 30).capacity(1)
                .question("Besoins d’accessibilité", QuestionKind.TEXT, null, false));
        long question = agenda.find(id).orElseThrow().data().questions().get(0).id();
        TestPerson gone = person("Personne partie");
        TestPerson next = person("Personne suivante");
        RegistrationDetails r = registrations.register(id, RegistrationRequest.self().withAnswers(Map.of(question, "Fauteuil roulant")), gone);
        RegistrationDetails w = registrations.register(id, RegistrationRequest.self(), next);

        registrations.onPersonDeleted(new fr.maillage.accounts.PersonDeleted(gone.personId()));

        RegistrationDetails after = registrations.find(r.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(after.fullName()).isEqualTo("—");
        assertThat(after.email()).isEqualTo("anonyme-" + r.id() + "@invalid");
        assertThat(after.personId()).isNull();
        assertThat(after.answers()).isEmpty();
        assertThat(registrations.find(w.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(registrations.ofPerson(gone.personId())).isEmpty();
    }

    // ------------------------------------------------------------------ capacity under simultaneous registrations

    @Test
    void twoHundredSimultaneousRegistrationsFillFiftyPlacesExactlyAndQueueTheRest() throws Exception {
        long id = event(TestEvents.inDays("Rencontre régionale annuelle " + TestStructures.newPersonId(), 60).capacity(50));
        int people = 200;
        ExecutorService pool = Executors.newFixedThreadPool(people);
        CountDownLatch ready = new CountDownLatch(people);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Future<RegistrationDetails>> results = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            TestPerson p = person("Participant " + i);
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return registrations.register(id, RegistrationRequest.self(), p);
                } catch (Throwable t) {
                    errors.add(t);
                    throw t;
                }
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).isEmpty();
        List<RegistrationDetails> done = new ArrayList<>();
        for (Future<RegistrationDetails> f : results) {
            done.add(f.get());
        }
        assertThat(done.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)).hasSize(50);
        assertThat(done.stream().filter(r -> r.status() == RegistrationStatus.WAITING)).hasSize(150);
        assertThat(count(id, RegistrationStatus.CONFIRMED)).isEqualTo(50);
        assertThat(count(id, RegistrationStatus.WAITING)).isEqualTo(150);
        // the waiting list is numbered 1..150 without gap, in order of arrival
        assertThat(registrations.ofEvent(id).stream().filter(r -> r.status() == RegistrationStatus.WAITING).map(RegistrationDetails::waitingPosition))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 150).boxed().toList());
        assertThat(registrations.places(id).left()).isZero();
    }
}
