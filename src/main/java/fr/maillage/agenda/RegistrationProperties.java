package fr.maillage.agenda;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of registrations ({@code maillage.agenda.*}). {@code offerTime}: how long a person
 * promoted from the waiting list has to confirm the place offered (default 48 h; never beyond
 * the registration deadline or the start); {@code reminderBefore}: when the reminder goes before
 * the start (default 2 days); {@code jobInterval}: how often the job expires offers and sends
 * reminders (default 5 min).
 */
@ConfigurationProperties("maillage.agenda")
public record RegistrationProperties(Duration offerTime, Duration reminderBefore, Duration jobInterval) {

    public RegistrationProperties {
        if (offerTime == null || offerTime.isNegative() || offerTime.isZero()) {
            offerTime = Duration.ofHours(48);
        }
        if (reminderBefore == null || reminderBefore.isNegative() || reminderBefore.isZero()) {
            reminderBefore = Duration.ofDays(2);
        }
        if (jobInterval == null || jobInterval.isNegative() || jobInterval.isZero()) {
            jobInterval = Duration.ofMinutes(5);
        }
    }
}
