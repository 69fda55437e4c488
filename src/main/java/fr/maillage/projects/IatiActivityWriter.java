package fr.maillage.projects;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import fr.maillage.directory.OrganisationRef;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;

/**
 * Writes IATI 2.03 activities with StAX, element by element in the order the schema requires,
 * straight to the output (nothing is built in memory but the current activity's data). One
 * writer per export: {@link #start()}, {@link #activity} for each project, {@link #end()}.
 *
 * <p>What a project becomes: its lead structure is the reporting organisation and an
 * accountable participating organisation; partners are participating organisations with their
 * role; funders are funding participating organisations and, each funding, an incoming
 * commitment (transaction type 11) from its funder, with yearly budgets in the project's
 * currency; countries are recipient countries (equal shares summing to 100), places with a map
 * point or a name are locations; DAC sectors keep their vocabulary and shares; SDGs are tags of
 * vocabulary 2 and the network's themes tags of vocabulary 99; links are document links. The
 * description is the project's Markdown text as written (a narrative is plain text, and
 * Markdown is plain text meant to be read as is). The summary, the lessons learned and the
 * kinds of funders, which IATI has no element for, go in Maillage's own namespace
 * ({@value IatiXml#MAILLAGE_NS}) where the schema allows other namespaces, so that a file
 * exported here imports back unchanged.
 */
final class IatiActivityWriter {

    /** A project to write, with what the export knows around it. */
    record Row(long id, long organisationId, String iatiIdentifier, Instant createdAt, Instant updatedAt, ProjectData data) {
    }

    /** The lead structure of a project: its reference, its IATI identifier and type, and its public contact details. */
    record Lead(OrganisationRef ref, String iatiRef, String iatiType, String website, String email, String phone) {
    }

    private static final String SRS = "http://www.opengis.net/def/crs/EPSG/0/4326";
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Map<String, String> FUNDER_REFS = Map.of("MEAE", "FR-6", "AFD", "FR-3");

    private final XMLStreamWriter xml;
    private final Reference reference;
    private final IatiOrgIds orgIds;
    private final String baseUrl;

    IatiActivityWriter(OutputStream out, Reference reference, IatiOrgIds orgIds, String baseUrl) throws XMLStreamException {
        this.xml = IatiXml.outputFactory().createXMLStreamWriter(out, "UTF-8");
        this.reference = reference;
        this.orgIds = orgIds;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    }

    void start() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("iati-activities");
        xml.writeNamespace("maillage", IatiXml.MAILLAGE_NS);
        xml.writeAttribute("version", "2.03");
        xml.writeAttribute("generated-datetime", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        xml.writeCharacters("\n");
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    void flush() throws XMLStreamException {
        xml.flush();
    }

    /** One activity. {@code structures} gives the directory's structures named as partners or funders. */
    void activity(Row row, Lead lead, Map<Long, OrganisationRef> structures) throws XMLStreamException {
        ProjectData d = row.data();
        xml.writeStartElement("iati-activity");
        xml.writeAttribute("last-updated-datetime", DateTimeFormatter.ISO_INSTANT.format(row.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "fr");
        xml.writeAttribute("default-currency", d.budgetCurrency());
        xml.writeAttribute("hierarchy", "1");

        element("iati-identifier", row.iatiIdentifier());
        xml.writeStartElement("reporting-org");
        xml.writeAttribute("ref", lead.iatiRef());
        xml.writeAttribute("type", lead.iatiType());
        narrative(lead.ref().displayName());
        xml.writeEndElement();

        textElement("title", d.title());
        xml.writeStartElement("description");
        xml.writeAttribute("type", "1");
        narrative(firstNonBlank(d.description(), d.summary(), d.title()));
        xml.writeEndElement();

        participatingOrganisations(d, lead, structures);
        xml.writeEmptyElement("activity-status");
        xml.writeAttribute("code", d.activityStatus());
        activityDates(row);
        contact(lead);
        recipientCountries(d);
        locations(row, d);
        sectors(d);
        tags(d);
        budgets(row, d);
        transactions(row, d, lead, structures);
        documentLinks(d);
        extensions(d);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    // ------------------------------------------------------------------ organisations

    private void participatingOrganisations(ProjectData d, Lead lead, Map<Long, OrganisationRef> structures) throws XMLStreamException {
        boolean leadAccountable = d.partners().stream()
                .anyMatch(p -> lead.ref().id() == (p.organisationId() == null ? -1 : p.organisationId()) && PartnerRole.ACCOUNTABLE.code().equals(p.role()));
        if (!leadAccountable) {
            organisation("participating-org", PartnerRole.ACCOUNTABLE.code(), lead.iatiRef(), lead.iatiType(), lead.ref().displayName(), false);
        }
        Set<String> funders = new LinkedHashSet<>();
        for (ProjectData.Partner p : d.partners()) {
            OrganisationRef s = p.organisationId() == null ? null : structures.get(p.organisationId());
            String ref = s != null ? orgIds.of(s) : p.iatiRef();
            String type = s != null ? structureType(s) : p.orgType();
            String name = s != null ? s.displayName() : p.name();
            organisation("participating-org", p.role(), ref, type, name, false);
            if (PartnerRole.FUNDING.code().equals(p.role())) {
                funders.add(p.organisationId() != null ? "#" + p.organisationId() : String.valueOf(p.name()));
            }
        }
        for (ProjectData.Funding f : d.fundings()) {
            String key = f.organisationId() != null ? "#" + f.organisationId() : funderName(f);
            boolean own = FunderKind.OWN.name().equals(f.funderKind()) || f.organisationId() != null && f.organisationId() == lead.ref().id();
            if (own || !funders.add(key)) {
                continue;
            }
            OrganisationRef s = f.organisationId() == null ? null : structures.get(f.organisationId());
            organisation("participating-org", PartnerRole.FUNDING.code(), s != null ? orgIds.of(s) : FUNDER_REFS.get(f.funderKind()),
                    s != null ? structureType(s) : FunderKind.valueOf(f.funderKind()).iatiOrganisationType(),
                    s != null ? s.displayName() : funderName(f), true);
        }
    }

    private void organisation(String element, String role, String ref, String type, String name, boolean fromFunding) throws XMLStreamException {
        xml.writeStartElement(element);
        if (ref != null && !ref.isBlank()) {
            xml.writeAttribute("ref", IatiXml.clean(ref));
        }
        if (type != null && !type.isBlank()) {
            xml.writeAttribute("type", type);
        }
        if (role != null) {
            xml.writeAttribute("role", role);
        }
        if (fromFunding) {
            xml.writeAttribute("maillage", IatiXml.MAILLAGE_NS, "funding", "true");
        }
        if (name != null && !name.isBlank()) {
            narrative(name);
        }
        xml.writeEndElement();
    }

    String structureType(OrganisationRef s) {
        return reference.find(RefList.STRUCTURE_TYPES, s.structureType()).map(i -> i.extra("iati")).filter(t -> !t.isBlank()).orElse("90");
    }

    private static String funderName(ProjectData.Funding f) {
        if (f.funderName() != null && !f.funderName().isBlank()) {
            return f.funderName();
        }
        return switch (f.funderKind()) {
            case "MEAE" -> "Ministère de l’Europe et des Affaires étrangères";
            case "AFD" -> "Agence française de développement";
            case "REGION" -> "Conseil régional";
            case "DEPARTEMENT" -> "Conseil départemental";
            case "COMMUNE" -> "Commune ou intercommunalité";
            case "AGENCE_EAU" -> "Agence de l’eau";
            case "EU" -> "Union européenne";
            case "UN" -> "Nations unies";
            case "FOUNDATION" -> "Fondation";
            case "PRIVATE" -> "Entreprise (mécénat)";
            case "OWN" -> "Fonds propres";
            default -> "Autre financeur";
        };
    }

    // ------------------------------------------------------------------ dates, contact, places

    private void activityDates(Row row) throws XMLStreamException {
        ProjectData d = row.data();
        LocalDate[] dates = {d.plannedStart(), d.actualStart(), d.plannedEnd(), d.actualEnd()};
        boolean any = false;
        for (int i = 0; i < 4; i++) {
            if (dates[i] != null) {
                any = true;
                xml.writeEmptyElement("activity-date");
                xml.writeAttribute("type", String.valueOf(i + 1));
                xml.writeAttribute("iso-date", dates[i].toString());
            }
        }
        if (!any) {
            // the schema wants at least one date: the day the project was recorded, said as such
            xml.writeStartElement("activity-date");
            xml.writeAttribute("type", "1");
            xml.writeAttribute("iso-date", LocalDate.ofInstant(row.createdAt(), ZoneOffset.UTC).toString());
            narrative("Date d’enregistrement du projet (aucune date de début renseignée)");
            xml.writeEndElement();
        }
    }

    private void contact(Lead lead) throws XMLStreamException {
        xml.writeStartElement("contact-info");
        xml.writeAttribute("type", "1");
        textElement("organisation", lead.ref().displayName());
        if (lead.phone() != null && !lead.phone().isBlank()) {
            element("telephone", lead.phone());
        }
        if (lead.email() != null && !lead.email().isBlank()) {
            element("email", lead.email());
        }
        String website = lead.website();
        if (website != null && isUri(website)) {
            element("website", website);
        } else if (!baseUrl.isEmpty()) {
            element("website", baseUrl + "/acteurs/" + lead.ref().slug());
        }
        xml.writeEndElement();
    }

    private void recipientCountries(ProjectData d) throws XMLStreamException {
        List<String> countries = d.places().stream().map(p -> p.countryCode().toUpperCase(Locale.ROOT)).distinct().toList();
        if (countries.isEmpty()) {
            return;
        }
        List<BigDecimal> shares = IatiMapper.evenShares(countries.size());
        for (int i = 0; i < countries.size(); i++) {
            xml.writeStartElement("recipient-country");
            xml.writeAttribute("code", countries.get(i));
            xml.writeAttribute("percentage", shares.get(i).stripTrailingZeros().toPlainString());
            String name = reference.find(RefList.COUNTRIES, countries.get(i)).map(c -> c.labelFr()).orElse(null);
            if (name != null) {
                narrative(name);
            }
            xml.writeEndElement();
        }
    }

    private void locations(Row row, ProjectData d) throws XMLStreamException {
        int n = 0;
        for (ProjectData.Place p : d.places()) {
            if (p.latitude() == null && (p.place() == null || p.place().isBlank())) {
                continue;
            }
            n++;
            xml.writeStartElement("location");
            xml.writeAttribute("ref", row.iatiIdentifier() + "-L" + n);
            xml.writeEmptyElement("location-reach");
            xml.writeAttribute("code", "1");
            if (p.place() != null && !p.place().isBlank()) {
                textElement("name", p.place());
            }
            if (p.latitude() != null && p.longitude() != null) {
                xml.writeStartElement("point");
                xml.writeAttribute("srsName", SRS);
                element("pos", coordinate(p.latitude()) + " " + coordinate(p.longitude()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
    }

    private static String coordinate(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------ sectors and tags

    private void sectors(ProjectData d) throws XMLStreamException {
        for (ProjectData.Sector s : d.sectors()) {
            String voc = s.vocabulary() == null || s.vocabulary().isBlank() ? "1" : s.vocabulary();
            xml.writeStartElement("sector");
            xml.writeAttribute("vocabulary", voc);
            xml.writeAttribute("code", s.code());
            BigDecimal pct = s.percentage() == null ? HUNDRED : s.percentage();
            xml.writeAttribute("percentage", pct.stripTrailingZeros().toPlainString());
            String label = reference.find(voc.equals("2") ? RefList.DAC_CATEGORIES : RefList.DAC_SECTORS, s.code()).map(i -> i.labelFr()).orElse(null);
            if (label != null) {
                narrative(label);
            }
            xml.writeEndElement();
        }
    }

    private void tags(ProjectData d) throws XMLStreamException {
        List<String> sdgs = new ArrayList<>(d.sdgs());
        sdgs.sort((x, y) -> x.matches("\\d+") && y.matches("\\d+") ? Integer.compare(Integer.parseInt(x), Integer.parseInt(y)) : x.compareTo(y));
        for (String sdg : sdgs) {
            xml.writeStartElement("tag");
            xml.writeAttribute("vocabulary", "2");
            xml.writeAttribute("code", sdg);
            String label = reference.find(RefList.SDGS, sdg).map(i -> i.labelFr()).orElse(null);
            if (label != null) {
                narrative(label);
            }
            xml.writeEndElement();
        }
        for (String theme : d.themes().stream().sorted().toList()) {
            xml.writeStartElement("tag");
            xml.writeAttribute("vocabulary", "99");
            if (!baseUrl.isEmpty()) {
                xml.writeAttribute("vocabulary-uri", baseUrl + "/api/v1/reference/themes");
            }
            xml.writeAttribute("code", theme);
            narrative(reference.label(RefList.THEMES, theme, Locale.FRENCH));
            xml.writeEndElement();
        }
    }

    // ------------------------------------------------------------------ money

    /** Yearly budgets in the project's currency (IATI wants budget periods of a year at most). */
    private void budgets(Row row, ProjectData d) throws XMLStreamException {
        Map<Integer, BigDecimal> byYear = new LinkedHashMap<>();
        for (ProjectData.Funding f : d.fundings()) {
            if (f.currency().equals(d.budgetCurrency())) {
                byYear.merge(year(row, f), f.amount(), BigDecimal::add);
            }
        }
        List<Integer> years = new ArrayList<>(byYear.keySet());
        years.sort(null);
        for (Integer y : years) {
            xml.writeStartElement("budget");
            xml.writeAttribute("type", "1");
            xml.writeAttribute("status", "1");
            xml.writeEmptyElement("period-start");
            xml.writeAttribute("iso-date", y + "-01-01");
            xml.writeEmptyElement("period-end");
            xml.writeAttribute("iso-date", y + "-12-31");
            money(byYear.get(y), null, LocalDate.of(y, 1, 1));
            xml.writeEndElement();
        }
    }

    /** One incoming commitment (type 11) per funding, from its funder to the lead structure. */
    private void transactions(Row row, ProjectData d, Lead lead, Map<Long, OrganisationRef> structures) throws XMLStreamException {
        int n = 0;
        for (ProjectData.Funding f : d.fundings()) {
            n++;
            LocalDate date = LocalDate.of(year(row, f), 1, 1);
            xml.writeStartElement("transaction");
            xml.writeAttribute("ref", row.iatiIdentifier() + "-F" + n);
            xml.writeEmptyElement("transaction-type");
            xml.writeAttribute("code", "11");
            xml.writeEmptyElement("transaction-date");
            xml.writeAttribute("iso-date", date.toString());
            money(f.amount(), f.currency().equals(d.budgetCurrency()) ? null : f.currency(), date);
            boolean own = FunderKind.OWN.name().equals(f.funderKind()) || f.organisationId() != null && f.organisationId() == lead.ref().id();
            OrganisationRef s = f.organisationId() == null ? null : structures.get(f.organisationId());
            if (own) {
                organisation("provider-org", null, lead.iatiRef(), lead.iatiType(), lead.ref().displayName(), false);
            } else if (s != null) {
                organisation("provider-org", null, orgIds.of(s), structureType(s), s.displayName(), false);
            } else {
                organisation("provider-org", null, FUNDER_REFS.get(f.funderKind()), FunderKind.valueOf(f.funderKind()).iatiOrganisationType(),
                        funderName(f), false);
            }
            organisation("receiver-org", null, lead.iatiRef(), lead.iatiType(), lead.ref().displayName(), false);
            xml.writeStartElement("maillage", "funder-kind", IatiXml.MAILLAGE_NS);
            xml.writeCharacters(f.funderKind());
            xml.writeEndElement();
            xml.writeEndElement();
        }
    }

    private static int year(Row row, ProjectData.Funding f) {
        if (f.year() != null) {
            return f.year();
        }
        ProjectData d = row.data();
        LocalDate start = d.actualStart() != null ? d.actualStart() : d.plannedStart();
        return start != null ? start.getYear() : LocalDate.ofInstant(row.createdAt(), ZoneOffset.UTC).getYear();
    }

    private void money(BigDecimal amount, String currency, LocalDate valueDate) throws XMLStreamException {
        xml.writeStartElement("value");
        if (currency != null) {
            xml.writeAttribute("currency", currency);
        }
        xml.writeAttribute("value-date", valueDate.toString());
        xml.writeCharacters(amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
        xml.writeEndElement();
    }

    // ------------------------------------------------------------------ links and extensions

    private void documentLinks(ProjectData d) throws XMLStreamException {
        for (ProjectData.Link l : d.links()) {
            String url = l.url() != null && !l.url().isBlank() ? l.url()
                    : l.fileKey() != null && !baseUrl.isEmpty() ? baseUrl + "/fichiers/" + l.fileKey() : null;
            if (url == null || !isUri(url)) {
                continue;
            }
            xml.writeStartElement("document-link");
            xml.writeAttribute("url", url);
            xml.writeAttribute("format", format(l, url));
            xml.writeAttribute("maillage", IatiXml.MAILLAGE_NS, "kind", l.kind());
            textElement("title", l.title() != null && !l.title().isBlank() ? l.title() : url);
            xml.writeEmptyElement("category");
            // A12 "Activity web page" for what shows the project (pages, photos, videos); A02 "Objectives / Purpose of activity" for its documents
            xml.writeAttribute("code", LinkKind.DOCUMENT.name().equals(l.kind()) ? "A02" : "A12");
            xml.writeEndElement();
        }
    }

    /** The link's IANA media type: the stored one, else guessed from the address and the kind. */
    static String format(ProjectData.Link l, String url) {
        if (l.mediaType() != null && l.mediaType().matches("[a-z]+/[a-zA-Z0-9.+_-]+")) {
            return l.mediaType();
        }
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (path.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        if (path.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (path.endsWith(".doc")) {
            return "application/msword";
        }
        if (path.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return LinkKind.DOCUMENT.name().equals(l.kind()) ? "application/octet-stream" : "text/html";
    }

    private void extensions(ProjectData d) throws XMLStreamException {
        extension("summary", d.summary());
        extension("lessons-worked", d.lessonsWorked());
        extension("lessons-failed", d.lessonsFailed());
        extension("lessons-advice", d.lessonsAdvice());
    }

    private void extension(String name, String value) throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        xml.writeStartElement("maillage", name, IatiXml.MAILLAGE_NS);
        xml.writeCharacters(IatiXml.clean(value));
        xml.writeEndElement();
    }

    // ------------------------------------------------------------------ XML helpers

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(IatiXml.clean(text));
        xml.writeEndElement();
    }

    private void textElement(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        narrative(text);
        xml.writeEndElement();
    }

    private void narrative(String text) throws XMLStreamException {
        xml.writeStartElement("narrative");
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "fr");
        xml.writeCharacters(IatiXml.clean(text));
        xml.writeEndElement();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static boolean isUri(String s) {
        if (s.length() > 1000 || s.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI u = new URI(s);
            return u.getScheme() != null && (u.getScheme().equals("http") || u.getScheme().equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
