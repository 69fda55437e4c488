package fr.maillage.agenda.web;

import java.net.URI;

import fr.maillage.shared.MaillageProperties;

import org.springframework.stereotype.Component;

/**
 * Absolute links written into feeds, widgets and e-mails, from the configured base URL
 * ({@code MAILLAGE_BASE_URL}), never from the request's Host header; and the stable identifiers
 * of feed items ({@code event-12@maillage.example}, {@code tag:maillage.example,2026:event-12}).
 */
@Component
class FeedLinks {

    private final String base;
    private final String host;

    FeedLinks(MaillageProperties properties) {
        String b = properties.baseUrl() == null || properties.baseUrl().isBlank() ? "http://localhost" : properties.baseUrl().strip();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        String h = URI.create(this.base).getHost();
        this.host = h == null || h.isBlank() ? "maillage.local" : h;
    }

    /** The site's address, without a trailing slash. */
    String base() {
        return base;
    }

    String host() {
        return host;
    }

    String absolute(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** The same address with {@code webcal://} (calendar programs subscribe to it). */
    String webcal(String path) {
        return absolute(path).replaceFirst("^https?://", "webcal://");
    }

    String event(String slug) {
        return absolute("/agenda/" + slug);
    }

    /** An iCalendar UID: {@code <local>@<host>}. */
    String uid(String local) {
        return local + "@" + host;
    }

    /** An Atom id (RFC 4151 tag URI). */
    String tag(String specific) {
        return "tag:" + host + ",2026:" + specific;
    }
}
