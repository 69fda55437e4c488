package fr.maillage.directory.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.files.FileStorage;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.multipart.MultipartFile;

/**
 * The checks Bean Validation cannot make alone: SIRET checksum, known postal code, reference
 * codes, URL, phone, keywords, year, and the logo's real type (sniffed from its bytes).
 */
@Component
class OrganisationFormValidator implements Validator {

    static final long MAX_LOGO_BYTES = 2L * 1024 * 1024;
    static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg", "image/webp");
    static final int MAX_KEYWORDS = 20;
    static final int MAX_KEYWORD_LENGTH = 80;
    static final int MAX_COUNTRIES = 40;

    private static final Pattern FRENCH_PHONE = Pattern.compile("(?:(?:\\+|00)33\\s?(?:\\(0\\)\\s?)?|0)([1-9])(?:[\\s.\\-]?(\\d{2})){4}");
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+[1-9][0-9 .\\-]{6,20}");
    private static final Pattern HTML = Pattern.compile("[<>]");

    private final Reference reference;
    private final FileStorage files;
    private final Tika tika = new Tika();

    OrganisationFormValidator(Reference reference, FileStorage files) {
        this.reference = reference;
        this.files = files;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return OrganisationForm.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        OrganisationForm f = (OrganisationForm) target;
        noHtml(errors, "name", f.getName());
        noHtml(errors, "acronym", f.getAcronym());
        noHtml(errors, "city", f.getCity());
        if (notBlank(f.getStructureType()) && !reference.exists(RefList.STRUCTURE_TYPES, f.getStructureType())) {
            errors.rejectValue("structureType", "directory.error.structureType.unknown");
        }
        if (!notBlank(f.getCollege()) && notBlank(f.getStructureType())) {
            reference.collegeOf(f.getStructureType()).ifPresent(f::setCollege);
        }
        if (!notBlank(f.getCollege()) && !errors.hasFieldErrors("structureType")) {
            errors.rejectValue("college", "directory.error.college.required");
        } else if (notBlank(f.getCollege()) && !reference.exists(RefList.COLLEGES, f.getCollege())) {
            errors.rejectValue("college", "directory.error.college.unknown");
        }
        if (notBlank(f.getSiret()) && f.getSiret().matches("\\d{14}") && !validSiret(f.getSiret())) {
            errors.rejectValue("siret", "directory.error.siret.checksum");
        }
        if (notBlank(f.getPostalCode()) && f.getPostalCode().matches("\\d{5}")
                && reference.departementForPostalCode(f.getPostalCode()).isEmpty()) {
            errors.rejectValue("postalCode", "directory.error.postalCode.unknown");
        }
        if (notBlank(f.getWebsite()) && normaliseWebsite(f.getWebsite()) == null) {
            errors.rejectValue("website", "directory.error.website.format");
        }
        if (notBlank(f.getPhone()) && normalisePhone(f.getPhone()) == null) {
            errors.rejectValue("phone", "directory.error.phone.format");
        }
        if (f.isShowEmail() && !notBlank(f.getPublicEmail())) {
            errors.rejectValue("showEmail", "directory.error.showEmail.empty");
        }
        if (f.isShowPhone() && !notBlank(f.getPhone())) {
            errors.rejectValue("showPhone", "directory.error.showPhone.empty");
        }
        for (String theme : f.getThemes()) {
            if (reference.find(RefList.THEMES, theme).filter(t -> !"false".equals(t.extra("active"))).isEmpty()) {
                errors.rejectValue("themes", "directory.error.themes.unknown");
                break;
            }
        }
        validateCountries(f, errors);
        for (Integer sdg : f.getSdgs()) {
            if (sdg == null || sdg < 1 || sdg > 17) {
                errors.rejectValue("sdgs", "directory.error.sdgs.unknown");
                break;
            }
        }
        List<String> keywords = f.keywordList();
        if (keywords.size() > MAX_KEYWORDS) {
            errors.rejectValue("keywords", "directory.error.keywords.count", new Object[] {MAX_KEYWORDS}, null);
        } else if (keywords.stream().anyMatch(k -> k.length() > MAX_KEYWORD_LENGTH)) {
            errors.rejectValue("keywords", "directory.error.keywords.length", new Object[] {MAX_KEYWORD_LENGTH}, null);
        }
        if (f.getYearFounded() != null && f.getYearFounded() > Year.now().getValue()) {
            errors.rejectValue("yearFounded", "directory.error.yearFounded.range");
        }
        if (f.getLogoKey() != null && files.get(f.getLogoKey()).isEmpty()) {
            f.setLogoKey(null);
        }
        validateLogo(f.getLogo(), errors);
    }

    private void validateCountries(OrganisationForm f, Errors errors) {
        List<OrganisationForm.CountryRow> rows = f.getCountries();
        int count = 0;
        for (int i = 0; i < rows.size(); i++) {
            OrganisationForm.CountryRow r = rows.get(i);
            if (r == null || r.isBlank()) {
                continue;
            }
            count++;
            if (!notBlank(r.getCode())) {
                errors.rejectValue("countries[" + i + "].code", "directory.error.country.missing");
            } else if (!reference.exists(RefList.COUNTRIES, r.getCode().trim())) {
                errors.rejectValue("countries[" + i + "].code", "directory.error.country.unknown");
            }
        }
        if (count > MAX_COUNTRIES) {
            errors.rejectValue("countries", "directory.error.countries.count", new Object[] {MAX_COUNTRIES}, null);
        }
    }

    private void validateLogo(MultipartFile logo, Errors errors) {
        if (logo == null || logo.isEmpty()) {
            return;
        }
        if (logo.getSize() > MAX_LOGO_BYTES) {
            errors.rejectValue("logo", "directory.error.logo.size");
            return;
        }
        if (sniff(logo) == null) {
            errors.rejectValue("logo", "directory.error.logo.type");
        }
    }

    /** The logo's type read from its content (PNG, JPEG or WebP), or null for anything else. */
    String sniff(MultipartFile logo) {
        try {
            String type = tika.detect(logo.getBytes());
            return LOGO_TYPES.contains(type) ? type : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Luhn checksum of a SIRET (La Poste's establishments use a digit sum multiple of 5). */
    static boolean validSiret(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith("356000000")) {
            int sum = siret.chars().map(c -> c - '0').sum();
            return sum % 5 == 0;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = siret.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** An http(s) address with a host; "www.exemple.fr" becomes "https://www.exemple.fr". Null when invalid. */
    static String normaliseWebsite(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String w = website.trim();
        if (!w.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            w = "https://" + w;
        }
        try {
            URI uri = new URI(w);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            String host = uri.getHost();
            if (host == null || !host.contains(".") || HTML.matcher(w).find() || w.contains(" ")) {
                return null;
            }
            return w;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A French number as "01 23 45 67 89" (+33 accepted), or an international "+..." number as typed; null when invalid. */
    static String normalisePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.trim();
        if (FRENCH_PHONE.matcher(p).matches()) {
            String digits = p.replaceAll("\\(0\\)", "").replaceAll("[^0-9]", "");
            if (digits.startsWith("0033")) {
                digits = "0" + digits.substring(4);
            } else if (digits.startsWith("33") && p.startsWith("+")) {
                digits = "0" + digits.substring(2);
            }
            if (digits.length() != 10) {
                return null;
            }
            return digits.replaceAll("(\\d{2})(?=\\d)", "$1 ");
        }
        if (INTERNATIONAL_PHONE.matcher(p).matches() && !p.startsWith("+33")) {
            return p.replaceAll("\\s+", " ");
        }
        return null;
    }

    private static void noHtml(Errors errors, String field, String value) {
        if (value != null && HTML.matcher(value).find() && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "directory.error.html");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
