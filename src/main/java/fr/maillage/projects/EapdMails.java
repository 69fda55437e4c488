package fr.maillage.projects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.PersonSummary;
import fr.maillage.directory.Directory;
import fr.maillage.directory.Member;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.mail.Mailer;
import fr.maillage.mail.OutgoingMail;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.SiteProperties;
import fr.maillage.shared.text.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-APD reminders, written in each person's language, to the admins and editors of a local
 * authority: their current address and language from their account, else the contact they
 * left when they joined the structure.
 */
@Component
class EapdMails {

    static final String CATEGORY = "eapd";

    /** Someone to write to. */
    record Recipient(String email, String name, Locale locale) {
    }

    private final Mailer mailer;
    private final MessageSource messages;
    private final Directory directory;
    private final Accounts accounts;
    private final MaillageProperties maillage;
    private final SiteProperties site;
    private final EapdProperties properties;

    EapdMails(Mailer mailer, MessageSource messages, Directory directory, Accounts accounts, MaillageProperties maillage,
              SiteProperties site, EapdProperties properties) {
        this.mailer = mailer;
        this.messages = messages;
        this.directory = directory;
        this.accounts = accounts;
        this.maillage = maillage;
        this.site = site;
        this.properties = properties;
    }

    /** The admins and editors of a structure, one per address. */
    List<Recipient> contacts(long organisationId) {
        List<Member> members = directory.members(organisationId);
        Map<Long, PersonSummary> people = accounts.findAll(members.stream().map(Member::personId).toList());
        Map<String, Recipient> out = new LinkedHashMap<>();
        for (Member m : members) {
            PersonSummary p = people.get(m.personId());
            Recipient r = p != null && p.email() != null
                    ? new Recipient(p.email(), p.displayName(), p.locale() == null ? Locale.FRENCH : p.locale())
                    : m.email() == null || m.email().isBlank() ? null : new Recipient(m.email().strip(), m.name(), Locale.FRENCH);
            if (r != null) {
                out.putIfAbsent(r.email().toLowerCase(Locale.ROOT), r);
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Queues {@code projects.eapd.mail.<kind>.subject}/{@code .body}; arguments: {0} campaign
     * year, {1} authority, {2} closing day, {3} year of the amounts, {4} site name, {5} link to
     * the worksheet, {6} official declaration site, {7} opening day.
     */
    void send(Recipient to, String kind, EapdCampaign campaign, OrganisationRef authority) {
        Locale locale = to.locale() == null ? Locale.FRENCH : to.locale();
        String base = maillage.baseUrl() == null ? "" : maillage.baseUrl().replaceAll("/+$", "");
        Object[] args = {String.valueOf(campaign.year()), authority.name(), Dates.day(campaign.closesOn(), locale),
                String.valueOf(campaign.amountsYear()), site.name(),
                base + "/acteurs/" + authority.slug() + "/apd/" + campaign.amountsYear(), properties.officialUrl(),
                Dates.day(campaign.opensOn(), locale)};
        String key = "projects.eapd.mail." + kind.toLowerCase(Locale.ROOT);
        String subject = messages.getMessage(key + ".subject", args, locale);
        String body = messages.getMessage("projects.eapd.mail.greeting", new Object[] {to.name() == null ? "" : to.name()}, locale)
                + "\n\n" + messages.getMessage(key + ".body", args, locale)
                + "\n\n" + messages.getMessage("projects.eapd.mail.signature", args, locale);
        mailer.queue(new OutgoingMail(to.email(), subject, body, null, CATEGORY));
    }
}
