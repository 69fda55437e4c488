package fr.maillage.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails the admins and editors of every published local authority when an e-APD campaign
 * opens, and {@code closingReminderDays} (7) days before it closes, with a link to their
 * worksheet. Runs every {@code reminderInterval} on one node at a time (ShedLock). Each
 * reminder goes exactly once to each address: it is recorded in {@code eapd_reminder} in the
 * same transaction as the message is queued, and a recorded one is never sent again (a job
 * that runs twice, or a campaign whose dates change, sends nothing more). When the
 * application was down on the opening day, the opening reminder still goes until the closing
 * reminder is due; on the opening day of a campaign shorter than that, only the opening one
 * goes, and the closing one the next day.
 */
@Component
class EapdReminders {

    static final String OPENING = "OPENING";
    static final String CLOSING = "CLOSING";

    private static final Logger log = LoggerFactory.getLogger(EapdReminders.class);

    private final Eapd eapd;
    private final Directory directory;
    private final EapdMails mails;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EapdProperties properties;
    private final Clock clock;

    @Autowired
    EapdReminders(Eapd eapd, Directory directory, EapdMails mails, JdbcClient jdbc, TransactionTemplate transactions,
                  EapdProperties properties, ObjectProvider<Clock> clock) {
        this(eapd, directory, mails, jdbc, transactions, properties, clock.getIfUnique(() -> Clock.system(Eapd.PARIS)));
    }

    EapdReminders(Eapd eapd, Directory directory, EapdMails mails, JdbcClient jdbc, TransactionTemplate transactions,
                  EapdProperties properties, Clock clock) {
        this.eapd = eapd;
        this.directory = directory;
        this.mails = mails;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The same job reading another clock (tests move time). */
    EapdReminders withClock(Clock other) {
        return new EapdReminders(eapd, directory, mails, jdbc, transactions, properties, other);
    }

    @Scheduled(fixedDelayString = "${maillage.projects.eapd.reminder-interval:1h}",
            initialDelayString = "${maillage.projects.eapd.reminder-initial-delay:2m}")
    @SchedulerLock(name = "eapd-reminders", lockAtMostFor = "PT30M")
    void scheduled() {
        int sent = run();
        if (sent > 0) {
            log.info("Rappels e-APD : {} courriel(s) mis en file", sent);
        }
    }

    /** Sends the reminders due today (by this job's clock, Paris time); returns how many e-mails were queued. */
    int run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Eapd.PARIS);
        int sent = 0;
        for (EapdCampaign campaign : eapd.campaigns()) {
            for (String kind : due(campaign, today)) {
                for (OrganisationRef authority : directory.publishedOfTypes(List.of(Partnerships.LOCAL_AUTHORITY))) {
                    Integer n = transactions.execute(status -> remind(campaign, kind, authority));
                    sent += n == null ? 0 : n;
                }
            }
        }
        return sent;
    }

    /** The reminders a campaign calls for on a day. */
    List<String> due(EapdCampaign campaign, LocalDate today) {
        List<String> out = new ArrayList<>();
        if (!campaign.isOpen(today)) {
            return out;
        }
        boolean closing = !today.isBefore(campaign.closesOn().minusDays(properties.closingReminderDays()));
        boolean opening = !closing || today.equals(campaign.opensOn());
        if (opening) {
            out.add(OPENING);
        } else {
            out.add(CLOSING);
        }
        return out;
    }

    private int remind(EapdCampaign campaign, String kind, OrganisationRef authority) {
        int sent = 0;
        for (EapdMails.Recipient r : mails.contacts(authority.id())) {
            int recorded = jdbc.sql("""
                    insert into eapd_reminder (campaign_year, kind, organisation_id, recipient) values (?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(campaign.year(), kind, authority.id(), r.email().toLowerCase(Locale.ROOT)).update();
            if (recorded == 1) {
                mails.send(r, kind, campaign, authority);
                sent++;
            }
        }
        return sent;
    }
}
