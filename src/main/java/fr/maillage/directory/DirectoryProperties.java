package fr.maillage.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory. {@code staleAfter}: a published structure not updated for that
 * long is listed for a review request (default one year). {@code facetCacheTtl}: how long the
 * facet counts of the whole directory (no text, no filter) are reused at most; they are
 * dropped at once when a structure changes (zero: never reused).
 */
@ConfigurationProperties("maillage.directory")
public record DirectoryProperties(Duration staleAfter, Duration facetCacheTtl) {

    public DirectoryProperties {
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            staleAfter = Duration.ofDays(365);
        }
        if (facetCacheTtl == null || facetCacheTtl.isNegative()) {
            facetCacheTtl = Duration.ofSeconds(30);
        }
    }
}
