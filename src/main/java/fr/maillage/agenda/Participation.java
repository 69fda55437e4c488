package fr.maillage.agenda;

import java.time.Instant;

/**
 * A person's registration to an event, as the support history of a structure shows it: the
 * event, who came, the registration's status and whether they attended (null: not marked).
 * {@code trainingModuleTitle} is set for the sessions of a training module.
 */
public record Participation(long registrationId, long eventId, String eventSlug, String eventTitle, EventType eventType,
                            Instant startsAt, String personName, String status, Boolean attended,
                            String trainingModuleTitle) {
}
