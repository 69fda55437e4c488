package fr.maillage.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registration as pages, e-mails and exports show it. {@code token} is the key of the
 * person's own page ({@code /agenda/inscriptions/{token}}): whoever has it may see, cancel or
 * confirm the registration, so it is shown only to the person and staff. {@code waitingPosition}
 * is the place on the waiting list (1 = next), null unless WAITING. {@code college} and
 * {@code departement} are those of the structure represented (for the activity report).
 */
public record RegistrationDetails(long id, long eventId, Long personId, String email, String fullName,
                                  Long organisationId, String organisationName, String college, String departement,
                                  RegistrationStatus status, Instant waitingSince, Instant offerExpiresAt, Boolean attended,
                                  String token, Long registeredBy, Instant reminderSentAt, Instant createdAt, Instant updatedAt,
                                  Instant cancelledAt, List<Long> sessionIds, Map<Long, String> answers, Integer waitingPosition) {

    public RegistrationDetails {
        sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    public boolean isLive() {
        return status.isLive();
    }
}
