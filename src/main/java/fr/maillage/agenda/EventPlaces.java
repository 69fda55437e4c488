package fr.maillage.agenda;

import java.time.Instant;
import java.util.List;

/**
 * The places of an event with on-site registration, as the registration block and the staff
 * list show them. {@code capacity} and {@code left} are null when unlimited; {@code taken}
 * counts the registrations holding a place (CONFIRMED, OFFERED and, on approval, PENDING);
 * {@code closesAt} is the deadline, or the start when there is none; {@code open} tells
 * whether a registration is accepted now (published event, on-site mode, before closesAt).
 */
public record EventPlaces(long eventId, RegistrationMode mode, Integer capacity, int taken, int confirmed, int pending, int offered,
                          int waiting, boolean waitingList, Instant closesAt, boolean open, List<SessionPlaces> sessions) {

    public EventPlaces {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** Places left (never negative), null when unlimited. */
    public Integer left() {
        return capacity == null ? null : Math.max(0, capacity - taken);
    }

    /** No place left, or people already waiting for one: a newcomer goes on the waiting list. */
    public boolean full() {
        return (capacity != null && taken >= capacity) || waiting > 0;
    }

    /** A session of the programme with its places. */
    public record SessionPlaces(long id, String title, Integer capacity, int taken) {
        public Integer left() {
            return capacity == null ? null : Math.max(0, capacity - taken);
        }

        public boolean full() {
            return capacity != null && taken >= capacity;
        }
    }
}
