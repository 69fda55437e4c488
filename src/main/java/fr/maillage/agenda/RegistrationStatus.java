package fr.maillage.agenda;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a registration stands. PENDING: asked on an event with approval, waiting for staff (it
 * holds a place meanwhile); CONFIRMED: a place; WAITING: on the waiting list, in order of arrival;
 * OFFERED: promoted from the waiting list, holds a place until it is confirmed or the offer
 * expires; CANCELLED (by the person or staff), REFUSED (by staff), EXPIRED (offer not confirmed
 * in time) are over.
 */
public enum RegistrationStatus {
    PENDING, CONFIRMED, WAITING, OFFERED, CANCELLED, REFUSED, EXPIRED;

    /** The statuses of a registration still in progress: one per e-mail address and event. */
    public static final Set<RegistrationStatus> LIVE = EnumSet.of(PENDING, CONFIRMED, WAITING, OFFERED);

    /** The statuses that take one of the event's places (and one of each chosen session's). */
    public static final Set<RegistrationStatus> HOLDING_A_PLACE = EnumSet.of(PENDING, CONFIRMED, OFFERED);

    public boolean isLive() {
        return LIVE.contains(this);
    }

    public boolean holdsAPlace() {
        return HOLDING_A_PLACE.contains(this);
    }

    /** The message key of its label ({@code agenda.reg.status.CONFIRMED}...). */
    public String messageKey() {
        return "agenda.reg.status." + name();
    }
}
