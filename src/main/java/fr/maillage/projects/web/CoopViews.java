package fr.maillage.projects.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import fr.maillage.shared.text.Dates;

import org.springframework.stereotype.Component;

/**
 * Helpers for the cooperation and e-APD pages, used as {@code @coopViews}: days in the reader's
 * language ("lundi 3 juin 2026", by {@link Dates}), amounts in euros ("5 000 €"), and amounts as typed in a
 * form field ("1500,50").
 */
@Component("coopViews")
public class CoopViews {

    /** "lundi 3 juin 2026", "samedi 1er mars 2025". */
    public String day(LocalDate date, Locale locale) {
        return Dates.day(date, locale);
    }

    public String day(Instant instant, Locale locale) {
        return Dates.day(instant, locale);
    }

    /** "lundi 3 juin 2026 à 14 h 30" (Paris time). */
    public String dateTime(Instant instant, Locale locale) {
        return Dates.dateTime(instant, locale);
    }

    /** Without the weekday, for short lines: "3 juin 2026", "1er mars 2025". */
    public String date(LocalDate date, Locale locale) {
        return Dates.date(date, locale);
    }

    /** "5 000 €", "1 250,50 €" in French; "€5,000" in English. */
    public String money(BigDecimal amount, Locale locale) {
        BigDecimal a = amount == null ? BigDecimal.ZERO : amount;
        boolean english = "en".equals(locale.getLanguage());
        DecimalFormat f = new DecimalFormat(english ? "#,##0.##" : "#,##0.##", DecimalFormatSymbols.getInstance(english ? Locale.UK : Locale.FRANCE));
        if (a.stripTrailingZeros().scale() > 0) {
            f.setMinimumFractionDigits(2);
        }
        String n = f.format(a.setScale(2, RoundingMode.HALF_UP));
        return english ? "€" + n : n + "\u00a0€";
    }

    /** An amount as a form shows it for editing: no grouping, a decimal comma in French ("1500,5" → "1500,50"). */
    public static String editable(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        BigDecimal a = amount.stripTrailingZeros();
        String s = a.scale() <= 0 ? a.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return "en".equals(locale.getLanguage()) ? s : s.replace('.', ',');
    }

    /**
     * Reads an amount as people type it: "1 500", "1500,50", "1.500,50", "2 000 €"; in French a
     * lone comma is the decimal mark and a lone dot followed by three digits groups thousands, in
     * English the other way round. Null when it is not an amount.
     */
    public static BigDecimal parseAmount(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String s = text.replaceAll("[\\s\u00a0\u202f€]", "").replaceAll("(?i)eur(os?)?$", "");
        if (s.isEmpty()) {
            return null;
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            boolean grouping = english && s.matches("-?\\d{1,3}(,\\d{3})+");
            s = grouping ? s.replace(",", "") : s.indexOf(',') == comma ? s.replace(',', '.') : null;
        } else if (dot >= 0) {
            boolean grouping = s.indexOf('.') != dot || (!english && s.matches("-?\\d{1,3}(\\.\\d{3})+"));
            if (grouping) {
                s = s.matches("-?\\d{1,3}(\\.\\d{3})+") ? s.replace(".", "") : null;
            }
        }
        if (s == null || !s.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
