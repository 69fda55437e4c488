package fr.maillage.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory. {@code staleAfter}: a published structure not updated for that
 * long is listed for a review request (default one year). {@code facetCacheTtl}: how long the
 * facet counts of the whole directory (no text, no filter) are reused at most; they are
 * dropped at once when a structure changes (zero: never reused). {@code contact}: the limits
 * of "Prendre contact" ({@code maillage.directory.contact.*}).
 */
@ConfigurationProperties("maillage.directory")
public record DirectoryProperties(Duration staleAfter, Duration facetCacheTtl, Contact contact) {

    public DirectoryProperties {
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            staleAfter = Duration.ofDays(365);
        }
        if (facetCacheTtl == null || facetCacheTtl.isNegative()) {
            facetCacheTtl = Duration.ofSeconds(30);
        }
        if (contact == null) {
            contact = new Contact(null, null, null);
        }
    }

    /**
     * Limits of the messages a person relays to structures, against spam: at most
     * {@code maxPerHour} messages in any hour and {@code maxPerDay} in any 24 hours per sender,
     * and not the same structure again within {@code sameStructureInterval}. Zero or negative
     * values fall back to the defaults (5, 20, 10 minutes).
     */
    public record Contact(Integer maxPerHour, Integer maxPerDay, Duration sameStructureInterval) {

        public Contact {
            maxPerHour = maxPerHour == null || maxPerHour < 1 ? 5 : maxPerHour;
            maxPerDay = maxPerDay == null || maxPerDay < 1 ? 20 : maxPerDay;
            if (sameStructureInterval == null || sameStructureInterval.isNegative() || sameStructureInterval.isZero()) {
                sameStructureInterval = Duration.ofMinutes(10);
            }
        }
    }
}
