package fr.maillage.shared;

import java.util.List;

/** A facet of a search: its values with their counts, the selected ones flagged. */
public record Facet(String name, List<FacetValue> values) {

    public Facet {
        values = List.copyOf(values);
    }

    public boolean hasSelection() {
        return values.stream().anyMatch(FacetValue::selected);
    }

    /** One value of a facet: its code, label in the reader's language, number of matches. */
    public record FacetValue(String code, String label, long count, boolean selected) {
    }
}
