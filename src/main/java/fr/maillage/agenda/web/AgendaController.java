package fr.maillage.agenda.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.agenda.AgendaFilters;
import fr.maillage.agenda.AgendaQuery;
import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.EventFormat;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.OccurrenceRow;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The public agenda, {@code /agenda}: the list of what comes next, grouped by day (default),
 * the month grid ({@code ?vue=mois&mois=2027-03}) and the map ({@code ?vue=carte}), with the
 * same filters in the URL everywhere (type, theme, dep, pays, du, au, enLigne, q). Each view is
 * one query of {@link AgendaSearch} (the list adds its count); htmx requests get the results
 * only, the same page without JavaScript gets everything.
 */
@Controller
class AgendaController {

    static final int PAGE_SIZE = 20;
    /** At most this many occurrences drawn in a month grid; a day shows a few and links to the rest. */
    static final int MONTH_LIMIT = 3000;
    static final int DAY_SHOWN = 4;
    static final int MAP_LIMIT = 1500;
    static final int MAP_EVENTS = 400;

    private final AgendaSearch search;
    private final Reference reference;
    private final EventViews views;
    private final MessageSource messages;
    private final FilterOptions options;
    private final JsonMapper json = JsonMapper.builder().build();

    AgendaController(AgendaSearch search, Reference reference, EventViews views, MessageSource messages, FilterOptions options) {
        this.search = search;
        this.options = options;
        this.reference = reference;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/agenda")
    String agenda(@RequestParam MultiValueMap<String, String> params,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                  Model model, Locale locale, HttpServletResponse response) {
        AgendaFilters filters = AgendaFilters.parseLists(params, reference::exists);
        String view = params.getFirst("vue");
        view = "mois".equals(view) || "carte".equals(view) ? view : "liste";
        LocalDate today = LocalDate.now(AgendaSearch.PARIS);
        YearMonth month = month(params.getFirst("mois"), filters, today);

        model.addAttribute("filters", filters);
        model.addAttribute("view", view);
        model.addAttribute("today", today);
        model.addAttribute("month", month);
        model.addAttribute("typeLabels", views.typeLabels(locale));
        model.addAttribute("types", EventType.values());
        model.addAttribute("formatLabels", views.formatLabels(locale));
        String any = messages.getMessage("agenda.events.filter.any", null, locale);
        model.addAttribute("themeOptions", options.html(RefList.THEMES, locale, filters.themes(), any));
        model.addAttribute("departementOptions", options.html(RefList.DEPARTEMENTS, locale, filters.departements(), any));
        model.addAttribute("countryOptions", options.html(RefList.COUNTRIES, locale, filters.countries(), any));
        model.addAttribute("problems", options.problems(filters, locale));
        model.addAttribute("listUrl", filters.url("/agenda"));
        model.addAttribute("monthUrl", filters.url("/agenda?vue=mois&mois=" + month));
        model.addAttribute("mapUrl", filters.url("/agenda?vue=carte"));
        model.addAttribute("clearUrl", view.equals("mois") ? "/agenda?vue=mois&mois=" + month : view.equals("carte") ? "/agenda?vue=carte" : "/agenda");
        model.addAttribute("chips", chips(filters, view, month, locale));
        switch (view) {
            case "mois" -> month(filters, month, today, model, locale);
            case "carte" -> map(filters, today, model, locale);
            default -> list(filters, params.getFirst("page"), today, model, locale);
        }
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "agenda/events/agenda :: results" : "agenda/events/agenda";
    }

    /** An active filter, and the same page without it. */
    public record Chip(String label, String removeUrl) {
    }

    private List<Chip> chips(AgendaFilters f, String view, YearMonth month, Locale locale) {
        String base = view.equals("mois") ? "/agenda?vue=mois&mois=" + month : view.equals("carte") ? "/agenda?vue=carte" : "/agenda";
        Map<EventType, String> typeLabels = views.typeLabels(locale);
        List<Chip> out = new ArrayList<>();
        if (f.text() != null) {
            out.add(new Chip(messages.getMessage("agenda.events.filter.chip.q", new Object[] {f.text()}, locale), f.without(AgendaFilters.TEXT, null).url(base)));
        }
        f.types().forEach(t -> out.add(new Chip(typeLabels.get(t), f.without(AgendaFilters.TYPE, t.code()).url(base))));
        f.themes().forEach(t -> out.add(new Chip(views.label(RefList.THEMES, t, locale), f.without(AgendaFilters.THEME, t).url(base))));
        f.departements().forEach(d -> out.add(new Chip(d + " – " + views.label(RefList.DEPARTEMENTS, d, locale), f.without(AgendaFilters.DEPARTEMENT, d).url(base))));
        f.countries().forEach(c -> out.add(new Chip(views.label(RefList.COUNTRIES, c, locale), f.without(AgendaFilters.COUNTRY, c).url(base))));
        if (f.from() != null) {
            out.add(new Chip(messages.getMessage("agenda.events.filter.chip.from", new Object[] {views.day(f.from(), locale)}, locale),
                    f.without(AgendaFilters.FROM, null).url(base)));
        }
        if (f.to() != null) {
            out.add(new Chip(messages.getMessage("agenda.events.filter.chip.to", new Object[] {views.day(f.to(), locale)}, locale),
                    f.without(AgendaFilters.TO, null).url(base)));
        }
        if (f.online() != null) {
            out.add(new Chip(messages.getMessage(f.online() ? "agenda.events.filter.online.yes" : "agenda.events.filter.online.no", null, locale),
                    f.without(AgendaFilters.ONLINE, null).url(base)));
        }
        return out;
    }

    // ------------------------------------------------------------------ list

    /** A day of the list and its occurrences. */
    public record DayGroup(LocalDate day, String label, boolean today, List<Item> items) {
    }

    /** An occurrence in a list: {@code when} in words, {@code ongoing} when it started before the day it is listed under. */
    public record Item(OccurrenceRow row, String when, String hours, boolean multiDay, boolean ongoing) {
    }

    private void list(AgendaFilters filters, String pageText, LocalDate today, Model model, Locale locale) {
        LocalDate from = filters.from() != null ? filters.from() : today;
        AgendaQuery q = filters.toQuery().between(from, filters.to());
        int page = pageText != null && pageText.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(pageText)) : 1;
        int total = search.count(q);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        page = Math.min(page, pages);
        List<OccurrenceRow> rows = total == 0 ? List.of() : search.occurrences(q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        EventViews.Words words = views.words(locale);
        Map<LocalDate, List<Item>> byDay = new LinkedHashMap<>();
        for (OccurrenceRow r : rows) {
            LocalDate day = r.startDay().isBefore(from) ? from : r.startDay();
            boolean multiDay = !r.endDay().equals(r.startDay());
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new Item(r, multiDay ? views.when(r, locale) : null,
                    views.hoursOn(r, r.startDay(), words, locale), multiDay, r.startDay().isBefore(day)));
        }
        List<DayGroup> days = new ArrayList<>();
        byDay.forEach((day, items) -> days.add(new DayGroup(day, views.day(day, locale), day.equals(today), items)));
        model.addAttribute("days", days);
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("from", from);
        model.addAttribute("fromLabel", views.day(from, locale));
        model.addAttribute("firstIndex", total == 0 ? 0 : (page - 1) * PAGE_SIZE + 1);
        model.addAttribute("lastIndex", Math.min(total, page * PAGE_SIZE));
        model.addAttribute("pageUrl", filters.url("/agenda") + (filters.isEmpty() ? "?" : "&") + "page=");
    }

    // ------------------------------------------------------------------ month

    /** A day of the month grid: {@code shown} occurrences, {@code more} not shown (the day's list has them all). */
    public record Day(LocalDate date, int number, String label, boolean today, String css, List<Entry> shown, int more, String moreLabel,
                      String dayUrl) {
        public boolean isEmpty() {
            return shown.isEmpty();
        }
    }

    /** An occurrence on a day of the grid, with its link and classes written once here (the grid draws hundreds). */
    public record Entry(OccurrenceRow row, String title, String hours, String url, String css, boolean cancelled) {
    }

    private void month(AgendaFilters filters, YearMonth month, LocalDate today, Model model, Locale locale) {
        LocalDate gridStart = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate gridEnd = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate from = filters.from() != null && filters.from().isAfter(gridStart) ? filters.from() : gridStart;
        LocalDate to = filters.to() != null && filters.to().isBefore(gridEnd) ? filters.to() : gridEnd;
        List<OccurrenceRow> rows = from.isAfter(to) ? List.of() : search.occurrences(filters.toQuery().between(from, to), 0, MONTH_LIMIT);
        EventViews.Words words = views.words(locale);

        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        for (OccurrenceRow r : rows) {
            LocalDate first = r.startDay().isBefore(from) ? from : r.startDay();
            LocalDate last = r.endDay().isAfter(to) ? to : r.endDay();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                String css = (r.cancelled() ? "is-cancelled " : "") + (d.isAfter(r.startDay()) ? "is-continued" : "");
                byDay.computeIfAbsent(d, k -> new ArrayList<>()).add(new Entry(r, r.title(), views.hoursOn(r, d, words, locale), "/agenda/" + r.slug(),
                        css.strip(), r.cancelled()));
            }
        }
        java.text.MessageFormat moreFormat = new java.text.MessageFormat(messages.getMessage("agenda.events.month.more", null, locale), locale);
        String dayBase = filters.withPeriod(null, null).url("/agenda");
        String sep = dayBase.contains("?") ? "&" : "?";
        List<List<Day>> weeks = new ArrayList<>();
        int count = 0;
        for (LocalDate weekStart = gridStart; !weekStart.isAfter(gridEnd); weekStart = weekStart.plusWeeks(1)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate d = weekStart.plusDays(i);
                List<Entry> entries = byDay.getOrDefault(d, List.of());
                boolean inMonth = YearMonth.from(d).equals(month);
                if (inMonth) {
                    count += entries.size();
                }
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                String css = "month-day" + (inMonth ? "" : " out-of-month") + (d.equals(today) ? " is-today" : "") + (weekend ? " weekend" : "")
                        + (entries.isEmpty() ? " is-empty" : " has-events");
                week.add(new Day(d, d.getDayOfMonth(), views.dayMonth(d, locale), d.equals(today), css,
                        entries.size() > DAY_SHOWN ? entries.subList(0, DAY_SHOWN) : entries, Math.max(0, entries.size() - DAY_SHOWN),
                        entries.size() > DAY_SHOWN ? moreFormat.format(new Object[] {entries.size() - DAY_SHOWN}) : null,
                        dayBase + sep + "du=" + d + "&au=" + d));
            }
            weeks.add(week);
        }
        Set<Long> events = new LinkedHashSet<>();
        rows.forEach(r -> events.add(r.eventId()));
        model.addAttribute("weeks", weeks);
        model.addAttribute("weekdays", views.weekdays(locale, TextStyle.FULL));
        model.addAttribute("weekdaysShort", views.weekdays(locale, TextStyle.SHORT));
        model.addAttribute("monthLabel", views.month(month, locale));
        model.addAttribute("monthEvents", events.size());
        model.addAttribute("monthHasEntries", count > 0);
        model.addAttribute("previousUrl", filters.url("/agenda?vue=mois&mois=" + month.minusMonths(1)));
        model.addAttribute("nextUrl", filters.url("/agenda?vue=mois&mois=" + month.plusMonths(1)));
        model.addAttribute("currentUrl", filters.url("/agenda?vue=mois&mois=" + YearMonth.from(today)));
        model.addAttribute("previousLabel", views.month(month.minusMonths(1), locale));
        model.addAttribute("nextLabel", views.month(month.plusMonths(1), locale));
        model.addAttribute("isCurrentMonth", YearMonth.from(today).equals(month));
    }

    // ------------------------------------------------------------------ map

    /** An event on the map page: its next occurrence, where. */
    public record Placed(OccurrenceRow row, String when, String place) {
    }

    private void map(AgendaFilters filters, LocalDate today, Model model, Locale locale) {
        LocalDate from = filters.from() != null ? filters.from() : today;
        List<OccurrenceRow> rows = search.occurrences(filters.toQuery().between(from, filters.to()), 0, MAP_LIMIT);
        Set<Long> seen = new LinkedHashSet<>();
        List<Placed> mapped = new ArrayList<>();
        List<Placed> online = new ArrayList<>();
        List<Placed> unplaced = new ArrayList<>();
        for (OccurrenceRow r : rows) {
            if (!seen.add(r.eventId()) || seen.size() > MAP_EVENTS) {
                continue;
            }
            Placed p = new Placed(r, views.when(r, locale), place(r));
            if (r.format() == EventFormat.ONLINE) {
                online.add(p);
            } else if (r.latitude() != null && r.longitude() != null) {
                mapped.add(p);
            } else {
                unplaced.add(p);
            }
        }
        Map<EventType, String> typeLabels = views.typeLabels(locale);
        String cancelled = messages.getMessage("agenda.status.CANCELLED", null, locale);
        List<Map<String, Object>> points = new ArrayList<>();
        for (Placed p : mapped) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lat", p.row().latitude());
            m.put("lon", p.row().longitude());
            m.put("title", p.row().title());
            m.put("url", "/agenda/" + p.row().slug());
            m.put("when", p.when());
            m.put("place", p.place());
            m.put("type", typeLabels.get(p.row().type()));
            if (p.row().cancelled()) {
                m.put("cancelled", cancelled);
            }
            points.add(m);
        }
        model.addAttribute("mapped", mapped);
        model.addAttribute("online", online);
        model.addAttribute("unplaced", unplaced);
        model.addAttribute("from", from);
        model.addAttribute("fromLabel", views.day(from, locale));
        model.addAttribute("mapJson", json.writeValueAsString(points).replace("<", "\\u003c"));
    }

    static String place(OccurrenceRow r) {
        if (r.venueName() != null && r.city() != null) {
            return r.venueName() + ", " + r.city();
        }
        return r.city() != null ? r.city() : r.venueName();
    }

    /** The month asked for ({@code mois=2027-03}), else the month of {@code du}, else this month. */
    private static YearMonth month(String text, AgendaFilters filters, LocalDate today) {
        if (text != null) {
            try {
                YearMonth m = YearMonth.parse(text.strip());
                if (m.getYear() >= 1900 && m.getYear() <= 2200) {
                    return m;
                }
            } catch (DateTimeParseException e) {
                // an unreadable month shows this month
            }
        }
        return filters.from() != null ? YearMonth.from(filters.from()) : YearMonth.from(today);
    }
}
