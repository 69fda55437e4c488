package fr.maillage.agenda;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every quarter of an hour (one node at a time), invites the participants of the training sessions that ended to the satisfaction form. */
@Component
class SatisfactionJob {

    private static final Logger log = LoggerFactory.getLogger(SatisfactionJob.class);

    private final TrainingSatisfaction satisfaction;

    SatisfactionJob(TrainingSatisfaction satisfaction) {
        this.satisfaction = satisfaction;
    }

    @Scheduled(fixedDelayString = "${maillage.agenda.satisfaction-interval:15m}", initialDelayString = "${maillage.agenda.satisfaction-initial-delay:3m}")
    @SchedulerLock(name = "agenda-satisfaction", lockAtMostFor = "PT10M")
    void run() {
        int sent = satisfaction.sendInvitations(Instant.now());
        if (sent > 0) {
            log.info("Satisfaction : {} invitations envoyées", sent);
        }
    }
}
