/**
 * The network's agenda: events (created by staff or proposed by members and moderated), their
 * programme of sessions, registrations with capacities and waiting lists, iCalendar and Atom
 * feeds, the embeddable widget, and the training catalogue with satisfaction forms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agenda")
package fr.maillage.agenda;
