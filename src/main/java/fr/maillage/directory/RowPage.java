package fr.maillage.directory;

import java.util.List;

/** One page of a staff list. {@code page} starts at 0. */
public record RowPage<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
