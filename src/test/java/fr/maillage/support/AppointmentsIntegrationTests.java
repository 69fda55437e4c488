package fr.maillage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.maillage.accounts.AccountService;
import fr.maillage.agenda.Agenda;
import fr.maillage.directory.Directory;
import fr.maillage.shared.text.Dates;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Appointments on the real database: booking with both e-mails and their invitations (read back
 * with iCal4j), two people on the same slot at once, cancel and move by either side, the
 * reminder sent once, bad availability refused with nothing saved, and the support history.
 */
@SpringBootTest
@ActiveProfiles("test")
class AppointmentsIntegrationTests {

    @Autowired
    Appointments appointments;

    @Autowired
    Availability availability;

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    Directory directory;

    @Autowired
    Agenda agenda;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    TestPerson staff;
    TestPerson awa;
    long org;

    @BeforeEach
    void setUp() {
        staff = SupportTestData.staffAccount(accounts, jdbc, "Camille Accompagnement");
        availability.saveProfile(staff, "Camille Martin", "Chargée d’accompagnement");
        SupportTestData.everyDay(availability, staff, "09:00", "12:00", 60);
        awa = TestStructures.member("Awa Diop");
        org = TestStructures.association(directory, awa, "Eau Vive Podor " + TestStructures.newPersonId());
    }

    Slot slot(int index) {
        return availability.freeSlots(staff.personId(), null).get(index);
    }

    Appointment book(TestPerson who, Slot s, MeetingMode mode) {
        return appointments.book(new Appointments.Booking(s.key(), Subject.PROJECT_DESIGN, org, "Nous montons un projet d’eau potable.", mode), who);
    }

    static VEvent event(Calendar c) {
        return (VEvent) c.getComponents(Component.VEVENT).get(0);
    }

    @Test
    void aBookingSendsBothSidesAnInvitationInParisTime() throws Exception {
        Slot s = slot(0);
        Appointment a = book(awa, s, MeetingMode.IN_PERSON);

        assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(a.localStart()).isEqualTo(s.localStart());
        assertThat(a.place()).isEqualTo("Maison des associations, 33000 Bordeaux");
        assertThat(a.videoUrl()).isNull();
        assertThat(a.staff().label()).isEqualTo("Camille Martin, Chargée d’accompagnement");
        assertThat(a.organisationName()).startsWith("Eau Vive Podor");
        assertThat(a.token()).hasSizeGreaterThanOrEqualTo(40);

        List<SupportTestData.Mail> toAwa = SupportTestData.mailsTo(jdbc, awa.email());
        assertThat(toAwa).hasSize(1);
        String date = Dates.dateTime(s.localStart(), java.util.Locale.FRENCH);
        assertThat(toAwa.get(0).subject()).isEqualTo("Rendez-vous confirmé le " + date);
        assertThat(toAwa.get(0).body()).contains("Bonjour Awa Diop,").contains("Camille Martin, Chargée d’accompagnement")
                .contains("Sujet\u00a0: Montage de projet").contains("En présentiel – Maison des associations, 33000 Bordeaux")
                .contains("/rendez-vous/" + a.token());
        assertThat(SupportTestData.contentType(jdbc, toAwa.get(0).id())).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        Calendar invitation = SupportTestData.ics(jdbc, toAwa.get(0).id());
        invitation.validate();
        assertThat(invitation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent e = event(invitation);
        assertThat(e.getUid().orElseThrow().getValue()).isEqualTo(a.uid());
        assertThat(Instant.from((ZonedDateTime) e.getStartDate().orElseThrow().getDate())).isEqualTo(s.startsAt());
        assertThat(((ZonedDateTime) e.getStartDate().orElseThrow().getDate()).toLocalDateTime()).isEqualTo(s.localStart());
        assertThat(e.getLocation().getValue()).isEqualTo("Maison des associations, 33000 Bordeaux");
        assertThat(e.getProperty("SEQUENCE")).isEmpty(); // 0 is not written

        List<SupportTestData.Mail> toStaff = SupportTestData.mailsTo(jdbc, staff.email());
        assertThat(toStaff).extracting(SupportTestData.Mail::subject).anyMatch(t -> t.startsWith("Nouveau rendez-vous\u00a0: Awa Diop"));
        SupportTestData.Mail staffMail = toStaff.get(toStaff.size() - 1);
        assertThat(staffMail.body()).contains("Awa Diop <" + awa.email() + ">").contains("Nous montons un projet d’eau potable.")
                .contains("/admin/rendez-vous/" + a.id());
        assertThat(event(SupportTestData.ics(jdbc, staffMail.id())).getUid().orElseThrow().getValue()).isEqualTo(a.uid());

        // the slot is gone from the list, for everyone
        assertThat(availability.freeSlots(staff.personId(), null)).extracting(Slot::key).doesNotContain(s.key());
    }

    @Test
    void twoPeopleOnTheSameSlotAtOnceOneWinsTheOtherIsToldItWasJustTaken() throws Exception {
        TestPerson moussa = TestStructures.member("Moussa Traoré");
        long otherOrg = TestStructures.association(directory, moussa, "Festisol " + TestStructures.newPersonId());
        Slot s = slot(0);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> tasks = List.of(
                    () -> {
                        start.await();
                        return appointments.book(new Appointments.Booking(s.key(), Subject.FUNDING, org, null, MeetingMode.VIDEO), awa);
                    },
                    () -> {
                        start.await();
                        return appointments.book(new Appointments.Booking(s.key(), Subject.EVALUATION, otherOrg, null, MeetingMode.VIDEO), moussa);
                    });
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> t : tasks) {
                futures.add(pool.submit(t));
            }
            start.countDown();
            int won = 0;
            List<Throwable> lost = new ArrayList<>();
            for (Future<Object> f : futures) {
                try {
                    f.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(lost).singleElement().isInstanceOf(SlotTakenException.class);
            assertThat(((SupportException) lost.get(0)).problems().get(0).messageKey()).isEqualTo("support.error.slot-taken");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from support_appointment where staff_id = ? and starts_at = ? and status <> 'CANCELLED'")
                .params(staff.personId(), Availability.utc(s.startsAt())).query(Long.class).single()).isEqualTo(1);
        // the loser got no e-mail
        assertThat(SupportTestData.mailsTo(jdbc, awa.email()).size() + SupportTestData.mailsTo(jdbc, moussa.email()).size()).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondLiveAppointmentOnTheSameSlot() {
        Appointment a = book(awa, slot(0), MeetingMode.VIDEO);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into support_appointment (token, uid, staff_id, person_id, person_name, person_email, organisation_id, organisation_name,
                    subject, mode, local_start, local_end, starts_at, ends_at, status)
                select 'x' || token, 'x' || uid, staff_id, 1, 'X', 'x@exemple.test', organisation_id, organisation_name, subject, mode,
                    local_start, local_end, starts_at, ends_at, 'BOOKED' from support_appointment where id = ?""").param(a.id()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void theMemberCancelsAndBothSidesGetACancellation() throws Exception {
        Appointment a = book(awa, slot(1), MeetingMode.VIDEO);
        assertThat(a.videoUrl()).isEqualTo("https://visio.exemple.org/equipe");
        Appointment cancelled = appointments.cancelByPerson(a.token(), "Notre trésorière est malade.");

        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo("PERSON");
        assertThat(availability.freeSlots(staff.personId(), null)).extracting(Slot::key).contains(Slot.key(staff.personId(), a.localStart()));

        SupportTestData.Mail toStaff = last(staff.email());
        assertThat(toStaff.subject()).isEqualTo("Awa Diop a annulé son rendez-vous du " + Dates.dateTime(a.localStart(), java.util.Locale.FRENCH));
        assertThat(toStaff.body()).contains("Motif\u00a0: Notre trésorière est malade.");
        Calendar cancel = SupportTestData.ics(jdbc, toStaff.id());
        assertThat(cancel.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(event(cancel).getUid().orElseThrow().getValue()).isEqualTo(a.uid());
        assertThat(event(cancel).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event(cancel).getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(SupportTestData.contentType(jdbc, toStaff.id())).endsWith("method=CANCEL");
        assertThat(last(awa.email()).subject()).startsWith("Rendez-vous du ").endsWith(" annulé");

        // once cancelled, it can be neither cancelled nor moved again
        assertThatThrownBy(() -> appointments.cancelByPerson(a.token(), null)).isInstanceOf(SupportException.class)
                .extracting(e -> ((SupportException) e).problems().get(0).messageKey()).isEqualTo("support.error.already-cancelled");
        assertThatThrownBy(() -> appointments.moveByPerson(a.token(), slot(3).key(), null)).isInstanceOf(SupportException.class);
    }

    @Test
    void staffMoveItAndTheMemberGetsTheUpdatedInvitation() throws Exception {
        Appointment a = book(awa, slot(0), MeetingMode.IN_PERSON);
        Slot later = slot(4);
        Appointment moved = appointments.moveByStaff(a.id(), later.key(), null, staff);

        assertThat(moved.localStart()).isEqualTo(later.localStart());
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.mode()).isEqualTo(MeetingMode.IN_PERSON); // the slot offers both: kept as it was
        assertThat(moved.uid()).isEqualTo(a.uid());
        SupportTestData.Mail toAwa = last(awa.email());
        assertThat(toAwa.subject()).isEqualTo("Votre rendez-vous est déplacé au " + Dates.dateTime(later.localStart(), java.util.Locale.FRENCH));
        assertThat(toAwa.body()).contains("prévu le " + Dates.dateTime(a.localStart(), java.util.Locale.FRENCH));
        VEvent e = event(SupportTestData.ics(jdbc, toAwa.id()));
        assertThat(e.getUid().orElseThrow().getValue()).isEqualTo(a.uid());
        assertThat(e.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(((ZonedDateTime) e.getStartDate().orElseThrow().getDate()).toLocalDateTime()).isEqualTo(later.localStart());
        // the old slot is free again, the new one taken
        assertThat(availability.freeSlots(staff.personId(), null)).extracting(Slot::key).contains(Slot.key(staff.personId(), a.localStart()))
                .doesNotContain(later.key());
        assertThat(jdbc.sql("select count(*) from staff_action where action = 'support.move' and target_id = ?").param(a.id())
                .query(Long.class).single()).isEqualTo(1);

        // the member moves it again, by video this time: sequence 2
        Slot third = slot(6);
        Appointment again = appointments.moveByPerson(a.token(), third.key(), MeetingMode.VIDEO);
        assertThat(again.sequence()).isEqualTo(2);
        assertThat(again.mode()).isEqualTo(MeetingMode.VIDEO);
        assertThat(again.videoUrl()).isEqualTo("https://visio.exemple.org/equipe");
        SupportTestData.Mail toStaff = last(staff.email());
        assertThat(toStaff.subject()).isEqualTo("Awa Diop a déplacé son rendez-vous au " + Dates.dateTime(third.localStart(), java.util.Locale.FRENCH));
        assertThat(event(SupportTestData.ics(jdbc, toStaff.id())).getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");

        // to the same time, or to a slot just taken: refused, nothing changes
        assertThatThrownBy(() -> appointments.moveByPerson(a.token(), third.key(), null)).isInstanceOf(SupportException.class)
                .extracting(x -> ((SupportException) x).problems().get(0).messageKey()).isEqualTo("support.error.same-slot");
        Slot taken = slot(0);
        TestPerson other = TestStructures.member("Autre");
        long otherOrg = TestStructures.association(directory, other, "Autre asso " + TestStructures.newPersonId());
        appointments.book(new Appointments.Booking(taken.key(), Subject.OTHER, otherOrg, null, MeetingMode.VIDEO), other);
        assertThatThrownBy(() -> appointments.moveByPerson(a.token(), taken.key(), null)).isInstanceOf(SlotTakenException.class);
        assertThat(appointments.find(a.id()).orElseThrow().localStart()).isEqualTo(third.localStart());
    }

    @Test
    void aSlotThatIsNotOfferedIsRefusedAndAChoiceOfModeIsAskedWhenTheSlotOffersBoth() {
        Slot s = slot(0);
        // outside the rules (20:00), in the past, within the minimum notice: "no longer offered"
        for (LocalDateTime at : List.of(s.localStart().withHour(20), LocalDateTime.now().minusDays(2).withHour(9).withMinute(0).withSecond(0).withNano(0),
                LocalDate.now(SlotCalculator.PARIS).atTime(LocalTime.of(23, 0)))) {
            assertThatThrownBy(() -> appointments.book(new Appointments.Booking(Slot.key(staff.personId(), at), Subject.OTHER, org, null,
                    MeetingMode.VIDEO), awa)).isInstanceOf(SupportException.class)
                    .extracting(x -> ((SupportException) x).problems().get(0).messageKey()).isEqualTo("support.error.slot-gone");
        }
        assertThatThrownBy(() -> appointments.book(new Appointments.Booking(s.key(), Subject.OTHER, org, null, null), awa))
                .extracting(x -> ((SupportException) x).problems().get(0).field()).isEqualTo("mode");
        // not one of her structures; no subject; a message too long: every problem at once
        long notHers = TestStructures.association(directory, TestStructures.member("Autre"), "Autre asso " + TestStructures.newPersonId());
        assertThatThrownBy(() -> appointments.book(new Appointments.Booking(s.key(), null, notHers, "x".repeat(2001), MeetingMode.VIDEO), awa))
                .isInstanceOf(SupportException.class)
                .extracting(x -> ((SupportException) x).problems().stream().map(SupportException.Problem::field).toList())
                .isEqualTo(List.of("subject", "organisationId", "message"));
        assertThat(appointments.upcomingOf(awa.personId())).isEmpty();
    }

    @Test
    void anAbsenceRemovesItsSlotsAndTellsStaffWhichAppointmentsFallInside() {
        Slot s = slot(0);
        book(awa, s, MeetingMode.VIDEO);
        LocalDate day = s.localStart().toLocalDate();
        Availability.SavedException saved = availability.addException(new AvailabilityException(null, staff.personId(),
                AvailabilityException.Kind.CLOSED, day, day.plusDays(2), null, null, null, null, null, null, "Mission à Dakar"), staff);
        assertThat(saved.bookedInside()).isEqualTo(1);
        assertThat(availability.freeSlots(staff.personId(), null)).noneMatch(x -> !x.localStart().toLocalDate().isBefore(day)
                && !x.localStart().toLocalDate().isAfter(day.plusDays(2)));
        // an extra opening on the evening of the day after
        LocalDate after = day.plusDays(3);
        availability.addException(new AvailabilityException(null, staff.personId(), AvailabilityException.Kind.OPEN, after, after,
                LocalTime.of(18, 0), LocalTime.of(19, 30), 45, MeetingMode.VIDEO, null, "https://visio.exemple.org/soir", null), staff);
        assertThat(availability.freeSlots(staff.personId(), MeetingMode.VIDEO)).extracting(Slot::localStart)
                .contains(after.atTime(18, 0), after.atTime(18, 45));
        assertThat(availability.freeSlots(staff.personId(), MeetingMode.IN_PERSON)).extracting(Slot::localStart)
                .doesNotContain(after.atTime(18, 0));
    }

    @Test
    void badAvailabilityIsRefusedFieldByFieldAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from support_availability_rule where staff_id = ?").param(staff.personId()).query(Long.class).single();
        // end before start
        assertThat(problems(() -> availability.saveRule(rule(DayOfWeek.MONDAY, "17:00", "14:00", 60, MeetingMode.VIDEO, null, "https://visio.exemple.org/a"), staff)))
                .containsExactly("endTime:support.error.end-before-start");
        // a slot longer than the range
        assertThat(problems(() -> availability.saveRule(rule(DayOfWeek.MONDAY, "14:00", "14:30", 45, MeetingMode.VIDEO, null, "https://visio.exemple.org/a"), staff)))
                .containsExactly("slotMinutes:support.error.slot-too-long");
        // overlapping the Monday 9:00-12:00 rule
        assertThat(problems(() -> availability.saveRule(rule(DayOfWeek.MONDAY, "11:00", "13:00", 60, MeetingMode.VIDEO, null, "https://visio.exemple.org/a"), staff)))
                .containsExactly("startTime:support.error.rule-overlap");
        // in person without a place, by video without a (valid) link, no day
        assertThat(problems(() -> availability.saveRule(rule(null, "14:00", "16:00", 60, MeetingMode.BOTH, " ", "visio"), staff)))
                .containsExactly("weekday:support.error.weekday", "place:support.error.place", "videoUrl:support.error.url");
        assertThat(jdbc.sql("select count(*) from support_availability_rule where staff_id = ?").param(staff.personId()).query(Long.class).single())
                .isEqualTo(before);
        // a member may not publish availability
        assertThatThrownBy(() -> availability.saveRule(new AvailabilityRule(null, awa.personId(), DayOfWeek.MONDAY, LocalTime.of(14, 0),
                LocalTime.of(15, 0), 60, MeetingMode.VIDEO, null, "https://visio.exemple.org/a", null, null), awa))
                .isInstanceOf(AccessDeniedException.class);
        // exceptions: last day before the first, an opening on several days, in the past
        LocalDate d = LocalDate.now(SlotCalculator.PARIS).plusDays(10);
        assertThat(problems(() -> availability.addException(new AvailabilityException(null, staff.personId(), AvailabilityException.Kind.CLOSED,
                d, d.minusDays(1), null, null, null, null, null, null, null), staff))).containsExactly("lastDay:support.error.last-day-before");
        assertThat(problems(() -> availability.addException(new AvailabilityException(null, staff.personId(), AvailabilityException.Kind.OPEN,
                d, d.plusDays(1), LocalTime.of(18, 0), LocalTime.of(19, 0), 60, MeetingMode.VIDEO, null, "https://visio.exemple.org/a", null), staff)))
                .containsExactly("lastDay:support.error.open-one-day");
        assertThat(problems(() -> availability.addException(new AvailabilityException(null, staff.personId(), AvailabilityException.Kind.CLOSED,
                d.minusDays(30), d.minusDays(20), null, null, null, null, null, null, null), staff))).containsExactly("lastDay:support.error.exception-past");
        assertThat(problems(() -> availability.addException(new AvailabilityException(null, staff.personId(), AvailabilityException.Kind.OPEN,
                d, d, LocalTime.of(10, 0), LocalTime.of(11, 0), 60, MeetingMode.VIDEO, null, "https://visio.exemple.org/a", null), staff)))
                .containsExactly("startTime:support.error.open-overlap");
    }

    AvailabilityRule rule(DayOfWeek day, String start, String end, int minutes, MeetingMode mode, String place, String video) {
        return new AvailabilityRule(null, staff.personId(), day, LocalTime.parse(start), LocalTime.parse(end), minutes, mode, place, video, null, null);
    }

    static List<String> problems(Runnable r) {
        try {
            r.run();
        } catch (SupportException e) {
            return e.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void theReminderGoesOnceTheDayBeforeFromNineInTheMorning() {
        Appointment a = book(awa, slot(10), MeetingMode.VIDEO);
        LocalDate dayBefore = a.localStart().toLocalDate().minusDays(1);
        Instant early = dayBefore.atTime(8, 0).atZone(SlotCalculator.PARIS).toInstant();
        Instant morning = dayBefore.atTime(10, 0).atZone(SlotCalculator.PARIS).toInstant();
        int before = SupportTestData.allMailsTo(jdbc, awa.email()).size();

        reminders.run(early);
        assertThat(SupportTestData.allMailsTo(jdbc, awa.email())).hasSize(before);
        assertThat(reminders.run(morning)).isGreaterThanOrEqualTo(1);
        assertThat(lastOfAll(awa.email()).subject()).isEqualTo("Rappel\u00a0: rendez-vous demain, " + Dates.dateTime(a.localStart(), java.util.Locale.FRENCH));
        assertThat(lastOfAll(staff.email()).subject()).startsWith("Rappel\u00a0: rendez-vous demain avec Awa Diop");
        reminders.run(morning.plusSeconds(3600));
        reminders.run(morning.plusSeconds(7200));
        assertThat(SupportTestData.allMailsTo(jdbc, awa.email())).hasSize(before + 1);

        // moved to another day: reminded again for the new day
        Slot other = availability.freeSlots(staff.personId(), null).stream()
                .filter(x -> x.localStart().toLocalDate().isAfter(a.localStart().toLocalDate().plusDays(2))).findFirst().orElseThrow();
        appointments.moveByPerson(a.token(), other.key(), null);
        int afterMove = SupportTestData.allMailsTo(jdbc, awa.email()).size();
        reminders.run(other.localStart().toLocalDate().minusDays(1).atTime(9, 30).atZone(SlotCalculator.PARIS).toInstant());
        assertThat(SupportTestData.allMailsTo(jdbc, awa.email())).hasSize(afterMove + 1);
    }

    @Test
    void notesAreForStaffOnlyAndASaveInBetweenIsNotLost() {
        Appointment a = book(awa, slot(2), MeetingMode.VIDEO);
        StaffNotes empty = appointments.notes(a.id(), staff);
        appointments.writeNotes(a.id(), empty.version(), "Budget fragile, partenaire local solide.", "Envoyer le modèle de budget", staff);
        assertThatThrownBy(() -> appointments.writeNotes(a.id(), empty.version(), "Autre texte", null, staff))
                .extracting(x -> ((SupportException) x).problems().get(0).messageKey()).isEqualTo("support.error.notes-concurrent");
        StaffNotes notes = appointments.notes(a.id(), staff);
        assertThat(notes.notes()).isEqualTo("Budget fragile, partenaire local solide.");
        assertThat(notes.updatedByName()).isEqualTo("Camille Martin");
        assertThatThrownBy(() -> appointments.notes(a.id(), awa)).isInstanceOf(AccessDeniedException.class);
        assertThat(appointments.find(a.id()).orElseThrow().notesWritten()).isTrue();
        // the journal says who wrote notes, never what
        assertThat(jdbc.sql("select coalesce(details, '') from staff_action where action = 'support.notes' and target_id = ?").param(a.id())
                .query(String.class).list()).containsExactly("");
        // no e-mail carries them
        assertThat(jdbc.sql("select count(*) from mail_outbox where body_text like '%Budget fragile%' or subject like '%Budget fragile%'")
                .query(Long.class).single()).isZero();
        // a meeting to come cannot be marked held
        assertThatThrownBy(() -> appointments.markOutcome(a.id(), AppointmentStatus.DONE, staff))
                .extracting(x -> ((SupportException) x).problems().get(0).messageKey()).isEqualTo("support.error.not-started");
    }

    @Test
    void theHistoryOfAStructureListsItsAppointmentsTrainingsAndEventsForStaffOnly() {
        Appointment a = book(awa, slot(3), MeetingMode.VIDEO);
        appointments.writeNotes(a.id(), 0, "Notes privées", "Déposer le dossier à l’Agence de l’eau", staff);
        long module = jdbc.sql("insert into agenda_training_module (slug, title, objectives) values (?, 'Monter un projet', 'Objectifs') returning id")
                .param("monter-un-projet-" + TestStructures.newPersonId()).query(Long.class).single();
        long training = agenda.create(TestEvents.inDays("Formation montage de projet", -20).build(), staff);
        jdbc.sql("update agenda_event set training_module_id = ? where id = ?").params(module, training).update();
        long meeting = agenda.create(TestEvents.inDays("Rencontre régionale", -60).build(), staff);
        registration(training, "Awa Diop", "CONFIRMED", true);
        registration(meeting, "Moussa Traoré", "CONFIRMED", null);
        registration(meeting, "Fatou Sow", "CANCELLED", null);

        List<HistoryEntry> history = appointments.history(org, staff);
        assertThat(history).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.APPOINTMENT, HistoryEntry.Kind.TRAINING,
                HistoryEntry.Kind.EVENT);
        assertThat(history.get(0).nextSteps()).isEqualTo("Déposer le dossier à l’Agence de l’eau");
        assertThat(history.get(0).link()).isEqualTo("/admin/rendez-vous/" + a.id());
        assertThat(history.get(1).title()).isEqualTo("Formation montage de projet");
        assertThat(history.get(1).attended()).isTrue();
        assertThat(history.get(1).detail()).contains("Awa Diop").contains("Monter un projet");
        assertThat(history.get(2).detail()).isEqualTo("Moussa Traoré");
        assertThatThrownBy(() -> appointments.history(org, awa)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDeletedAccountCancelsItsAppointmentsAndAMergedStructureKeepsItsHistory() {
        TestPerson moussa = SupportTestData.memberAccount(accounts, jdbc, "Moussa Traoré");
        long festisol = TestStructures.association(directory, moussa, "Festisol " + TestStructures.newPersonId());
        Appointment a = appointments.book(new Appointments.Booking(slot(0).key(), Subject.VOLUNTEERING, festisol, "Service civique", MeetingMode.VIDEO), moussa);

        // the structure is merged into Awa's: the appointment follows it
        directory.merge(festisol, org, TestStructures.staff("Équipe"));
        assertThat(appointments.find(a.id()).orElseThrow().organisationId()).isEqualTo(org);

        accounts.delete(moussa.personId(), SupportTestData.PASSWORD);
        Appointment after = appointments.find(a.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(after.personName()).isEqualTo("—");
        assertThat(after.personEmail()).isEqualTo("—");
        assertThat(after.message()).isNull();
        assertThat(last(staff.email()).subject()).startsWith("Moussa Traoré a annulé son rendez-vous du ");
        assertThat(SupportTestData.allMailsTo(jdbc, moussa.email())).isEmpty();
        // the slot is free again
        assertThat(availability.freeSlots(staff.personId(), null)).extracting(Slot::key).contains(Slot.key(staff.personId(), a.localStart()));
    }

    void registration(long eventId, String name, String status, Boolean attended) {
        jdbc.sql("""
                insert into agenda_registration (event_id, email, full_name, organisation_id, status, attended, cancel_token)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, TestStructures.newPersonId() + "@exemple.test", name, org, status, attended, "t" + TestStructures.newPersonId())
                .update();
    }

    SupportTestData.Mail lastOfAll(String email) {
        List<SupportTestData.Mail> mails = SupportTestData.allMailsTo(jdbc, email);
        assertThat(mails).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    SupportTestData.Mail last(String email) {
        List<SupportTestData.Mail> mails = SupportTestData.mailsTo(jdbc, email);
        assertThat(mails).isNotEmpty();
        return mails.get(mails.size() - 1);
    }
}
