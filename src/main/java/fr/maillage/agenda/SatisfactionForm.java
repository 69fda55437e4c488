package fr.maillage.agenda;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the satisfaction form of a registration shows: who, which session of which module, and
 * whether it may be filled ({@link State#OPEN}), was already ({@link State#ANSWERED}), opens at the
 * end of the session ({@link State#NOT_YET}) or is not for this registration
 * ({@link State#NOT_ELIGIBLE}: cancelled, absent, not a training).
 */
public record SatisfactionForm(long registrationId, String fullName, long eventId, String eventSlug, String eventTitle,
                               Instant startsAt, Instant endsAt, boolean allDay, LocalDate startDay, LocalDate endDay,
                               String moduleTitle, String moduleSlug, State state) {

    public enum State { OPEN, ANSWERED, NOT_YET, NOT_ELIGIBLE }

    public boolean isOpen() {
        return state == State.OPEN;
    }
}
