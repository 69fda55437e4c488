package fr.maillage.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The network's branding: a network recolours and renames Maillage without touching code. */
@ConfigurationProperties("maillage.site")
public record SiteProperties(
        String name,
        String tagline,
        String primaryColor,
        String accentColor,
        String logoUrl,
        String contactEmail,
        String legalEntity) {
}
