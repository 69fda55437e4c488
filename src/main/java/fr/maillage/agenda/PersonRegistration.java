package fr.maillage.agenda;

import java.time.Instant;

/** One of a person's registrations, for "Mes inscriptions". */
public record PersonRegistration(long registrationId, String token, RegistrationStatus status, Integer waitingPosition,
                                 Instant offerExpiresAt, long eventId, String eventSlug, String eventTitle, EventStatus eventStatus,
                                 Instant startsAt, Instant endsAt) {
}
