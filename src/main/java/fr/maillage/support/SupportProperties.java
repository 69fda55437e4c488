package fr.maillage.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of appointments with the team ({@code maillage.support.*}).
 * <ul>
 * <li>{@code minNotice}: how long before a slot it can still be booked or moved to (default 24 h:
 * from tomorrow on);</li>
 * <li>{@code horizon}: how far ahead slots are offered (default 56 days, 8 weeks);</li>
 * <li>{@code maxUpcoming}: how many upcoming appointments one person may hold at once (default 3);</li>
 * <li>{@code reminderHour}: from this hour (Paris time, 0 to 23, default 9) the reminder of the
 * next day's appointments goes;</li>
 * <li>{@code reminderInterval}/{@code reminderInitialDelay}: how often the reminder job looks
 * for reminders due (default 15 min, first time 1 min after the start).</li>
 * </ul>
 */
@ConfigurationProperties("maillage.support")
public record SupportProperties(Duration minNotice, Duration horizon, Integer maxUpcoming, Integer reminderHour,
                                Duration reminderInterval, Duration reminderInitialDelay) {

    public SupportProperties {
        if (minNotice == null || minNotice.isNegative()) {
            minNotice = Duration.ofHours(24);
        }
        if (horizon == null || horizon.isNegative() || horizon.isZero()) {
            horizon = Duration.ofDays(56);
        }
        if (maxUpcoming == null || maxUpcoming < 1) {
            maxUpcoming = 3;
        }
        if (reminderHour == null || reminderHour < 0 || reminderHour > 23) {
            reminderHour = 9;
        }
        if (reminderInterval == null || reminderInterval.isNegative() || reminderInterval.isZero()) {
            reminderInterval = Duration.ofMinutes(15);
        }
        if (reminderInitialDelay == null || reminderInitialDelay.isNegative()) {
            reminderInitialDelay = Duration.ofMinutes(1);
        }
    }

    /** The defaults, for tests and tools. */
    public static SupportProperties defaults() {
        return new SupportProperties(null, null, null, null, null, null);
    }

    /** Days ahead (from today) slots are offered. */
    public int horizonDays() {
        return (int) Math.max(1, horizon.toDays());
    }
}
