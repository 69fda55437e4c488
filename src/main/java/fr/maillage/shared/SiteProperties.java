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

    private static final java.util.regex.Pattern COLOUR = java.util.regex.Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

    public SiteProperties {
        // the colours go into the page's style sheet: only plain hex colours are accepted
        primaryColor = primaryColor != null && COLOUR.matcher(primaryColor).matches() ? primaryColor : "#0b5d57";
        accentColor = accentColor != null && COLOUR.matcher(accentColor).matches() ? accentColor : "#b8461b";
        logoUrl = logoUrl == null ? "" : logoUrl.strip();
    }
}
