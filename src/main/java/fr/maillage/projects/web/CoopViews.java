package fr.maillage.projects.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Helpers for the cooperation and e-APD pages, used as {@code @coopViews}: days in the reader's
 * language ("lundi 3 juin 2026"), amounts in euros ("5 000 €"), and amounts as typed in a
 * form field ("1500,50").
 */
@Component("coopViews")
public class CoopViews {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public String day(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(date);
    }

    public String day(Instant instant, Locale locale) {
        return instant == null ? "" : day(LocalDate.ofInstant(instant, PARIS), locale);
    }

    public String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        String pattern = "en".equals(locale.getLanguage()) ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy 'à' HH 'h' mm";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(PARIS).format(instant);
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

    /** Reads an amount as people type it ("1 500", "1500,50", "1.500,50", "1,500.50", "2 000 €"); null when it is not one. */
    public static BigDecimal parseAmount(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        String s = text.replaceAll("[\\s\u00a0\u202f€]", "").replace("EUR", "").replace("eur", "");
        if (s.isEmpty()) {
            return null;
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.indexOf(',') == comma && s.length() - comma - 1 <= 2 ? s.replace(',', '.') : s.replace(",", "");
        } else if (dot >= 0 && s.indexOf('.') != dot) {
            s = s.replace(".", "");
        }
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
