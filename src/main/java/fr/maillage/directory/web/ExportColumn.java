package fr.maillage.directory.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.maillage.directory.OrganisationDetails;
import fr.maillage.shared.CodeLabel;

import org.springframework.context.MessageSource;

/**
 * The columns a person may choose for an export ({@code colonnes=name&colonnes=countries}).
 * Coded columns give the codes and, beside them, the labels ("SN" and "Sénégal").
 */
enum ExportColumn {
    NAME("name", false, o -> List.of(o.name())),
    ACRONYM("acronym", false, o -> List.of(nz(o.acronym()))),
    TYPE("type", true, o -> codeAndLabel(o.structureType())),
    COLLEGE("college", true, o -> codeAndLabel(o.college())),
    SIRET("siret", false, o -> List.of(nz(o.siret()))),
    ADDRESS("address", false, o -> List.of(nz(o.addressLine()))),
    POSTAL_CODE("postal_code", false, o -> List.of(nz(o.postalCode()))),
    CITY("city", false, o -> List.of(nz(o.city()))),
    DEPARTEMENT("departement", true, o -> codeAndLabel(o.departement())),
    REGION("region", true, o -> codeAndLabel(o.region())),
    COUNTRIES("countries", true, o -> List.of(
            o.countries().stream().map(OrganisationDetails.Place::code).distinct().collect(Collectors.joining(", ")),
            o.countries().stream().map(p -> p.place() == null || p.place().isBlank() ? p.label() : p.label() + " (" + p.place() + ")")
                    .collect(Collectors.joining(", ")))),
    THEMES("themes", true, o -> joined(o.themes())),
    SDGS("sdgs", true, o -> joined(o.sdgs())),
    KEYWORDS("keywords", false, o -> List.of(String.join(", ", o.keywords()))),
    WEBSITE("website", false, o -> List.of(nz(o.website()))),
    EMAIL("email", false, o -> List.of(nz(o.email()))),
    PHONE("phone", false, o -> List.of(nz(o.phone()))),
    MEMBER("member", false, o -> List.of(o.member() ? "oui" : "non")),
    YEAR_FOUNDED("year_founded", false, o -> List.of(o.yearFounded() == null ? "" : o.yearFounded().toString())),
    UPDATED("updated", false, o -> List.of(o.updatedAt() == null ? "" : LocalDate.ofInstant(o.updatedAt(), DirectoryController.PARIS).toString())),
    URL("url", false, o -> List.of("/acteurs/" + o.slug()));

    static final List<ExportColumn> DEFAULTS = List.of(NAME, ACRONYM, TYPE, CITY, DEPARTEMENT, COUNTRIES, THEMES, WEBSITE, EMAIL, PHONE, URL);

    final String param;
    final boolean coded;
    private final Function<OrganisationDetails, List<String>> values;

    ExportColumn(String param, boolean coded, Function<OrganisationDetails, List<String>> values) {
        this.param = param;
        this.coded = coded;
        this.values = values;
    }

    public String getParam() {
        return param;
    }

    public String getMessageKey() {
        return "export.column." + param;
    }

    static List<ExportColumn> available(boolean staff) {
        return Arrays.asList(values());
    }

    /** The chosen columns, in the canonical order; the defaults when none (or none known) is given. */
    static List<ExportColumn> parse(List<String> params) {
        if (params == null || params.isEmpty()) {
            return DEFAULTS;
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        params.forEach(p -> Arrays.stream(p.split(",")).map(String::strip).forEach(wanted::add));
        List<ExportColumn> out = Arrays.stream(values()).filter(c -> wanted.contains(c.param)).toList();
        return out.isEmpty() ? DEFAULTS : out;
    }

    static List<String> headers(List<ExportColumn> columns, MessageSource messages, Locale locale) {
        List<String> headers = new ArrayList<>();
        for (ExportColumn c : columns) {
            String label = messages.getMessage(c.getMessageKey(), null, c.param, locale);
            if (c.coded) {
                headers.add(label + " (" + messages.getMessage("export.code", null, "code", locale) + ")");
            }
            headers.add(label);
        }
        return headers;
    }

    static List<String> row(List<ExportColumn> columns, OrganisationDetails o, String baseUrl) {
        List<String> row = new ArrayList<>();
        for (ExportColumn c : columns) {
            List<String> v = c.values.apply(o);
            if (c == URL) {
                row.add(baseUrl + v.get(0));
            } else {
                row.addAll(v);
            }
        }
        return row;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<String> codeAndLabel(CodeLabel c) {
        return c == null ? List.of("", "") : List.of(c.code(), c.label());
    }

    private static List<String> joined(List<CodeLabel> items) {
        return List.of(items.stream().map(CodeLabel::code).collect(Collectors.joining(", ")),
                items.stream().map(CodeLabel::label).collect(Collectors.joining(", ")));
    }
}
