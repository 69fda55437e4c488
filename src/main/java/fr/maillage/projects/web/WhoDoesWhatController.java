package fr.maillage.projects.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.directory.OrganisationQuery;
import fr.maillage.directory.OrganisationSummary;
import fr.maillage.projects.PartnershipDetails;
import fr.maillage.projects.ProjectSummary;
import fr.maillage.projects.WhoDoesWhat;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.CodeLabel;
import fr.maillage.shared.Facet;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.text.CsvOut;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * "Qui fait quoi, où": {@code /qui-fait-quoi?country=SN&theme=eau-assainissement} shows the
 * structures, projects and partnerships of a country and/or a theme on one page, with a map of
 * the structures, and exports them ({@code /qui-fait-quoi/export.csv}, {@code .xlsx}).
 */
@Controller
class WhoDoesWhatController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final WhoDoesWhat whoDoesWhat;
    private final Reference reference;
    private final MessageSource messages;
    private final MaillageProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    WhoDoesWhatController(WhoDoesWhat whoDoesWhat, Reference reference, MessageSource messages, MaillageProperties properties) {
        this.whoDoesWhat = whoDoesWhat;
        this.reference = reference;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/qui-fait-quoi")
    String page(@RequestParam(required = false) String country, @RequestParam(required = false) String theme,
                Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("countries", reference.sorted(RefList.COUNTRIES, locale));
        model.addAttribute("themes", reference.sorted(RefList.THEMES, locale));
        model.addAttribute("selectedCountry", country == null ? "" : country.strip().toUpperCase(Locale.ROOT));
        model.addAttribute("selectedTheme", theme == null ? "" : theme.strip());
        WhoDoesWhat.Where where;
        try {
            where = whoDoesWhat.where(country, theme, locale);
        } catch (WhoDoesWhat.UnknownCode e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unknown", e);
            return "projects/where";
        }
        model.addAttribute("where", where);
        if (where.isEmpty()) {
            return "projects/where";
        }
        WhoDoesWhat.View view = whoDoesWhat.view(where, locale, WhoDoesWhat.PAGE_LIMIT);
        model.addAttribute("view", view);
        OrganisationQuery structures = whoDoesWhat.structureQuery(where);
        model.addAttribute("structuresUrl", structures.url("/annuaire"));
        model.addAttribute("structuresWithProjectsUrl", structures.withValues("projects", List.of("true")).url("/annuaire"));
        model.addAttribute("projectsUrl", whoDoesWhat.projectQuery(where, 20).url("/projets"));
        model.addAttribute("partnershipsUrl", whoDoesWhat.partnershipQuery(where, 20).url("/cooperation-decentralisee"));
        model.addAttribute("exportQuery", exportQuery(where));
        MapData map = mapData(view, structures);
        model.addAttribute("map", map);
        model.addAttribute("mapJson", json.writeValueAsString(map).replace("<", "\\u003c"));
        return "projects/where";
    }

    @GetMapping("/qui-fait-quoi/export.csv")
    void csv(@RequestParam(required = false) String country, @RequestParam(required = false) String theme,
             Locale locale, HttpServletResponse response) throws IOException {
        WhoDoesWhat.Export export = export(country, theme, locale, response);
        if (export == null) {
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(export.where(), "csv"));
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(CsvOut.BOM);
        CsvOut.row(out, headers(locale));
        for (List<String> row : rows(export, locale)) {
            CsvOut.row(out, row);
        }
        out.flush();
    }

    @GetMapping("/qui-fait-quoi/export.xlsx")
    void xlsx(@RequestParam(required = false) String country, @RequestParam(required = false) String theme,
              Locale locale, HttpServletResponse response) throws IOException {
        WhoDoesWhat.Export export = export(country, theme, locale, response);
        if (export == null) {
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(export.where(), "xlsx"));
        OutputStream stream = response.getOutputStream();
        Workbook workbook = new Workbook(stream, "Maillage", "1.0");
        List<String> headers = headers(locale);
        List<List<String>> rows = rows(export, locale);
        for (String kind : List.of("structure", "project", "partnership")) {
            String label = msg("projects.where.kind." + kind + ".plural", locale);
            Worksheet sheet = workbook.newWorksheet(label);
            for (int c = 1; c < headers.size(); c++) {
                sheet.value(0, c - 1, headers.get(c));
                sheet.width(c - 1, 28);
            }
            sheet.range(0, 0, 0, headers.size() - 2).style().bold().set();
            sheet.freezePane(0, 1);
            int r = 1;
            String kindLabel = msg("projects.where.kind." + kind, locale);
            for (List<String> row : rows) {
                if (row.get(0).equals(kindLabel)) {
                    for (int c = 1; c < row.size(); c++) {
                        if (!row.get(c).isEmpty()) {
                            sheet.value(r, c - 1, row.get(c));
                        }
                    }
                    r++;
                }
            }
        }
        workbook.finish();
        stream.flush();
    }

    private WhoDoesWhat.Export export(String country, String theme, Locale locale, HttpServletResponse response) throws IOException {
        WhoDoesWhat.Where where;
        try {
            where = whoDoesWhat.where(country, theme, locale);
        } catch (WhoDoesWhat.UnknownCode e) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), msg("projects.where.unknown." + e.field(), locale, e.code()));
            return null;
        }
        if (where.isEmpty()) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), msg("projects.where.choose", locale));
            return null;
        }
        return whoDoesWhat.export(where, locale);
    }

    private List<String> headers(Locale locale) {
        return List.of("type", "name", "lead", "countries", "themes", "details", "url").stream()
                .map(h -> msg("projects.where.export." + h, locale)).toList();
    }

    /** One row per item: type, name, lead structure, countries, themes, details, address. */
    private List<List<String>> rows(WhoDoesWhat.Export export, Locale locale) {
        String base = properties.baseUrl();
        List<List<String>> rows = new ArrayList<>();
        String structure = msg("projects.where.kind.structure", locale);
        for (OrganisationSummary o : export.structures()) {
            rows.add(List.of(structure, o.name(), "", labels(o.countries()), labels(o.themes()),
                    join(o.structureType() == null ? null : o.structureType().label(), o.city()),
                    base + "/acteurs/" + o.slug()));
        }
        String project = msg("projects.where.kind.project", locale);
        for (ProjectSummary p : export.projects()) {
            rows.add(List.of(project, p.title(), p.lead() == null ? "" : p.lead().name(), labels(p.countries()), labels(p.themes()),
                    join(p.status() == null ? null : p.status().label(), years(p)), base + "/projets/" + p.slug()));
        }
        String partnership = msg("projects.where.kind.partnership", locale);
        for (PartnershipDetails p : export.partnerships()) {
            rows.add(List.of(partnership, p.authority().name() + " – " + p.partner().name(), p.authority().name(),
                    p.partner().country() == null ? "" : p.partner().country().label(), labels(p.themes()),
                    join(p.status() == null ? null : p.status().label(), p.partner().region()),
                    base + "/cooperation-decentralisee/partenariats/" + p.id()));
        }
        return rows;
    }

    private static String years(ProjectSummary p) {
        if (p.start() == null && p.end() == null) {
            return null;
        }
        return (p.start() == null ? "…" : String.valueOf(p.start().getYear())) + "–" + (p.end() == null ? "…" : String.valueOf(p.end().getYear()));
    }

    private static String labels(List<CodeLabel> values) {
        return values == null ? "" : values.stream().map(CodeLabel::label).collect(Collectors.joining(", "));
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " · " + b;
    }

    private String exportQuery(WhoDoesWhat.Where where) {
        List<String> parts = new ArrayList<>();
        if (where.country() != null) {
            parts.add("country=" + where.country().code());
        }
        if (where.theme() != null) {
            parts.add("theme=" + where.theme().code());
        }
        return String.join("&", parts);
    }

    private static String attachment(WhoDoesWhat.Where where, String extension) {
        String name = "qui-fait-quoi" + (where.country() == null ? "" : "-" + where.country().code().toLowerCase(Locale.ROOT))
                + (where.theme() == null ? "" : "-" + where.theme().code()) + "-" + LocalDate.now(PARIS) + "." + extension;
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Counts of the structures by département and by country, for the two maps. */
    record MapData(long total, List<Area> departements, List<Area> countries) {
        /** {@code key}: the département code, or the ISO numeric code of a country (the shapes' ids). */
        record Area(String code, String key, String label, long count, String url) {
        }
    }

    private MapData mapData(WhoDoesWhat.View view, OrganisationQuery structures) {
        List<MapData.Area> departements = new ArrayList<>();
        for (Facet.FacetValue v : view.structures().facet("departement").map(Facet::values).orElse(List.of())) {
            if (v.count() > 0) {
                departements.add(new MapData.Area(v.code(), v.code(), v.label(), v.count(),
                        structures.with("departement", v.code()).url("/annuaire")));
            }
        }
        List<MapData.Area> countries = new ArrayList<>();
        for (Facet.FacetValue v : view.structures().facet("country").map(Facet::values).orElse(List.of())) {
            if (v.count() > 0) {
                String numeric = reference.find(RefList.COUNTRIES, v.code()).map(c -> c.extra("numeric")).orElse("");
                countries.add(new MapData.Area(v.code(), numeric, v.label(), v.count(),
                        "/qui-fait-quoi?country=" + v.code() + (view.where().theme() == null ? "" : "&theme=" + view.where().theme().code())));
            }
        }
        return new MapData(view.structures().total(), departements, countries);
    }
}
