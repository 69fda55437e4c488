package fr.maillage.agenda.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.agenda.AgendaFeeds;
import fr.maillage.agenda.AgendaFilters;
import fr.maillage.agenda.AgendaQuery;
import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.FeedEntry;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The embeddable agenda: {@code /agenda/widget?<filters>&limit=5&apparence=sombre&titre=...}
 * is a small self-contained page of the next events, made to live in an iframe on a member's
 * site (the security configuration lets any site frame this path, and only this one); and
 * {@code /agenda/partager}, where anyone picks filters and gets the iframe snippet, the
 * calendar subscription addresses and the Atom feed, with a preview of the widget.
 */
@Controller
class WidgetController {

    static final int LIMIT_DEFAULT = 5;
    static final int LIMIT_MAX = 20;
    static final int TITLE_MAX = 80;
    static final String WIDGET_CACHE = "public, max-age=300";

    private final AgendaFeeds feeds;
    private final Reference reference;
    private final MessageSource messages;
    private final FilterOptions options;

    WidgetController(AgendaFeeds feeds, Reference reference, MessageSource messages, FilterOptions options) {
        this.feeds = feeds;
        this.reference = reference;
        this.messages = messages;
        this.options = options;
    }

    /** What the widget shows besides the filters. */
    record Options(int limit, boolean dark, String title) {

        static Options of(String limit, String appearance, String title) {
            String t = title == null || title.isBlank() ? null : title.strip();
            if (t != null && t.length() > TITLE_MAX) {
                t = t.substring(0, TITLE_MAX);
            }
            return new Options(number(limit, LIMIT_DEFAULT, 1, LIMIT_MAX), "sombre".equals(appearance) || "dark".equals(appearance), t);
        }

        /** The options as URL parameters after the filters' ("&limit=5..."), only those that differ from the defaults. */
        String query() {
            StringBuilder sb = new StringBuilder();
            if (limit != LIMIT_DEFAULT) {
                sb.append("&limit=").append(limit);
            }
            if (dark) {
                sb.append("&apparence=sombre");
            }
            if (title != null) {
                sb.append("&titre=").append(java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return sb.toString();
        }
    }

    @GetMapping("/agenda/widget")
    String widget(@RequestParam(name = "limit", required = false) String limit,
                  @RequestParam(name = "apparence", required = false) String appearance,
                  @RequestParam(name = "titre", required = false) String title,
                  HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        AgendaFilters filters = AgendaFilters.parse(request.getParameterMap(), reference::exists);
        Options options = Options.of(limit, appearance, title);
        LocalDate today = LocalDate.now(AgendaSearch.PARIS);
        AgendaQuery q = AgendaFeeds.upcoming(filters.toQuery(), today);
        List<FeedEntry> entries = q.from().isAfter(q.to()) ? List.of() : feeds.list(q, options.limit());
        response.setHeader(HttpHeaders.CACHE_CONTROL, WIDGET_CACHE);
        response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        model.addAttribute("entries", entries);
        model.addAttribute("options", options);
        model.addAttribute("filters", filters);
        model.addAttribute("agendaPath", "/agenda" + filters.toQueryString("?"));
        model.addAttribute("icsPath", "/agenda.ics" + filters.toQueryString("?"));
        return "agenda/widget";
    }

    @GetMapping("/agenda/partager")
    String share(@RequestParam(name = "limit", required = false) String limit,
                 @RequestParam(name = "apparence", required = false) String appearance,
                 @RequestParam(name = "titre", required = false) String title,
                 HttpServletRequest request, Model model, Locale locale) {
        AgendaFilters filters = AgendaFilters.parse(request.getParameterMap(), reference::exists);
        Options options = Options.of(limit, appearance, title);
        // the addresses to paste elsewhere: absolute, from the address this page was reached at
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String query = filters.toQueryString("?");
        String widgetPath = "/agenda/widget" + (query + options.query()).replaceFirst("^&", "?");
        String icsPath = "/agenda.ics" + query;
        String frameTitle = options.title() != null ? options.title()
                : messages.getMessage("agenda.feeds.widget.frame-title", null, locale);
        int height = 140 + options.limit() * 76;
        String snippet = "<iframe src=\"" + html(base + widgetPath) + "\" title=\"" + html(frameTitle) + "\" width=\"100%\" height=\""
                + height + "\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>";
        model.addAttribute("filters", filters);
        model.addAttribute("problems", this.options.problems(filters, locale));
        model.addAttribute("options", options);
        model.addAttribute("widgetPath", widgetPath);
        model.addAttribute("frameTitle", frameTitle);
        model.addAttribute("frameHeight", height);
        model.addAttribute("snippet", snippet);
        model.addAttribute("icsUrl", base + icsPath);
        model.addAttribute("webcalUrl", (base + icsPath).replaceFirst("^https?://", "webcal://"));
        model.addAttribute("atomUrl", base + "/agenda.atom" + query);
        model.addAttribute("agendaUrl", base + "/agenda" + query);
        model.addAttribute("types", EventType.values());
        model.addAttribute("themes", reference.sorted(RefList.THEMES, locale));
        model.addAttribute("departements", reference.list(RefList.DEPARTEMENTS));
        model.addAttribute("countries", reference.sorted(RefList.COUNTRIES, locale));
        model.addAttribute("limitMax", LIMIT_MAX);
        return "agenda/share";
    }

    /** A whole number from a URL, within bounds; the default when absent or not a number. */
    static int number(String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
