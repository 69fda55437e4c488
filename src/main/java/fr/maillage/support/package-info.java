/**
 * The network's support desk: staff publish their availability (weekly rules and exceptions, in
 * person or by video), members book an appointment for one of their structures with a subject,
 * either side cancels or moves it (e-mails with {@code .ics}), staff keep private notes and next
 * steps, and the support history of a structure (appointments, trainings, events) is shown to
 * staff on its record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support")
package fr.maillage.support;
