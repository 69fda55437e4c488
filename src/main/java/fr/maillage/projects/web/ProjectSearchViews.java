package fr.maillage.projects.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import fr.maillage.projects.ProjectSummary;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Helpers of the projects search pages, as {@code @projectSearchViews}: periods and amounts as French readers write them. */
@Component("projectSearchViews")
public class ProjectSearchViews {

    private final MessageSource messages;
    private final java.util.Map<String, NumberFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

    ProjectSearchViews(MessageSource messages) {
        this.messages = messages;
    }

    /** "2025 – 2027", "depuis 2025", "jusqu'en 2027", "2025", or empty. */
    public String period(ProjectSummary p, Locale locale) {
        Integer start = p.startYear();
        Integer end = p.endYear();
        if (start != null && end != null) {
            return start.equals(end) ? start.toString()
                    : messages.getMessage("projects.search.card.period.range", new Object[] {start.toString(), end.toString()}, locale);
        }
        if (start != null) {
            return messages.getMessage("projects.search.card.period.since", new Object[] {start.toString()}, locale);
        }
        if (end != null) {
            return messages.getMessage("projects.search.card.period.until", new Object[] {end.toString()}, locale);
        }
        return "";
    }

    /** "50 000 €", "1 250,50 €", "12 000 000 FCFA"-like: whole amounts without cents, grouped thousands. */
    public String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        String key = locale.toLanguageTag() + '|' + currency + '|' + whole;
        // formats are costly to build and not thread-safe: one prototype per kind, cloned
        NumberFormat format = (NumberFormat) formats.computeIfAbsent(key, k -> {
            NumberFormat f = NumberFormat.getCurrencyInstance(locale);
            try {
                f.setCurrency(Currency.getInstance(currency == null ? "EUR" : currency));
            } catch (IllegalArgumentException e) {
                f = NumberFormat.getNumberInstance(locale);
            }
            f.setMinimumFractionDigits(whole ? 0 : 2);
            f.setMaximumFractionDigits(whole ? 0 : 2);
            return f;
        }).clone();
        return format.format(amount).replace('\u202f', '\u00a0');
    }
}
