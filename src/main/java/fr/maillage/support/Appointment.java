package fr.maillage.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * An appointment as the person and the team see it. It carries no private note: the team's
 * notes and next steps are read apart ({@link Appointments#notes}) and only by staff, so no page
 * or e-mail built from this record can show them. {@code notesWritten} only tells staff whether
 * the follow-up is written. {@code organisationId} is null when the structure left the directory.
 */
public record Appointment(long id, String token, String uid, int sequence, StaffMember staff, long personId, String personName,
                          String personEmail, Locale locale, Long organisationId, String organisationName, Subject subject,
                          String message, MeetingMode mode, String place, String videoUrl, LocalDateTime localStart,
                          LocalDateTime localEnd, Instant startsAt, Instant endsAt, AppointmentStatus status, String cancelledBy,
                          String cancelReason, Instant cancelledAt, boolean notesWritten, Instant createdAt) {

    public boolean isBooked() {
        return status == AppointmentStatus.BOOKED;
    }

    public boolean isCancelled() {
        return status == AppointmentStatus.CANCELLED;
    }

    /** Started (or over) at {@code now}. */
    public boolean hasStarted(Instant now) {
        return !now.isBefore(startsAt);
    }

    /** Booked and not started: it can still be cancelled or moved. */
    public boolean isChangeable(Instant now) {
        return isBooked() && now.isBefore(startsAt);
    }

    /** Past, still BOOKED: staff should mark it held or missed and write the follow-up. */
    public boolean awaitsFollowUp(Instant now) {
        return isBooked() && hasStarted(now);
    }
}
