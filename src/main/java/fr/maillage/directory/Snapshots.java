package fr.maillage.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A structure's record as a JSON snapshot (kept in its history), and the differences between two snapshots. */
final class Snapshots {

    /** The fields of a snapshot, in display order (message keys directory.field.&lt;name&gt;). */
    static final List<String> FIELDS = List.of("name", "acronym", "structureType", "college", "siret", "rna",
            "addressLine", "postalCode", "city", "departement", "region", "website", "publicEmail", "showEmail",
            "phone", "showPhone", "logoKey", "description", "themes", "countries", "sdgs", "keywords",
            "yearFounded", "volunteers", "employees", "member", "status");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Snapshots() {
    }

    static Map<String, Object> of(Organisation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name);
        m.put("acronym", o.acronym);
        m.put("structureType", o.structureType);
        m.put("college", o.college);
        m.put("siret", o.siret);
        m.put("rna", o.rna);
        m.put("addressLine", o.addressLine);
        m.put("postalCode", o.postalCode);
        m.put("city", o.city);
        m.put("departement", o.departement);
        m.put("region", o.region);
        m.put("website", o.website);
        m.put("publicEmail", o.publicEmail);
        m.put("showEmail", o.showEmail);
        m.put("phone", o.phone);
        m.put("showPhone", o.showPhone);
        m.put("logoKey", o.logoKey);
        m.put("description", o.description);
        m.put("themes", o.themes.stream().sorted().toList());
        List<Map<String, String>> countries = new ArrayList<>();
        for (CountryPlace c : o.countries) {
            Map<String, String> cm = new LinkedHashMap<>();
            cm.put("code", c.getCountryCode());
            cm.put("place", c.getPlace());
            countries.add(cm);
        }
        m.put("countries", countries);
        m.put("sdgs", o.sdgs.stream().map(Short::intValue).sorted().toList());
        m.put("keywords", List.copyOf(o.keywords));
        m.put("yearFounded", o.yearFounded);
        m.put("volunteers", o.volunteers);
        m.put("employees", o.employees);
        m.put("member", o.member);
        m.put("status", o.status.name());
        return m;
    }

    static String json(Organisation o) {
        return JSON.writeValueAsString(of(o));
    }

    static Map<String, Object> parse(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    /** The fields whose value differs, in display order. */
    static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        List<String> changed = new ArrayList<>();
        for (String f : FIELDS) {
            if (!Objects.equals(text(before.get(f)), text(after.get(f)))) {
                changed.add(f);
            }
        }
        return changed;
    }

    static List<Revision.FieldChange> diff(Map<String, Object> before, Map<String, Object> after) {
        List<Revision.FieldChange> changes = new ArrayList<>();
        for (String f : changedFields(before, after)) {
            changes.add(new Revision.FieldChange(f, text(before.get(f)), text(after.get(f))));
        }
        return changes;
    }

    /** A value as one line of text ("SN (Saint-Louis), ML"; "" for nothing). */
    @SuppressWarnings("unchecked")
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    Object place = m.get("place");
                    parts.add(m.get("code") + (place == null || place.toString().isBlank() ? "" : " (" + place + ")"));
                } else {
                    parts.add(String.valueOf(item));
                }
            }
            return String.join(", ", parts);
        }
        return String.valueOf(value);
    }

    /** Puts a snapshot's content back into the structure (its status is left as it is). */
    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> s, Organisation o) {
        o.name = str(s.get("name"));
        o.acronym = str(s.get("acronym"));
        o.structureType = str(s.get("structureType"));
        o.college = str(s.get("college"));
        o.siret = str(s.get("siret"));
        o.rna = str(s.get("rna"));
        o.addressLine = str(s.get("addressLine"));
        o.postalCode = str(s.get("postalCode"));
        o.city = str(s.get("city"));
        o.departement = str(s.get("departement"));
        o.region = str(s.get("region"));
        o.website = str(s.get("website"));
        o.publicEmail = str(s.get("publicEmail"));
        o.showEmail = Boolean.TRUE.equals(s.get("showEmail"));
        o.phone = str(s.get("phone"));
        o.showPhone = Boolean.TRUE.equals(s.get("showPhone"));
        o.logoKey = str(s.get("logoKey"));
        o.description = str(s.get("description"));
        o.themes.clear();
        o.themes.addAll((List<String>) s.getOrDefault("themes", List.of()));
        o.countries.clear();
        for (Map<String, String> c : (List<Map<String, String>>) s.getOrDefault("countries", List.of())) {
            o.countries.add(new CountryPlace(c.get("code"), c.get("place")));
        }
        o.sdgs.clear();
        for (Object n : (List<Object>) s.getOrDefault("sdgs", List.of())) {
            o.sdgs.add(((Number) n).shortValue());
        }
        o.keywords.clear();
        o.keywords.addAll(new LinkedHashSet<>((List<String>) s.getOrDefault("keywords", List.of())));
        o.yearFounded = num(s.get("yearFounded"));
        o.volunteers = num(s.get("volunteers"));
        o.employees = num(s.get("employees"));
        o.member = Boolean.TRUE.equals(s.get("member"));
    }

    private static String str(Object v) {
        return v == null ? null : v.toString();
    }

    private static Integer num(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }
}
