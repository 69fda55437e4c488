package fr.maillage.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory. {@code staleAfter}: a published structure not updated for that
 * long is listed for a review request (default one year).
 */
@ConfigurationProperties("maillage.directory")
public record DirectoryProperties(Duration staleAfter) {

    public DirectoryProperties {
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            staleAfter = Duration.ofDays(365);
        }
    }
}
