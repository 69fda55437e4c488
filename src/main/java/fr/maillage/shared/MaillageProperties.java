package fr.maillage.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where Maillage keeps its files and how it names itself in links sent by e-mail. */
@ConfigurationProperties("maillage")
public record MaillageProperties(String dataDir, String baseUrl) {
}
