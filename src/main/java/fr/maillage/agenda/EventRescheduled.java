package fr.maillage.agenda;

/**
 * Published (synchronously, in the writer's transaction, after its {@link EventChanged}) when an
 * edit of a published event changes what its participants planned around: its dates, its times,
 * its repetition, its format or its place (venue, address, online link). Registrations tell the
 * people registered and send the updated calendar entry.
 */
public record EventRescheduled(long eventId) {
}
