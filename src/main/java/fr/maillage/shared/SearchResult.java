package fr.maillage.shared;

import java.util.List;
import java.util.Optional;

/**
 * One page of search results with its facets. {@code page} is 1-based.
 */
public record SearchResult<T>(List<T> items, long total, int page, int size, List<Facet> facets) {

    public SearchResult {
        items = List.copyOf(items);
        facets = facets == null ? List.of() : List.copyOf(facets);
    }

    public int totalPages() {
        return size <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** Position of the first item shown, 1-based (0 when empty). */
    public long firstIndex() {
        return total == 0 ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastIndex() {
        return Math.min(total, (long) page * size);
    }

    public Optional<Facet> facet(String name) {
        return facets.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
