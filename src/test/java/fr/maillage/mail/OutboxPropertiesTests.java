package fr.maillage.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxPropertiesTests {

    @Test
    void backoffDoublesFromOneMinuteUpToOneHour() {
        OutboxProperties properties = new OutboxProperties(null, null, null, null, null);
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(properties.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoff(30)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.maxAttempts()).isEqualTo(10);
    }
}
