package fr.maillage.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.directory.ContactException.Problem;
import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.SiteProperties;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Dates;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Prendre contact": a signed-in person writes to a published structure through the site. The
 * message is relayed by e-mail to the structure's contacts (its admins and editors, or its
 * public e-mail when nobody manages it), whose addresses the sender never sees; the relay's
 * Reply-To is the sender (who agrees to it on the form), and the sender gets a copy. Plain
 * text only (nothing is rendered as Markdown or HTML).
 *
 * <p>Against spam, per sender, in the database (so it holds across nodes and restarts): at
 * most {@code maillage.directory.contact.max-per-hour} messages in any hour and
 * {@code max-per-day} in any 24 hours, and not the same structure again within
 * {@code same-structure-interval}. Only the metadata of each message is kept
 * ({@code directory_contact_message}), for these limits and for staff handling abuse.
 */
@Service
@Transactional(readOnly = true)
public class ContactRelay {

    public static final int SUBJECT_MIN = 3;
    public static final int SUBJECT_MAX = 150;
    public static final int BODY_MIN = 20;
    public static final int BODY_MAX = 5000;
    /** Links in a message at most: more looks like advertising. */
    public static final int MAX_LINKS = 5;
    /** Category of the relayed e-mails in the outbox. */
    public static final String CATEGORY = "directory-contact";

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{4,}");

    /** A published structure one may write to; {@code reachable} is false when it has no contact to write to. */
    public record Target(long id, String slug, String name, boolean reachable) {
    }

    /** What the sender writes; {@code onBehalfOf} is one of their own published structures, or null. */
    public record Message(String subject, String body, Long onBehalfOf) {
    }

    private record Org(long id, String slug, String name, String status, String publicEmail) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DirectoryMails mails;
    private final Mailer mailer;
    private final MessageSource messages;
    private final SiteProperties site;
    private final DirectoryProperties properties;

    ContactRelay(JdbcClient jdbc, Directory directory, DirectoryMails mails, Mailer mailer, MessageSource messages,
                 SiteProperties site, DirectoryProperties properties) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.mails = mails;
        this.mailer = mailer;
        this.messages = messages;
        this.site = site;
        this.properties = properties;
    }

    // ------------------------------------------------------------------ reading

    /** The published structure with this slug, if any (others cannot be written to). */
    public Optional<Target> target(String slug) {
        return org("slug = ?", slug).filter(o -> "PUBLISHED".equals(o.status()))
                .map(o -> new Target(o.id(), o.slug(), o.name(), !recipients(o).isEmpty()));
    }

    /** Whether the person manages the structure (they do not write to it through the site). */
    public boolean isMemberOf(long organisationId, long personId) {
        return directory.roleOf(organisationId, personId).isPresent();
    }

    /** The person's published structures, that they may write on behalf of. */
    public List<MyStructure> writableOnBehalfOf(long personId) {
        return directory.structuresOf(personId).stream().filter(s -> s.status() == OrganisationStatus.PUBLISHED).toList();
    }

    public DirectoryProperties.Contact limits() {
        return properties.contact();
    }

    // ------------------------------------------------------------------ sending

    /**
     * Checks and relays a message; returns its id (its reference in the e-mails is "C-" + id).
     * Fails with a {@link ContactException} listing every problem, having sent and recorded
     * nothing: a structure that is not published or that the sender manages, a subject or text
     * missing, too short or too long, too many links, a structure to write for that is not one
     * of the sender's published ones, no contact to write to, or a limit reached.
     */
    @Transactional
    public long send(long organisationId, Message message, CurrentPerson me) {
        if (me == null) {
            throw new AccessDeniedException("Connectez-vous");
        }
        Org to = org("id = ?", organisationId).filter(o -> "PUBLISHED".equals(o.status()))
                .orElseThrow(() -> new ContactException(new Problem(null, "directory.contact.error.unpublished")));
        if (isMemberOf(to.id(), me.personId())) {
            throw new ContactException(new Problem(null, "directory.contact.error.own"));
        }
        String subject = cleanSubject(message.subject());
        String body = cleanBody(message.body());
        List<Problem> problems = new ArrayList<>();
        if (subject.isEmpty()) {
            problems.add(new Problem("subject", "directory.contact.error.subject.required"));
        } else if (subject.length() < SUBJECT_MIN || subject.length() > SUBJECT_MAX) {
            problems.add(new Problem("subject", "directory.contact.error.subject.size", SUBJECT_MIN, SUBJECT_MAX, subject.length()));
        }
        if (body.isEmpty()) {
            problems.add(new Problem("body", "directory.contact.error.body.required"));
        } else if (body.length() < BODY_MIN || body.length() > BODY_MAX) {
            problems.add(new Problem("body", "directory.contact.error.body.size", BODY_MIN, BODY_MAX, body.length()));
        } else if (links(body) > MAX_LINKS) {
            problems.add(new Problem("body", "directory.contact.error.body.links", MAX_LINKS));
        }
        MyStructure behalf = null;
        if (message.onBehalfOf() != null) {
            behalf = writableOnBehalfOf(me.personId()).stream().filter(s -> s.id() == message.onBehalfOf()).findFirst().orElse(null);
            if (behalf == null) {
                problems.add(new Problem("onBehalfOf", "directory.contact.error.behalf"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContactException(problems);
        }
        List<Contact> recipients = recipients(to);
        if (recipients.isEmpty()) {
            throw new ContactException(new Problem(null, "directory.contact.error.unreachable"));
        }
        Locale senderLocale = LocaleContextHolder.getLocale();
        Contact sender = mails.contact(me.personId())
                .filter(c -> c.email() != null && !c.email().isBlank())
                .orElse(new Contact(me.email(), me.displayName(), senderLocale));
        String senderName = me.displayName() == null || me.displayName().isBlank() ? sender.name() : me.displayName().strip();

        // one sender at a time: two messages sent at once cannot both slip under a limit
        jdbc.sql("select pg_advisory_xact_lock(hashtext('directory_contact_message'), hashtext(?::text))")
                .param(String.valueOf(me.personId())).query((rs, n) -> 1).list();
        checkLimits(me.personId(), to.id(), senderLocale);

        long id = jdbc.sql("""
                insert into directory_contact_message
                  (sender_id, sender_name, organisation_id, on_behalf_of_id, recipient_count, subject_length, body_length)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(me.personId(), truncate(senderName, 200), to.id(), behalf == null ? null : behalf.id(), recipients.size(),
                        subject.length(), body.length())
                .query(Long.class).single();
        String reference = reference(id);
        for (Contact r : recipients) {
            Locale locale = r.locale() == null ? Locale.FRENCH : r.locale();
            Object[] args = args(r.name() == null || r.name().isBlank() ? to.name() : r.name(), senderName, to, subject, body,
                    behalf, reference, sender.email());
            String text = messages.getMessage("directory.mail.greeting", new Object[] {args[0]}, locale) + "\n\n"
                    + messages.getMessage("directory.contact.mail.intro", args, locale) + "\n"
                    + (behalf == null ? "" : messages.getMessage("directory.contact.mail.behalf", args, locale) + "\n")
                    + "\n" + messages.getMessage("directory.contact.mail.subjectLine", args, locale) + "\n\n"
                    + "----------\n" + body + "\n----------\n\n"
                    + messages.getMessage("directory.contact.mail.reply", args, locale) + "\n\n"
                    + messages.getMessage("directory.contact.mail.abuse", args, locale) + "\n\n"
                    + messages.getMessage("directory.contact.mail.why", args, locale) + "\n";
            mailer.queue(new OutgoingMail(r.email(), mailSubject(messages.getMessage("directory.contact.mail.subject", args, locale)),
                    text, null, CATEGORY, sender.email()));
        }
        Object[] args = args(senderName, senderName, to, subject, body, behalf, reference, sender.email());
        String copy = messages.getMessage("directory.mail.greeting", new Object[] {senderName}, senderLocale) + "\n\n"
                + messages.getMessage("directory.contact.copy.intro", args, senderLocale) + "\n\n"
                + (behalf == null ? "" : messages.getMessage("directory.contact.mail.behalf", args, senderLocale) + "\n")
                + messages.getMessage("directory.contact.mail.subjectLine", args, senderLocale) + "\n\n"
                + "----------\n" + body + "\n----------\n\n"
                + messages.getMessage("directory.contact.copy.reference", args, senderLocale) + "\n";
        mailer.queue(new OutgoingMail(sender.email(), mailSubject(messages.getMessage("directory.contact.copy.subject", args, senderLocale)),
                copy, null, CATEGORY));
        return id;
    }

    /**
     * Mail arguments: {0} recipient's name, {1} sender's name, {2} structure written to, {3} site,
     * {4} subject, {5} text, {6} structure written for, {7} its page, {8} the network's address,
     * {9} the contact page, {10} reference, {11} page of the structure written to, {12} sender's address.
     */
    private Object[] args(String recipientName, String senderName, Org to, String subject, String body, MyStructure behalf,
                          String reference, String senderEmail) {
        return new Object[] {recipientName, senderName, to.name(), site.name(), subject, body,
                behalf == null ? "" : behalf.name(), behalf == null ? "" : mails.link("/acteurs/" + behalf.slug()),
                site.contactEmail() == null ? "" : site.contactEmail(), mails.link("/contact"), reference,
                mails.link("/acteurs/" + to.slug()), senderEmail};
    }

    private void checkLimits(long senderId, long organisationId, Locale locale) {
        DirectoryProperties.Contact limits = properties.contact();
        Instant now = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
        Duration window = limits.sameStructureInterval().compareTo(DAY) > 0 ? limits.sameStructureInterval() : DAY;
        record Sent(Instant at, long organisationId) {
        }
        List<Sent> sent = jdbc.sql("""
                select created_at, organisation_id from directory_contact_message
                where sender_id = ? and created_at > ? order by created_at""")
                .params(senderId, Timestamp.from(now.minus(window)))
                .query((rs, n) -> new Sent(rs.getTimestamp(1).toInstant(), rs.getLong(2))).list();
        Instant lastHere = sent.stream().filter(s -> s.organisationId() == organisationId).map(Sent::at)
                .filter(at -> at.isAfter(now.minus(limits.sameStructureInterval()))).reduce((a, b) -> b).orElse(null);
        if (lastHere != null) {
            throw new ContactException(new Problem(null, "directory.contact.error.same",
                    minutes(limits.sameStructureInterval()), time(lastHere.plus(limits.sameStructureInterval()), locale)));
        }
        List<Instant> lastHour = sent.stream().map(Sent::at).filter(at -> at.isAfter(now.minus(HOUR))).toList();
        if (lastHour.size() >= limits.maxPerHour()) {
            Instant retry = lastHour.get(lastHour.size() - limits.maxPerHour()).plus(HOUR);
            throw new ContactException(new Problem(null, "directory.contact.error.hour", limits.maxPerHour(), time(retry, locale)));
        }
        List<Instant> lastDay = sent.stream().map(Sent::at).filter(at -> at.isAfter(now.minus(DAY))).toList();
        if (lastDay.size() >= limits.maxPerDay()) {
            Instant retry = lastDay.get(lastDay.size() - limits.maxPerDay()).plus(DAY);
            throw new ContactException(new Problem(null, "directory.contact.error.day", limits.maxPerDay(), dayAndTime(retry, locale)));
        }
    }

    /** The structure's contacts: its admins and editors, else its public e-mail (whether shown on its page or not). */
    private List<Contact> recipients(Org o) {
        Map<String, Contact> out = new LinkedHashMap<>();
        List<Long> people = jdbc.sql("select person_id from organisation_member where organisation_id = ? order by case role when 'ADMIN' then 0 else 1 end, since")
                .param(o.id()).query(Long.class).list();
        for (long personId : people) {
            mails.contact(personId).filter(c -> c.email() != null && !c.email().isBlank())
                    .ifPresent(c -> out.putIfAbsent(c.email().strip().toLowerCase(Locale.ROOT), c));
        }
        if (out.isEmpty() && o.publicEmail() != null && !o.publicEmail().isBlank()) {
            out.put(o.publicEmail().strip().toLowerCase(Locale.ROOT), new Contact(o.publicEmail().strip(), o.name(), Locale.FRENCH));
        }
        return new ArrayList<>(out.values());
    }

    private Optional<Org> org(String where, Object value) {
        return jdbc.sql("select id, slug, name, status, public_email from organisation where " + where).param(value)
                .query((rs, n) -> new Org(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("status"),
                        rs.getString("public_email")))
                .optional();
    }

    // ------------------------------------------------------------------ staff

    /**
     * The relayed messages' metadata, newest first, optionally only one message (its id, from
     * the reference in a reported e-mail), one sender's or those to one structure. {@code page} starts at 0.
     */
    public RowPage<RelayedMessage> relayed(Long messageId, Long senderId, Long organisationId, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 200);
        String where = " where (cast(:id as bigint) is null or m.id = :id)"
                + " and (cast(:sender as bigint) is null or m.sender_id = :sender)"
                + " and (cast(:org as bigint) is null or m.organisation_id = :org)";
        long total = jdbc.sql("select count(*) from directory_contact_message m" + where)
                .param("id", messageId).param("sender", senderId).param("org", organisationId).query(Long.class).single();
        List<RelayedMessage> items = jdbc.sql("""
                select m.id, m.created_at, m.sender_id, m.sender_name, m.organisation_id, o.name as org_name, o.slug as org_slug,
                       m.on_behalf_of_id, b.name as behalf_name, b.slug as behalf_slug, m.recipient_count,
                       (select count(*) from directory_contact_message x where x.sender_id = m.sender_id
                          and x.created_at > m.created_at - interval '1 day' and x.created_at <= m.created_at) as day_count
                from directory_contact_message m
                join organisation o on o.id = m.organisation_id
                left join organisation b on b.id = m.on_behalf_of_id""" + where + " order by m.created_at desc, m.id desc offset :o limit :l")
                .param("id", messageId).param("sender", senderId).param("org", organisationId).param("o", (long) p * s).param("l", s)
                .query((rs, n) -> new RelayedMessage(rs.getLong("id"), reference(rs.getLong("id")), rs.getTimestamp("created_at").toInstant(),
                        rs.getLong("sender_id"), rs.getString("sender_name"), rs.getLong("organisation_id"), rs.getString("org_name"),
                        rs.getString("org_slug"), (Long) rs.getObject("on_behalf_of_id"), rs.getString("behalf_name"),
                        rs.getString("behalf_slug"), rs.getInt("recipient_count"), rs.getLong("day_count")))
                .list();
        return new RowPage<>(items, p, s, total);
    }

    /** How many messages were relayed in the last {@code period} (staff dashboard). */
    public long relayedSince(Duration period) {
        return jdbc.sql("select count(*) from directory_contact_message where created_at > now() - (? * interval '1 second')")
                .param(period.toSeconds()).query(Long.class).single();
    }

    /** The reference of a message in the e-mails and the staff list. */
    public static String reference(long id) {
        return "C-" + id;
    }

    /** The id in a reference ("C-123", "c123", "123"), if it is one. */
    public static Optional<Long> parseReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String s = reference.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("C")) {
            s = s.substring(1);
        }
        if (s.startsWith("-")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    // ------------------------------------------------------------------ text

    /** The subject on one line, without control or invisible direction characters. */
    static String cleanSubject(String s) {
        if (s == null) {
            return "";
        }
        return CONTROL.matcher(s.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ')).replaceAll("")
                .replaceAll(" {2,}", " ").strip();
    }

    /** The text with Unix line breaks, without control or invisible direction characters, nor long runs of blank lines. */
    static String cleanBody(String s) {
        if (s == null) {
            return "";
        }
        String text = s.replace("\r\n", "\n").replace('\r', '\n');
        text = CONTROL.matcher(text).replaceAll("");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n\n");
        return text.strip();
    }

    /** A subject header on one line (names typed by people are part of it), within the outbox's 300 characters. */
    private static String mailSubject(String subject) {
        return truncate(cleanSubject(subject), 300);
    }

    static int links(String text) {
        Matcher m = LINK.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static long minutes(Duration d) {
        return Math.max(1, d.toMinutes());
    }

    private static String time(Instant at, Locale locale) {
        return Dates.time(at, locale);
    }

    private static String dayAndTime(Instant at, Locale locale) {
        return Dates.dateTime(at, locale);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
