package fr.maillage.projects.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import fr.maillage.projects.ProjectData;

import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The project form, as typed: dates and numbers stay text until {@link #toData} reads them
 * (so that "12,5" or "40 000" are understood, and a typo is shown back as typed, with its
 * error). Repeatable rows (places, sectors, partners, fundings, links) are lists that the page
 * shows with a few blank rows; blank rows are dropped before checking.
 */
public class ProjectForm {

    /** Most rows a list may hold, and most rows the binder creates from a request. */
    static final int MAX_ROWS = 60;
    static final List<String> SECTIONS = List.of("places", "sectors", "partners", "fundings", "links");

    private String title;
    private String summary;
    private String description;
    private String activityStatus = "2";
    private String plannedStart;
    private String plannedEnd;
    private String actualStart;
    private String actualEnd;
    private List<String> themes = new ArrayList<>();
    private List<String> sdgs = new ArrayList<>();
    private List<PlaceRow> places = new ArrayList<>();
    private List<SectorRow> sectors = new ArrayList<>();
    private List<PartnerRow> partners = new ArrayList<>();
    private List<FundingRow> fundings = new ArrayList<>();
    private String budgetCurrency = "EUR";
    private List<LinkRow> links = new ArrayList<>();
    private List<MultipartFile> photoFiles = new ArrayList<>();
    private List<MultipartFile> documentFiles = new ArrayList<>();
    private String lessonsWorked;
    private String lessonsFailed;
    private String lessonsAdvice;
    private Integer version;

    // ------------------------------------------------------------------ rows

    public static class PlaceRow {
        private String countryCode;
        private String place;
        private String latitude;
        private String longitude;

        public PlaceRow() {
        }

        public boolean isBlank() {
            return blank(countryCode) && blank(place) && blank(latitude) && blank(longitude);
        }

        public String getCountryCode() { return countryCode; }
        public void setCountryCode(String v) { countryCode = trim(v); }
        public String getPlace() { return place; }
        public void setPlace(String v) { place = trim(v); }
        public String getLatitude() { return latitude; }
        public void setLatitude(String v) { latitude = trim(v); }
        public String getLongitude() { return longitude; }
        public void setLongitude(String v) { longitude = trim(v); }
    }

    public static class SectorRow {
        private String code;
        private String percentage;

        public SectorRow() {
        }

        public boolean isBlank() {
            return blank(code) && blank(percentage);
        }

        public String getCode() { return code; }
        public void setCode(String v) { code = trim(v); }
        public String getPercentage() { return percentage; }
        public void setPercentage(String v) { percentage = trim(v); }
    }

    /** A structure of the directory (its name as listed, resolved to {@code organisationId}) or an outside partner. */
    public static class PartnerRow {
        private Long organisationId;
        private String name;
        private String iatiRef;
        private String orgType;
        private String countryCode;
        private String role = "4";

        public PartnerRow() {
        }

        public boolean isBlank() {
            return organisationId == null && blank(name) && blank(orgType) && blank(countryCode) && blank(iatiRef);
        }

        public Long getOrganisationId() { return organisationId; }
        public void setOrganisationId(Long v) { organisationId = v; }
        public String getName() { return name; }
        public void setName(String v) { name = trim(v); }
        public String getIatiRef() { return iatiRef; }
        public void setIatiRef(String v) { iatiRef = trim(v); }
        public String getOrgType() { return orgType; }
        public void setOrgType(String v) { orgType = trim(v); }
        public String getCountryCode() { return countryCode; }
        public void setCountryCode(String v) { countryCode = trim(v); }
        public String getRole() { return role; }
        public void setRole(String v) { role = trim(v); }
    }

    public static class FundingRow {
        private String funderKind;
        private String funderName;
        private Long organisationId;
        private String amount;
        private String currency = "EUR";
        private String year;

        public FundingRow() {
        }

        public boolean isBlank() {
            return blank(funderKind) && blank(funderName) && blank(amount) && blank(year);
        }

        public String getFunderKind() { return funderKind; }
        public void setFunderKind(String v) { funderKind = trim(v); }
        public String getFunderName() { return funderName; }
        public void setFunderName(String v) { funderName = trim(v); }
        public Long getOrganisationId() { return organisationId; }
        public void setOrganisationId(Long v) { organisationId = v; }
        public String getAmount() { return amount; }
        public void setAmount(String v) { amount = trim(v); }
        public String getCurrency() { return currency; }
        public void setCurrency(String v) { currency = v == null ? null : v.strip().toUpperCase(Locale.ROOT); }
        public String getYear() { return year; }
        public void setYear(String v) { year = trim(v); }
    }

    /** A photo, video, web link or document: an outside address, or a file uploaded with the form ({@code fileKey}). */
    public static class LinkRow {
        private String kind = "WEB";
        private String title;
        private String url;
        private String fileKey;
        private String mediaType;

        public LinkRow() {
        }

        LinkRow(String kind, String title, String url, String fileKey, String mediaType) {
            this.kind = kind;
            this.title = title;
            this.url = url;
            this.fileKey = fileKey;
            this.mediaType = mediaType;
        }

        public boolean isBlank() {
            return blank(title) && blank(url) && blank(fileKey);
        }

        public boolean isFile() {
            return !blank(fileKey);
        }

        public String getKind() { return kind; }
        public void setKind(String v) { kind = trim(v); }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = trim(v); }
        public String getUrl() { return url; }
        public void setUrl(String v) { url = trim(v); }
        public String getFileKey() { return fileKey; }
        public void setFileKey(String v) { fileKey = blank(v) ? null : v.strip(); }
        public String getMediaType() { return mediaType; }
        public void setMediaType(String v) { mediaType = blank(v) ? null : v.strip(); }
    }

    // ------------------------------------------------------------------ to and from the content

    static ProjectForm empty() {
        ProjectForm f = new ProjectForm();
        f.pad();
        return f;
    }

    /** The form of a saved project; {@code partnerNames} gives the listed name of each partner structure (by id). */
    static ProjectForm of(ProjectData d, int version, java.util.Map<Long, String> organisationNames) {
        ProjectForm f = new ProjectForm();
        f.title = d.title();
        f.summary = d.summary();
        f.description = d.description();
        f.activityStatus = d.activityStatus();
        f.plannedStart = iso(d.plannedStart());
        f.plannedEnd = iso(d.plannedEnd());
        f.actualStart = iso(d.actualStart());
        f.actualEnd = iso(d.actualEnd());
        f.themes = new ArrayList<>(d.themes());
        f.sdgs = new ArrayList<>(d.sdgs());
        for (ProjectData.Place p : d.places()) {
            PlaceRow r = new PlaceRow();
            r.countryCode = p.countryCode();
            r.place = p.place();
            r.latitude = p.latitude() == null ? null : decimal(BigDecimal.valueOf(p.latitude()));
            r.longitude = p.longitude() == null ? null : decimal(BigDecimal.valueOf(p.longitude()));
            f.places.add(r);
        }
        for (ProjectData.Sector s : d.sectors()) {
            SectorRow r = new SectorRow();
            r.code = s.code();
            r.percentage = s.percentage() == null ? null : decimal(s.percentage());
            f.sectors.add(r);
        }
        for (ProjectData.Partner p : d.partners()) {
            PartnerRow r = new PartnerRow();
            r.organisationId = p.organisationId();
            r.name = p.organisationId() != null && organisationNames.containsKey(p.organisationId())
                    ? organisationNames.get(p.organisationId()) : p.name();
            r.iatiRef = p.iatiRef();
            r.orgType = p.orgType();
            r.countryCode = p.countryCode();
            r.role = p.role();
            f.partners.add(r);
        }
        for (ProjectData.Funding fu : d.fundings()) {
            FundingRow r = new FundingRow();
            r.funderKind = fu.funderKind();
            r.organisationId = fu.organisationId();
            r.funderName = fu.organisationId() != null && organisationNames.containsKey(fu.organisationId()) && blank(fu.funderName())
                    ? organisationNames.get(fu.organisationId()) : fu.funderName();
            r.amount = fu.amount() == null ? null : decimal(fu.amount());
            r.currency = fu.currency();
            r.year = fu.year() == null ? null : String.valueOf(fu.year());
            f.fundings.add(r);
        }
        f.budgetCurrency = d.budgetCurrency();
        for (ProjectData.Link l : d.links()) {
            f.links.add(new LinkRow(l.kind(), l.title(), l.url(), l.fileKey(), l.mediaType()));
        }
        f.lessonsWorked = d.lessonsWorked();
        f.lessonsFailed = d.lessonsFailed();
        f.lessonsAdvice = d.lessonsAdvice();
        f.version = version;
        f.pad();
        return f;
    }

    /** Drops blank rows (before checking: row indexes then match the content's). */
    void compact() {
        places.removeIf(r -> r == null || r.isBlank());
        sectors.removeIf(r -> r == null || r.isBlank());
        partners.removeIf(r -> r == null || r.isBlank());
        fundings.removeIf(r -> r == null || r.isBlank());
        links.removeIf(r -> r == null || r.isBlank());
    }

    /** Adds blank rows after the filled ones so that a person can add without JavaScript: two in an empty list, else one. */
    void pad() {
        compact();
        padList(places, PlaceRow::new);
        padList(sectors, SectorRow::new);
        padList(partners, PartnerRow::new);
        padList(fundings, FundingRow::new);
        padList(links, LinkRow::new);
    }

    /** "Ajouter une ligne": one more blank row in that list. */
    void addRow(String section) {
        switch (section) {
            case "places" -> add(places, PlaceRow::new);
            case "sectors" -> add(sectors, SectorRow::new);
            case "partners" -> add(partners, PartnerRow::new);
            case "fundings" -> add(fundings, FundingRow::new);
            case "links" -> add(links, LinkRow::new);
            default -> { }
        }
    }

    /** "Retirer": drops row {@code index} of that list. */
    void removeRow(String section, int index) {
        List<?> list = switch (section) {
            case "places" -> places;
            case "sectors" -> sectors;
            case "partners" -> partners;
            case "fundings" -> fundings;
            case "links" -> links;
            default -> null;
        };
        if (list != null && index >= 0 && index < list.size()) {
            list.remove(index);
        }
    }

    private static <T> void padList(List<T> list, Supplier<T> blank) {
        int blanks = list.isEmpty() ? 2 : 1;
        for (int i = 0; i < blanks && list.size() < MAX_ROWS; i++) {
            list.add(blank.get());
        }
    }

    private static <T> void add(List<T> list, Supplier<T> blank) {
        if (list.size() < MAX_ROWS) {
            list.add(blank.get());
        }
    }

    /**
     * The content, with dates and numbers read; what cannot be read is rejected on its field
     * (and left out of the content, so that the validator does not report it twice).
     * Call after {@link #compact()}.
     */
    ProjectData toData(Errors errors) {
        List<ProjectData.Place> placeList = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            PlaceRow r = places.get(i);
            Double lat = coordinate(r.latitude, "places[" + i + "].latitude", errors);
            Double lon = coordinate(r.longitude, "places[" + i + "].longitude", errors);
            placeList.add(new ProjectData.Place(r.countryCode == null ? null : r.countryCode.toUpperCase(Locale.ROOT), r.place, lat, lon));
        }
        List<ProjectData.Sector> sectorList = new ArrayList<>();
        for (int i = 0; i < sectors.size(); i++) {
            SectorRow r = sectors.get(i);
            BigDecimal pct = number(r.percentage, "sectors[" + i + "].percentage", errors);
            String vocabulary = r.code != null && r.code.matches("\\d{3}") ? "2" : "1";
            sectorList.add(new ProjectData.Sector(vocabulary, r.code, pct));
        }
        List<ProjectData.Partner> partnerList = new ArrayList<>();
        for (PartnerRow r : partners) {
            partnerList.add(new ProjectData.Partner(r.organisationId, r.organisationId != null ? null : r.name, r.iatiRef,
                    r.organisationId != null ? null : r.orgType, r.organisationId != null ? null : r.countryCode, r.role));
        }
        List<ProjectData.Funding> fundingList = new ArrayList<>();
        for (int i = 0; i < fundings.size(); i++) {
            FundingRow r = fundings.get(i);
            BigDecimal amount = number(r.amount, "fundings[" + i + "].amount", errors);
            Integer y = null;
            if (!blank(r.year)) {
                if (r.year.matches("\\d{4}")) {
                    y = Integer.valueOf(r.year);
                } else {
                    errors.rejectValue("fundings[" + i + "].year", "projects.error.year");
                }
            }
            String kind = blank(r.funderKind) ? null : r.funderKind;
            if (kind == null) {
                errors.rejectValue("fundings[" + i + "].funderKind", "projects.form.error.funder-kind");
                kind = "OTHER";
            }
            if (amount == null && blank(r.amount)) {
                errors.rejectValue("fundings[" + i + "].amount", "projects.error.required");
                amount = BigDecimal.ZERO;
            } else if (amount == null) {
                amount = BigDecimal.ZERO;
            }
            fundingList.add(new ProjectData.Funding(kind, r.funderName, r.organisationId, amount,
                    blank(r.currency) ? budgetCurrency : r.currency, y));
        }
        List<ProjectData.Link> linkList = new ArrayList<>();
        for (LinkRow r : links) {
            linkList.add(new ProjectData.Link(r.kind, r.title, r.isFile() ? null : r.url, r.fileKey, r.isFile() ? r.mediaType : null));
        }
        return new ProjectData(title, summary, description, activityStatus,
                date(plannedStart, "plannedStart", errors), date(plannedEnd, "plannedEnd", errors),
                date(actualStart, "actualStart", errors), date(actualEnd, "actualEnd", errors),
                placeList, themes, sdgs, sectorList, partnerList, fundingList, budgetCurrency, linkList,
                lessonsWorked, lessonsFailed, lessonsAdvice);
    }

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** A date as the browser sends it (2026-03-01), or as typed where there is no date picker (1/3/2026). */
    static LocalDate date(String text, String field, Errors errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.replace('.', '/').replace('-', '/'), FRENCH_DATE);
            } catch (DateTimeParseException e2) {
                errors.rejectValue(field, "projects.form.error.date");
                return null;
            }
        }
    }

    /** A number typed the French way ("12,5", "40 000") or the English way ("12.5", "40,000.50"). */
    static BigDecimal number(String text, String field, Errors errors) {
        if (blank(text)) {
            return null;
        }
        String t = text.replaceAll("[\\s\\u00a0\\u202f€%]", "");
        if (t.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            t = t.replace(",", "");
        } else {
            t = t.replace(',', '.');
        }
        try {
            BigDecimal n = new BigDecimal(t);
            if (n.scale() > 2) {
                n = n.setScale(2, java.math.RoundingMode.HALF_UP);
            }
            return n;
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "projects.form.error.number");
            return null;
        }
    }

    private static Double coordinate(String text, String field, Errors errors) {
        if (blank(text)) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.replaceAll("[\\s\\u00a0°]", "").replace(',', '.'));
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "projects.form.error.number");
            return null;
        }
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String decimal(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    // ------------------------------------------------------------------ accessors (Spring binds through them)

    public String getTitle() { return title; }
    public void setTitle(String v) { title = trim(v); }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = trim(v); }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getActivityStatus() { return activityStatus; }
    public void setActivityStatus(String v) { activityStatus = trim(v); }
    public String getPlannedStart() { return plannedStart; }
    public void setPlannedStart(String v) { plannedStart = trim(v); }
    public String getPlannedEnd() { return plannedEnd; }
    public void setPlannedEnd(String v) { plannedEnd = trim(v); }
    public String getActualStart() { return actualStart; }
    public void setActualStart(String v) { actualStart = trim(v); }
    public String getActualEnd() { return actualEnd; }
    public void setActualEnd(String v) { actualEnd = trim(v); }
    public List<String> getThemes() { return themes; }
    public void setThemes(List<String> v) { themes = v == null ? new ArrayList<>() : new ArrayList<>(v.stream().distinct().toList()); }
    public List<String> getSdgs() { return sdgs; }
    public void setSdgs(List<String> v) { sdgs = v == null ? new ArrayList<>() : new ArrayList<>(v.stream().distinct().toList()); }
    public List<PlaceRow> getPlaces() { return places; }
    public void setPlaces(List<PlaceRow> v) { places = v == null ? new ArrayList<>() : v; }
    public List<SectorRow> getSectors() { return sectors; }
    public void setSectors(List<SectorRow> v) { sectors = v == null ? new ArrayList<>() : v; }
    public List<PartnerRow> getPartners() { return partners; }
    public void setPartners(List<PartnerRow> v) { partners = v == null ? new ArrayList<>() : v; }
    public List<FundingRow> getFundings() { return fundings; }
    public void setFundings(List<FundingRow> v) { fundings = v == null ? new ArrayList<>() : v; }
    public String getBudgetCurrency() { return budgetCurrency; }
    public void setBudgetCurrency(String v) { budgetCurrency = v == null ? null : v.strip().toUpperCase(Locale.ROOT); }
    public List<LinkRow> getLinks() { return links; }
    public void setLinks(List<LinkRow> v) { links = v == null ? new ArrayList<>() : v; }
    public List<MultipartFile> getPhotoFiles() { return photoFiles; }
    public void setPhotoFiles(List<MultipartFile> v) { photoFiles = v == null ? new ArrayList<>() : v; }
    public List<MultipartFile> getDocumentFiles() { return documentFiles; }
    public void setDocumentFiles(List<MultipartFile> v) { documentFiles = v == null ? new ArrayList<>() : v; }
    public String getLessonsWorked() { return lessonsWorked; }
    public void setLessonsWorked(String v) { lessonsWorked = v; }
    public String getLessonsFailed() { return lessonsFailed; }
    public void setLessonsFailed(String v) { lessonsFailed = v; }
    public String getLessonsAdvice() { return lessonsAdvice; }
    public void setLessonsAdvice(String v) { lessonsAdvice = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
