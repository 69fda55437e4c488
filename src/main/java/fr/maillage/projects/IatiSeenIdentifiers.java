package fr.maillage.projects;

import java.nio.charset.StandardCharsets;

/**
 * The activity identifiers already met in a file, to tell a duplicate: kept as 64-bit hashes in
 * an open-addressing table (16 bytes an identifier at most), so that a file of a million
 * activities needs a few megabytes, not the identifiers themselves.
 */
final class IatiSeenIdentifiers {

    private long[] table = new long[1 << 12];
    private int size;

    /** Adds the identifier; false when it was already there. */
    boolean add(String identifier) {
        long h = hash(identifier);
        if (h == 0) {
            h = 1; // 0 marks an empty slot
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        return insert(table, h);
    }

    int size() {
        return size;
    }

    private boolean insert(long[] t, long h) {
        int mask = t.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (t[i] != 0) {
            if (t[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        t[i] = h;
        if (t == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        long[] bigger = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                int mask = bigger.length - 1;
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = h;
            }
        }
        table = bigger;
    }

    /** FNV-1a over the UTF-8 bytes, then a final mix. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
