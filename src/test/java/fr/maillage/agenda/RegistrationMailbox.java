package fr.maillage.agenda;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the outbox holds for an address from the agenda (category "agenda"), and the .ics attached read back with iCal4j. */
public record RegistrationMailbox(JdbcClient jdbc) {

    public record Mail(long id, String to, String subject, String text, String category) {
    }

    public record Attachment(String filename, String contentType, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    public List<Mail> to(String recipient) {
        return jdbc.sql("select id, recipient, subject, body_text, category from mail_outbox where lower(recipient) = lower(?) and category = 'agenda' order by id")
                .param(recipient)
                .query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    public Mail last(String recipient) {
        List<Mail> all = to(recipient);
        if (all.isEmpty()) {
            throw new AssertionError("no e-mail to " + recipient);
        }
        return all.get(all.size() - 1);
    }

    public List<Attachment> attachments(long mailId) {
        return jdbc.sql("select filename, content_type, content from mail_attachment where mail_id = ? order by position").param(mailId)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
    }

    /** The calendar of an .ics attachment, parsed and validated by iCal4j. */
    public static Calendar calendar(Attachment a) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(a.text()));
            calendar.validate();
            return calendar;
        } catch (Exception e) {
            throw new AssertionError("not a valid iCalendar: " + e.getMessage() + "\n" + a.text(), e);
        }
    }

    public static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponents(Component.VEVENT).get(0);
    }

    public static String value(net.fortuna.ical4j.model.PropertyContainer c, String name) {
        Optional<Property> p = c.getProperty(name);
        return p.map(Property::getValue).orElse(null);
    }
}
