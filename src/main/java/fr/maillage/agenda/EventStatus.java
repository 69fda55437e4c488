package fr.maillage.agenda;

/** PENDING: proposed by a member, waiting for staff; PUBLISHED; REFUSED by staff; CANCELLED (shown as such). */
public enum EventStatus {
    PENDING, PUBLISHED, REFUSED, CANCELLED
}
