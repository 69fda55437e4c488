package fr.maillage.agenda;

/**
 * Published (synchronously, in the writer's transaction) whenever an event is created, edited,
 * approved, refused, cancelled or deleted. {@code previous} is the status before the change
 * (null on creation), {@code deleted} true when the event no longer exists.
 */
public record EventChanged(long eventId, EventStatus previous, EventStatus status, boolean deleted) {
}
