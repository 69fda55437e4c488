package fr.maillage.support;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import fr.maillage.accounts.AccountService;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of the support module: staff members with a real account (the staff role is what
 * makes their slots bookable), weekly rules, the e-mails and {@code .ics} files of the outbox.
 */
final class SupportTestData {

    static final String PASSWORD = "Un-mot-de-passe-solide-2026";

    private SupportTestData() {
    }

    /** A staff member with a confirmed account, as the pages see them. */
    static TestPerson staffAccount(AccountService accounts, JdbcClient jdbc, String name) {
        String email = "equipe." + TestStructures.newPersonId() + "@exemple.test";
        long id = accounts.signUp(new AccountService.SignUp(name, email, PASSWORD, true, Locale.FRENCH));
        jdbc.sql("update person set role = 'STAFF', email_verified = true where id = ?").param(id).update();
        return new TestPerson(id, email, name, true, false);
    }

    /** A member with a confirmed account. */
    static TestPerson memberAccount(AccountService accounts, JdbcClient jdbc, String name) {
        String email = "membre." + TestStructures.newPersonId() + "@exemple.test";
        long id = accounts.signUp(new AccountService.SignUp(name, email, PASSWORD, true, Locale.FRENCH));
        jdbc.sql("update person set email_verified = true where id = ?").param(id).update();
        return new TestPerson(id, email, name, false, false);
    }

    /** Every day of the week from {@code start} to {@code end}, in slots of {@code minutes}, in person or by video. */
    static void everyDay(Availability availability, TestPerson staff, String start, String end, int minutes) {
        for (DayOfWeek d : DayOfWeek.values()) {
            availability.saveRule(new AvailabilityRule(null, staff.personId(), d, LocalTime.parse(start), LocalTime.parse(end), minutes,
                    MeetingMode.BOTH, "Maison des associations, 33000 Bordeaux", "https://visio.exemple.org/equipe", null, null), staff);
        }
    }

    record Mail(long id, String recipient, String subject, String body) {
    }

    /**
     * The support e-mails to this address, reminders left out (the application's own reminder job
     * runs during the tests too, and could remind an appointment booked for tomorrow).
     */
    static List<Mail> mailsTo(JdbcClient jdbc, String email) {
        return allMailsTo(jdbc, email).stream().filter(m -> !m.subject().startsWith("Rappel")).toList();
    }

    static List<Mail> allMailsTo(JdbcClient jdbc, String email) {
        return jdbc.sql("select id, recipient, subject, body_text from mail_outbox where lower(recipient) = lower(?) and category = 'support' order by id")
                .param(email).query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** The calendar attached to an outbox message (null when none), read back with iCal4j. */
    static Calendar ics(JdbcClient jdbc, long mailId) throws Exception {
        List<byte[]> files = jdbc.sql("select content from mail_attachment where mail_id = ? and content_type like 'text/calendar%' order by position")
                .param(mailId).query(byte[].class).list();
        if (files.isEmpty()) {
            return null;
        }
        return new CalendarBuilder().build(new StringReader(new String(files.get(0), java.nio.charset.StandardCharsets.UTF_8)));
    }

    static String contentType(JdbcClient jdbc, long mailId) {
        return jdbc.sql("select content_type from mail_attachment where mail_id = ? order by position limit 1").param(mailId)
                .query(String.class).optional().orElse(null);
    }
}
