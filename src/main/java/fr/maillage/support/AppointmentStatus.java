package fr.maillage.support;

/** BOOKED (upcoming, or past and not yet marked), CANCELLED, DONE (held), NO_SHOW. Labels {@code support.status.<NAME>}. */
public enum AppointmentStatus {
    BOOKED, CANCELLED, DONE, NO_SHOW
}
