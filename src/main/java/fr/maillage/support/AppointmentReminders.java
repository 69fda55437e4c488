package fr.maillage.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder the day before: from {@code reminderHour} (9 h, Paris time) the person and the
 * staff member of each appointment of the next day get an e-mail. Runs every
 * {@code reminderInterval} on one node at a time (ShedLock). Each appointment is reminded once:
 * {@code reminder_sent_at} is set in the same transaction as the messages are queued, only when
 * it was still empty (a move clears it, for the new day).
 */
@Component
class AppointmentReminders {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final AppointmentMails mails;
    private final SupportProperties properties;
    private final Availability availability;
    private final TransactionTemplate transactions;

    AppointmentReminders(JdbcClient jdbc, Appointments appointments, AppointmentMails mails, SupportProperties properties,
                         Availability availability, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.mails = mails;
        this.properties = properties;
        this.availability = availability;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${maillage.support.reminder-interval:15m}",
            initialDelayString = "${maillage.support.reminder-initial-delay:1m}")
    @SchedulerLock(name = "support-reminders", lockAtMostFor = "PT30M")
    void scheduled() {
        int sent = run(availability.now());
        if (sent > 0) {
            log.info("Rappels de rendez-vous : {} rendez-vous rappelé(s)", sent);
        }
    }

    /** Sends the reminders due at {@code now}; returns how many appointments were reminded. */
    int run(Instant now) {
        ZonedDateTime paris = now.atZone(SlotCalculator.PARIS);
        if (paris.getHour() < properties.reminderHour()) {
            return 0;
        }
        LocalDate tomorrow = paris.toLocalDate().plusDays(1);
        List<Long> due = jdbc.sql("""
                select id from support_appointment where status = 'BOOKED' and reminder_sent_at is null
                and local_start >= ? and local_start < ? order by local_start, id""")
                .params(tomorrow.atStartOfDay(), tomorrow.plusDays(1).atStartOfDay()).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            Boolean done = transactions.execute(status -> {
                int claimed = jdbc.sql("update support_appointment set reminder_sent_at = ? where id = ? and reminder_sent_at is null and status = 'BOOKED'")
                        .params(Availability.utc(now), id).update();
                if (claimed == 1) {
                    mails.reminder(appointments.find(id).orElseThrow());
                }
                return claimed == 1;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }
}
