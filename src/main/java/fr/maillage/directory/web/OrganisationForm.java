package fr.maillage.directory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.maillage.directory.CountryEntry;
import fr.maillage.directory.OrganisationData;

import org.springframework.web.multipart.MultipartFile;

/** The referencing and edit form ("Se référencer", "Modifier la fiche"): what the person typed, as typed. */
public class OrganisationForm {

    static final int BLANK_COUNTRY_ROWS = 3;

    @NotBlank(message = "{directory.error.name.required}")
    @Size(max = 200, message = "{directory.error.size.200}")
    private String name;

    @Size(max = 40, message = "{directory.error.size.40}")
    private String acronym;

    @NotBlank(message = "{directory.error.structureType.required}")
    private String structureType;

    /** Left blank: the collège of the structure type. */
    private String college;

    @Pattern(regexp = "^$|\\d{14}", message = "{directory.error.siret.format}")
    private String siret;

    @Pattern(regexp = "^$|W\\d{9}", message = "{directory.error.rna.format}")
    private String rna;

    @Size(max = 200, message = "{directory.error.size.200}")
    private String addressLine;

    @NotBlank(message = "{directory.error.postalCode.required}")
    @Pattern(regexp = "^$|\\d{5}", message = "{directory.error.postalCode.format}")
    private String postalCode;

    @NotBlank(message = "{directory.error.city.required}")
    @Size(max = 120, message = "{directory.error.size.120}")
    private String city;

    @Size(max = 300, message = "{directory.error.size.300}")
    private String website;

    @Email(message = "{directory.error.email.format}")
    @Size(max = 320, message = "{directory.error.size.320}")
    private String publicEmail;

    private boolean showEmail;

    @Size(max = 30, message = "{directory.error.phone.format}")
    private String phone;

    private boolean showPhone;

    private MultipartFile logo;

    /** The stored logo kept from before (edit, or the duplicates step). */
    private String logoKey;

    private boolean removeLogo;

    @Size(max = 20000, message = "{directory.error.description.size}")
    private String description;

    @NotEmpty(message = "{directory.error.themes.required}")
    private List<String> themes = new ArrayList<>();

    @Valid
    private List<CountryRow> countries = new ArrayList<>();

    private List<Integer> sdgs = new ArrayList<>();

    @Size(max = 2000, message = "{directory.error.keywords.size}")
    private String keywords;

    @Min(value = 1800, message = "{directory.error.yearFounded.range}")
    private Integer yearFounded;

    @Min(value = 0, message = "{directory.error.count.range}")
    @Max(value = 10_000_000, message = "{directory.error.count.range}")
    private Integer volunteers;

    @Min(value = 0, message = "{directory.error.count.range}")
    @Max(value = 10_000_000, message = "{directory.error.count.range}")
    private Integer employees;

    private boolean member;

    /** The version the editor saw (optimistic locking); null for a new structure. */
    private Integer version;

    /** The person saw the likely duplicates and says it is another structure. */
    private boolean confirmDistinct;

    /** A country of intervention with an optional place. */
    public static class CountryRow {

        private String code;

        @Size(max = 200, message = "{directory.error.size.200}")
        private String place;

        public CountryRow() {
        }

        CountryRow(String code, String place) {
            this.code = code;
            this.place = place;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(String place) {
            this.place = place;
        }

        boolean isBlank() {
            return (code == null || code.isBlank()) && (place == null || place.isBlank());
        }
    }

    static OrganisationForm empty() {
        OrganisationForm f = new OrganisationForm();
        f.padCountries();
        return f;
    }

    static OrganisationForm of(OrganisationData d, int version) {
        OrganisationForm f = new OrganisationForm();
        f.name = d.name();
        f.acronym = d.acronym();
        f.structureType = d.structureType();
        f.college = d.college();
        f.siret = d.siret();
        f.rna = d.rna();
        f.addressLine = d.addressLine();
        f.postalCode = d.postalCode();
        f.city = d.city();
        f.website = d.website();
        f.publicEmail = d.publicEmail();
        f.showEmail = d.showEmail();
        f.phone = d.phone();
        f.showPhone = d.showPhone();
        f.logoKey = d.logoKey();
        f.description = d.description();
        f.themes = new ArrayList<>(d.themes());
        f.countries = new ArrayList<>(d.countries().stream().map(c -> new CountryRow(c.code(), c.place())).toList());
        f.sdgs = new ArrayList<>(d.sdgs());
        f.keywords = String.join(", ", d.keywords());
        f.yearFounded = d.yearFounded();
        f.volunteers = d.volunteers();
        f.employees = d.employees();
        f.member = d.member();
        f.version = version;
        f.padCountries();
        return f;
    }

    /** Adds blank rows so that a person can add countries without JavaScript. */
    void padCountries() {
        countries.removeIf(r -> r == null || r.isBlank());
        for (int i = 0; i < BLANK_COUNTRY_ROWS; i++) {
            countries.add(new CountryRow());
        }
    }

    /** The keywords, split on commas, trimmed, without duplicates (case-insensitive). */
    List<String> keywordList() {
        Map<String, String> out = new LinkedHashMap<>();
        if (keywords != null) {
            for (String k : keywords.split("[,;\\n]")) {
                String t = k.trim().replaceAll("\\s+", " ");
                if (!t.isEmpty()) {
                    out.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    List<CountryEntry> countryEntries() {
        List<CountryEntry> out = new ArrayList<>();
        for (CountryRow r : countries) {
            if (r != null && r.code != null && !r.code.isBlank()) {
                out.add(new CountryEntry(r.code.trim().toUpperCase(Locale.ROOT), r.place == null ? null : r.place.trim()));
            }
        }
        return out;
    }

    OrganisationData toData(String storedLogoKey, String normalisedWebsite, String normalisedPhone) {
        return new OrganisationData(name, acronym, structureType, college, siret, rna, addressLine, postalCode, city,
                normalisedWebsite, publicEmail, showEmail, normalisedPhone, showPhone, storedLogoKey, description,
                themes, countryEntries(), sdgs, keywordList(), yearFounded, volunteers, employees, member);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    // --- accessors (Spring binds through them)

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trim(name);
    }

    public String getAcronym() {
        return acronym;
    }

    public void setAcronym(String acronym) {
        this.acronym = trim(acronym);
    }

    public String getStructureType() {
        return structureType;
    }

    public void setStructureType(String structureType) {
        this.structureType = structureType;
    }

    public String getCollege() {
        return college;
    }

    public void setCollege(String college) {
        this.college = college;
    }

    public String getSiret() {
        return siret;
    }

    /** Spaces typed inside the number ("123 456 789 00012") are dropped. */
    public void setSiret(String siret) {
        this.siret = siret == null ? null : siret.replaceAll("[\\s.]", "");
    }

    public String getRna() {
        return rna;
    }

    public void setRna(String rna) {
        this.rna = rna == null ? null : rna.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public String getAddressLine() {
        return addressLine;
    }

    public void setAddressLine(String addressLine) {
        this.addressLine = trim(addressLine);
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode == null ? null : postalCode.replaceAll("\\s", "");
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = trim(city);
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = trim(website);
    }

    public String getPublicEmail() {
        return publicEmail;
    }

    public void setPublicEmail(String publicEmail) {
        this.publicEmail = trim(publicEmail);
    }

    public boolean isShowEmail() {
        return showEmail;
    }

    public void setShowEmail(boolean showEmail) {
        this.showEmail = showEmail;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = trim(phone);
    }

    public boolean isShowPhone() {
        return showPhone;
    }

    public void setShowPhone(boolean showPhone) {
        this.showPhone = showPhone;
    }

    public MultipartFile getLogo() {
        return logo;
    }

    public void setLogo(MultipartFile logo) {
        this.logo = logo;
    }

    public String getLogoKey() {
        return logoKey;
    }

    public void setLogoKey(String logoKey) {
        this.logoKey = logoKey == null || logoKey.isBlank() ? null : logoKey.trim();
    }

    public boolean isRemoveLogo() {
        return removeLogo;
    }

    public void setRemoveLogo(boolean removeLogo) {
        this.removeLogo = removeLogo;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = themes == null ? new ArrayList<>() : new ArrayList<>(themes);
    }

    public List<CountryRow> getCountries() {
        return countries;
    }

    public void setCountries(List<CountryRow> countries) {
        this.countries = countries == null ? new ArrayList<>() : countries;
    }

    public List<Integer> getSdgs() {
        return sdgs;
    }

    public void setSdgs(List<Integer> sdgs) {
        this.sdgs = sdgs == null ? new ArrayList<>() : new ArrayList<>(sdgs);
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public Integer getYearFounded() {
        return yearFounded;
    }

    public void setYearFounded(Integer yearFounded) {
        this.yearFounded = yearFounded;
    }

    public Integer getVolunteers() {
        return volunteers;
    }

    public void setVolunteers(Integer volunteers) {
        this.volunteers = volunteers;
    }

    public Integer getEmployees() {
        return employees;
    }

    public void setEmployees(Integer employees) {
        this.employees = employees;
    }

    public boolean isMember() {
        return member;
    }

    public void setMember(boolean member) {
        this.member = member;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public boolean isConfirmDistinct() {
        return confirmDistinct;
    }

    public void setConfirmDistinct(boolean confirmDistinct) {
        this.confirmDistinct = confirmDistinct;
    }
}
