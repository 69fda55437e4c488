package fr.maillage.agenda;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registrations' job, every {@code maillage.agenda.job-interval} (5 min) on one node at a
 * time (ShedLock): offers not confirmed in time expire and their places go to the next people
 * waiting; reminders go two days before the start, once per registration
 * ({@code reminder_sent_at} is set in the transaction that queues the message). Each event and
 * each reminder is its own transaction: one failure does not stop the others. Tests call
 * {@link #run(Instant)} with the instant they want.
 */
@Component
class RegistrationJobs {

    private static final Logger log = LoggerFactory.getLogger(RegistrationJobs.class);

    private final Registrations registrations;
    private final Clock clock;

    RegistrationJobs(Registrations registrations, ObjectProvider<Clock> clock) {
        this.registrations = registrations;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${maillage.agenda.job-interval:5m}", initialDelayString = "${maillage.agenda.job-initial-delay:1m}")
    @SchedulerLock(name = "agenda-registrations", lockAtMostFor = "PT15M")
    public void scheduled() {
        Result r = run(clock.instant());
        if (r.expired() > 0 || r.reminders() > 0) {
            log.info("Inscriptions : {} offre(s) expirée(s), {} rappel(s) mis en file", r.expired(), r.reminders());
        }
    }

    record Result(int expired, int reminders) {
    }

    /** Both tasks as of {@code now}. */
    public Result run(Instant now) {
        return new Result(expireOffers(now), sendReminders(now));
    }

    /** Expires the offers not confirmed by {@code now} and promotes the next people; returns how many expired. */
    public int expireOffers(Instant now) {
        int expired = 0;
        for (long eventId : registrations.eventsWithExpiredOffers(now)) {
            try {
                expired += registrations.expireOffers(eventId, now);
            } catch (RuntimeException e) {
                log.warn("Inscriptions : expiration des offres de l’événement {} en échec", eventId, e);
            }
        }
        return expired;
    }

    /** Sends the reminders due at {@code now}; returns how many were queued. */
    public int sendReminders(Instant now) {
        int sent = 0;
        for (long id : registrations.remindersDue(now)) {
            try {
                if (registrations.remind(id, now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Inscriptions : rappel de l’inscription {} en échec", id, e);
            }
        }
        return sent;
    }
}
