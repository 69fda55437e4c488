package fr.maillage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings of appointments: their defaults, and the environment variables the README lists. */
class SupportPropertiesTests {

    @Test
    void defaultsAreADayOfNoticeEightWeeksAheadThreeUpcomingAndRemindersFromNine() {
        SupportProperties p = SupportProperties.defaults();
        assertThat(p.minNotice()).isEqualTo(Duration.ofHours(24));
        assertThat(p.horizonDays()).isEqualTo(56);
        assertThat(p.maxUpcoming()).isEqualTo(3);
        assertThat(p.reminderHour()).isEqualTo(9);
        assertThat(p.reminderInterval()).isEqualTo(Duration.ofMinutes(15));
        // nonsense falls back to the defaults
        SupportProperties odd = new SupportProperties(Duration.ofHours(-1), Duration.ZERO, 0, 25, Duration.ZERO, Duration.ofSeconds(-1));
        assertThat(odd).isEqualTo(p);
    }

    @Test
    void environmentVariablesSetThem() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "MAILLAGE_SUPPORT_MIN_NOTICE", "48h",
                        "MAILLAGE_SUPPORT_HORIZON", "28d",
                        "MAILLAGE_SUPPORT_MAX_UPCOMING", "5",
                        "MAILLAGE_SUPPORT_REMINDER_HOUR", "8",
                        "MAILLAGE_SUPPORT_REMINDER_INTERVAL", "5m")));
        ConfigurationPropertySources.attach(env);
        SupportProperties p = Binder.get(env).bind("maillage.support", SupportProperties.class).get();
        assertThat(p.minNotice()).isEqualTo(Duration.ofHours(48));
        assertThat(p.horizonDays()).isEqualTo(28);
        assertThat(p.maxUpcoming()).isEqualTo(5);
        assertThat(p.reminderHour()).isEqualTo(8);
        assertThat(p.reminderInterval()).isEqualTo(Duration.ofMinutes(5));
        // the job's schedule reads the same variable
        assertThat(env.resolvePlaceholders("${maillage.support.reminder-interval:15m}")).isEqualTo("5m");
    }
}
