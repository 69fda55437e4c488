package fr.maillage.reference;

import java.util.Locale;
import java.util.Map;

/**
 * One entry of a reference list. {@code parent} links a département to its region, a DAC
 * sector to its category, a structure type to its default collège. {@code extra} holds
 * list-specific attributes (alpha3, numeric, short name, dac codes...).
 */
public record RefItem(String code, String labelFr, String labelEn, String parent, Map<String, String> extra) {

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelFr;
    }

    public String extra(String key) {
        return extra.getOrDefault(key, "");
    }
}
