package fr.maillage.support;

/**
 * The slot was booked by someone else between the moment it was shown and the confirmation:
 * "Ce créneau vient d’être réservé, choisissez-en un autre" (field {@code slot}).
 */
public class SlotTakenException extends SupportException {

    public SlotTakenException() {
        super("slot", "support.error.slot-taken");
    }
}
