package fr.maillage.projects.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.maillage.directory.Directory;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.FunderKind;
import fr.maillage.projects.PartnerRole;
import fr.maillage.projects.ProjectData;
import fr.maillage.projects.ProjectDetails;
import fr.maillage.projects.ProjectNotFoundException;
import fr.maillage.projects.Projects;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.MaillageProperties;
import fr.maillage.shared.security.CurrentPerson;
import fr.maillage.shared.text.Markdown;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.json.JsonMapper;

/**
 * A project's page ({@code /projets/{slug}}): what it does, where, with whom and with what
 * money, its photos and documents, and what it taught. Drafts and hidden projects are shown
 * only to the lead structure's editors and to staff (with a banner); others get a 404. The
 * page carries Open Graph tags and schema.org JSON-LD.
 */
@Controller
class ProjectPageController {

    private final Projects projects;
    private final Directory directory;
    private final Reference reference;
    private final Markdown markdown;
    private final MaillageProperties properties;
    private final MessageSource messages;
    private final ProjectViews views;
    private final JsonMapper json = JsonMapper.builder().build();

    ProjectPageController(Projects projects, Directory directory, Reference reference, Markdown markdown,
                          MaillageProperties properties, MessageSource messages, ProjectViews views) {
        this.projects = projects;
        this.directory = directory;
        this.reference = reference;
        this.markdown = markdown;
        this.properties = properties;
        this.messages = messages;
        this.views = views;
    }

    @GetMapping("/projets/{slug}")
    String project(@PathVariable String slug, @AuthenticationPrincipal CurrentPerson me, Model model, Locale locale) {
        ProjectDetails p = projects.find(slug).orElseThrow(() -> new ProjectNotFoundException(slug));
        if (!projects.canView(p, me)) {
            throw new ProjectNotFoundException(slug);
        }
        ProjectData d = p.data();
        OrganisationRef lead = directory.ref(p.organisationId()).orElse(null);
        Map<Long, OrganisationRef> orgs = organisations(d);
        String url = base() + "/projets/" + p.slug();
        List<ProjectData.Link> photos = d.links().stream().filter(l -> "PHOTO".equals(l.kind()) && l.fileKey() != null).toList();

        model.addAttribute("p", p);
        model.addAttribute("d", d);
        model.addAttribute("lead", lead);
        model.addAttribute("orgs", orgs);
        model.addAttribute("canEdit", projects.canEditOrganisation(p.organisationId(), me));
        model.addAttribute("descriptionHtml", markdown.toHtml(d.description()));
        model.addAttribute("lessonsWorkedHtml", markdown.toHtml(d.lessonsWorked()));
        model.addAttribute("lessonsFailedHtml", markdown.toHtml(d.lessonsFailed()));
        model.addAttribute("lessonsAdviceHtml", markdown.toHtml(d.lessonsAdvice()));
        model.addAttribute("hasLessons", notBlank(d.lessonsWorked()) || notBlank(d.lessonsFailed()) || notBlank(d.lessonsAdvice()));
        model.addAttribute("photos", photos);
        model.addAttribute("videos", d.links().stream().filter(l -> "VIDEO".equals(l.kind())).toList());
        model.addAttribute("webLinks", d.links().stream().filter(l -> "WEB".equals(l.kind())
                || "PHOTO".equals(l.kind()) && l.fileKey() == null).toList());
        model.addAttribute("documents", d.links().stream().filter(l -> "DOCUMENT".equals(l.kind())).toList());
        model.addAttribute("countries", countries(d, locale));
        model.addAttribute("period", views.period(d, locale));
        model.addAttribute("canonicalUrl", url);
        String plain = notBlank(d.summary()) ? d.summary() : markdown.toPlainText(d.description(), 200);
        model.addAttribute("metaDescription", plain);
        model.addAttribute("ogImage", photos.isEmpty() ? null : base() + "/fichiers/" + photos.get(0).fileKey());
        boolean hasPoints = d.places().stream().anyMatch(pl -> pl.latitude() != null && pl.longitude() != null);
        model.addAttribute("mapJson", hasPoints ? mapJson(d, locale) : null);
        model.addAttribute("jsonLd", jsonLd(p, lead, orgs, url, locale, photos).replace("<", "\\u003c"));
        return "projects/project";
    }

    private Map<Long, OrganisationRef> organisations(ProjectData d) {
        List<Long> ids = new ArrayList<>();
        d.partners().forEach(x -> { if (x.organisationId() != null) { ids.add(x.organisationId()); } });
        d.fundings().forEach(x -> { if (x.organisationId() != null) { ids.add(x.organisationId()); } });
        return directory.refs(ids);
    }

    /** The countries of the project, once each, with their label and their places. */
    private List<CountryPlaces> countries(ProjectData d, Locale locale) {
        Map<String, List<String>> places = new LinkedHashMap<>();
        for (ProjectData.Place pl : d.places()) {
            List<String> list = places.computeIfAbsent(pl.countryCode(), k -> new ArrayList<>());
            if (notBlank(pl.place()) && !list.contains(pl.place())) {
                list.add(pl.place());
            }
        }
        List<CountryPlaces> out = new ArrayList<>();
        places.forEach((code, names) -> out.add(new CountryPlaces(code, reference.label(RefList.COUNTRIES, code, locale), names)));
        return out;
    }

    record CountryPlaces(String code, String label, List<String> places) {
    }

    private String mapJson(ProjectData d, Locale locale) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (ProjectData.Place pl : d.places()) {
            if (pl.latitude() != null && pl.longitude() != null) {
                String country = reference.label(RefList.COUNTRIES, pl.countryCode(), locale);
                points.add(Map.of("lat", pl.latitude(), "lon", pl.longitude(),
                        "label", notBlank(pl.place()) ? pl.place() + ", " + country : country));
            }
        }
        List<String> numeric = d.places().stream().map(ProjectData.Place::countryCode).distinct()
                .map(c -> reference.find(RefList.COUNTRIES, c).map(r -> r.extra("numeric")).orElse(""))
                .filter(n -> !n.isEmpty()).toList();
        return json.writeValueAsString(Map.of("points", points, "countries", numeric)).replace("<", "\\u003c");
    }

    /** schema.org Project (an Organization): name, description, where, who leads, funds and takes part, when. */
    private String jsonLd(ProjectDetails p, OrganisationRef lead, Map<Long, OrganisationRef> orgs, String url, Locale locale,
                          List<ProjectData.Link> photos) {
        ProjectData d = p.data();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Project");
        ld.put("@id", url);
        ld.put("name", d.title());
        ld.put("url", url);
        ld.put("mainEntityOfPage", url);
        String description = notBlank(d.summary()) ? d.summary() : markdown.toPlainText(d.description(), 500);
        if (notBlank(description)) {
            ld.put("description", description);
        }
        if (lead != null) {
            Map<String, Object> parent = organisation(lead);
            ld.put("parentOrganization", parent);
        }
        Set<String> codes = new LinkedHashSet<>();
        d.places().forEach(pl -> codes.add(pl.countryCode()));
        if (!codes.isEmpty()) {
            ld.put("areaServed", codes.stream().map(c -> Map.of("@type", "Country", "name",
                    reference.label(RefList.COUNTRIES, c, locale), "identifier", c)).toList());
        }
        List<Map<String, Object>> locations = new ArrayList<>();
        for (ProjectData.Place pl : d.places()) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            String country = reference.label(RefList.COUNTRIES, pl.countryCode(), locale);
            place.put("name", notBlank(pl.place()) ? pl.place() + ", " + country : country);
            place.put("address", Map.of("@type", "PostalAddress", "addressCountry", pl.countryCode()));
            if (pl.latitude() != null && pl.longitude() != null) {
                place.put("geo", Map.of("@type", "GeoCoordinates", "latitude", pl.latitude(), "longitude", pl.longitude()));
            }
            locations.add(place);
        }
        if (!locations.isEmpty()) {
            ld.put("location", locations);
        }
        List<Map<String, Object>> funders = new ArrayList<>();
        Set<String> funderNames = new LinkedHashSet<>();
        for (ProjectData.Funding f : d.fundings()) {
            OrganisationRef o = f.organisationId() == null ? null : orgs.get(f.organisationId());
            String name = o != null ? o.displayName() : notBlank(f.funderName()) ? f.funderName() : funderKind(f.funderKind(), locale);
            if (funderNames.add(name)) {
                funders.add(o != null && o.published() ? organisation(o) : Map.of("@type", "Organization", "name", name));
            }
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (ProjectData.Partner pa : d.partners()) {
            OrganisationRef o = pa.organisationId() == null ? null : orgs.get(pa.organisationId());
            String name = o != null ? o.displayName() : pa.name();
            if (name == null) {
                continue;
            }
            Map<String, Object> org = o != null && o.published() ? organisation(o) : new LinkedHashMap<>(Map.of("@type", "Organization", "name", name));
            if (o == null && notBlank(pa.countryCode())) {
                org.put("address", Map.of("@type", "PostalAddress", "addressCountry", pa.countryCode()));
            }
            if (PartnerRole.FUNDING.code().equals(pa.role())) {
                if (funderNames.add(name)) {
                    funders.add(org);
                }
            } else {
                members.add(org);
            }
        }
        if (!funders.isEmpty()) {
            ld.put("funder", funders);
        }
        if (!members.isEmpty()) {
            ld.put("member", members);
        }
        if (d.actualStart() != null || d.plannedStart() != null) {
            ld.put("foundingDate", (d.actualStart() != null ? d.actualStart() : d.plannedStart()).toString());
        }
        if (d.actualEnd() != null) {
            ld.put("dissolutionDate", d.actualEnd().toString());
        }
        List<String> keywords = new ArrayList<>();
        d.themes().forEach(t -> keywords.add(reference.label(RefList.THEMES, t, locale)));
        d.sectors().forEach(s -> keywords.add(views.sector(s.code(), locale)));
        if (!keywords.isEmpty()) {
            ld.put("keywords", String.join(", ", keywords));
        }
        if (!photos.isEmpty()) {
            ld.put("image", photos.stream().map(ph -> base() + "/fichiers/" + ph.fileKey()).toList());
        }
        return json.writeValueAsString(ld);
    }

    private Map<String, Object> organisation(OrganisationRef o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", "Organization");
        m.put("name", o.displayName());
        if (o.published()) {
            m.put("url", base() + "/acteurs/" + o.slug());
        }
        return m;
    }

    private String funderKind(String kind, Locale locale) {
        String k = FunderKind.isKnown(kind) ? kind : "OTHER";
        return messages.getMessage("projects.web.funder." + k, null, k, locale);
    }

    private String base() {
        String b = properties.baseUrl() == null ? "" : properties.baseUrl();
        return b.replaceAll("/+$", "");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
