package fr.maillage.projects.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

import fr.maillage.projects.ProjectData;
import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.text.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Helpers for the project pages, used as {@code @projectViews}: periods in the reader's language
 * ("mars 2025 – décembre 2027"), amounts ("40 000 €"), shares ("70 %"), and the labels of codes.
 */
@Component("projectViews")
public class ProjectViews {

    private final Reference reference;
    private final MessageSource messages;

    ProjectViews(Reference reference, MessageSource messages) {
        this.reference = reference;
        this.messages = messages;
    }

    /** "mars 2025 – décembre 2027", "depuis mars 2025", "jusqu'en décembre 2027", or "" when no date is known. */
    public String period(ProjectData d, Locale locale) {
        LocalDate start = d.actualStart() != null ? d.actualStart() : d.plannedStart();
        LocalDate end = d.actualEnd() != null ? d.actualEnd() : d.plannedEnd();
        if (start != null && end != null) {
            return month(start, locale) + " – " + month(end, locale);
        }
        if (start != null) {
            return messages.getMessage("projects.page.period.since", new Object[] {month(start, locale)}, locale);
        }
        if (end != null) {
            return messages.getMessage("projects.page.period.until", new Object[] {month(end, locale)}, locale);
        }
        return "";
    }

    /** "mars 2025". */
    public String month(LocalDate date, Locale locale) {
        return Dates.month(date, locale);
    }

    /** "1er mars 2025", "3 June 2026" (the planned and actual dates of a project, without their weekday). */
    public String day(LocalDate date, Locale locale) {
        return Dates.date(date, locale);
    }

    /** "lundi 3 juin 2026" (Paris time). */
    public String day(Instant instant, Locale locale) {
        return Dates.day(instant, locale);
    }

    /** "40 000 €", "1 500 000 FCFA"-like amounts in the currency's own symbol where the locale knows it. */
    public String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        try {
            f.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException e) {
            NumberFormat n = NumberFormat.getNumberInstance(locale);
            n.setMaximumFractionDigits(2);
            return n.format(amount) + " " + (currency == null ? "" : currency);
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        f.setMinimumFractionDigits(whole ? 0 : 2);
        f.setMaximumFractionDigits(whole ? 0 : 2);
        return f.format(amount);
    }

    /** "70 %" (French, with a narrow no-break space) or "70%". */
    public String percent(BigDecimal share, Locale locale) {
        if (share == null) {
            return "";
        }
        NumberFormat n = NumberFormat.getNumberInstance(locale);
        n.setMaximumFractionDigits(2);
        return n.format(share) + (isFrench(locale) ? "\u202f%" : "%");
    }

    /** A whole number with the locale's grouping ("2 635"). */
    public String count(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** The label of a reference code in the reader's language ({@code list} is a {@link RefList} name). */
    public String label(String list, String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return reference.label(RefList.valueOf(list), code, locale);
    }

    /** A sector's label: DAC 5 digits, or a DAC 3 category. */
    public String sector(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return code.matches("\\d{3}") ? reference.label(RefList.DAC_CATEGORIES, code, locale) : reference.label(RefList.DAC_SECTORS, code, locale);
    }

    /** The short name of an SDG ("6. Eau propre et assainissement"). */
    public String sdg(String code, Locale locale) {
        return reference.find(RefList.SDGS, code)
                .map(g -> {
                    String shortName = isFrench(locale) ? g.extra("short_fr") : g.extra("short_en");
                    if (shortName.isBlank()) {
                        shortName = g.label(locale).replaceFirst("^(Objectif|Goal) \\d+\\.\\s*", "");
                    }
                    return code + ". " + shortName;
                })
                .orElse(code);
    }

    /** The project's countries, once each, in the order of its places. */
    public java.util.List<String> countryCodes(ProjectData d) {
        return d.places().stream().map(ProjectData.Place::countryCode).distinct().toList();
    }

    /** Extension for a stored file's download name ("pdf"), from its media type. */
    public String extension(String mediaType) {
        return ProjectUploads.extension(mediaType);
    }

    private static boolean isFrench(Locale locale) {
        return locale == null || !"en".equals(locale.getLanguage());
    }
}
