package fr.maillage.projects;

import java.time.Duration;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the e-APD helper. {@code reminderInterval}: how often the reminder job looks for
 * reminders due (default 1 h), the first time {@code reminderInitialDelay} after the start (2 min); {@code closingReminderDays}: how many days before the closing
 * day the second reminder goes (default 7); {@code defaultOpening}/{@code defaultClosing}:
 * the dates the staff form proposes for a new campaign ({@code MM-DD}, default 04-15 and
 * 05-31); {@code officialUrl}: where authorities make the official declaration.
 */
@ConfigurationProperties("maillage.projects.eapd")
public record EapdProperties(Duration reminderInterval, Duration reminderInitialDelay, Integer closingReminderDays, String defaultOpening,
                             String defaultClosing, String officialUrl) {

    public EapdProperties {
        if (reminderInterval == null || reminderInterval.isNegative() || reminderInterval.isZero()) {
            reminderInterval = Duration.ofHours(1);
        }
        if (reminderInitialDelay == null || reminderInitialDelay.isNegative()) {
            reminderInitialDelay = Duration.ofMinutes(2);
        }
        if (closingReminderDays == null || closingReminderDays < 1) {
            closingReminderDays = 7;
        }
        defaultOpening = monthDay(defaultOpening, "04-15");
        defaultClosing = monthDay(defaultClosing, "05-31");
        if (officialUrl == null || officialUrl.isBlank()) {
            officialUrl = "https://www.diplomatie.gouv.fr/fr/politique-etrangere-de-la-france/action-exterieure-des-collectivites-territoriales/aide-publique-au-developpement-apd-des-collectivites/";
        }
    }

    public MonthDay opening() {
        return MonthDay.parse("--" + defaultOpening);
    }

    public MonthDay closing() {
        return MonthDay.parse("--" + defaultClosing);
    }

    private static String monthDay(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            MonthDay.parse("--" + value.strip());
            return value.strip();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("maillage.projects.eapd: a day of the year is written MM-DD (e.g. 04-15), not " + value, e);
        }
    }
}
