package fr.maillage.agenda;

import java.net.URI;

import fr.maillage.shared.MaillageProperties;

import org.springframework.stereotype.Component;

/**
 * Absolute links of the agenda written into calendar entries, feeds, widgets and e-mails, from the
 * configured base URL ({@code MAILLAGE_BASE_URL}), never from the request's Host header; and the
 * stable identifiers built on the site's host: iCalendar UIDs ({@code event-12@maillage.example})
 * and Atom ids ({@code tag:maillage.example,2026:event-12}).
 */
@Component
public class AgendaLinks {

    private final String base;
    private final String host;

    AgendaLinks(MaillageProperties properties) {
        String b = properties.baseUrl() == null || properties.baseUrl().isBlank() ? "http://localhost" : properties.baseUrl().strip();
        this.base = b.replaceAll("/+$", "");
        String h;
        try {
            h = URI.create(this.base).getHost();
        } catch (IllegalArgumentException e) {
            h = null;
        }
        this.host = h == null || h.isBlank() ? "maillage.local" : h;
    }

    /** The site's address, without a trailing slash. */
    public String base() {
        return base;
    }

    public String host() {
        return host;
    }

    public String absolute(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** The same address with {@code webcal://} (calendar programs subscribe to it). */
    public String webcal(String path) {
        return absolute(path).replaceFirst("^https?://", "webcal://");
    }

    /** The event's page. */
    public String event(String slug) {
        return absolute("/agenda/" + slug);
    }

    /** An iCalendar UID: {@code <local>@<host>}. */
    public String uid(String local) {
        return local + "@" + host;
    }

    /** An Atom id (RFC 4151 tag URI). */
    public String tag(String specific) {
        return "tag:" + host + ",2026:" + specific;
    }
}
