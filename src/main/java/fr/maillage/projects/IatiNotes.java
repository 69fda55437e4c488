package fr.maillage.projects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts remarks about activities by message and arguments (at most {@value #MAX_GROUPS}
 * different ones, each with its first {@value #MAX_EXAMPLES} activities), so that a file of a
 * million activities gives a report of a page.
 */
final class IatiNotes {

    static final int MAX_GROUPS = 100;
    static final int MAX_EXAMPLES = 5;

    private static final class Group {
        final String key;
        final List<String> args;
        int count;
        final List<String> examples = new ArrayList<>();

        Group(String key, List<String> args) {
            this.key = key;
            this.args = args;
        }
    }

    private final String prefix;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** {@code prefix}: the message key prefix of the notes, e.g. {@code projects.iati.warning.}. */
    IatiNotes(String prefix) {
        this.prefix = prefix;
    }

    void add(IatiMapper.Note note, String example) {
        String id = note.key() + "\u0000" + String.join("\u0000", note.args());
        Group g = groups.get(id);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                id = "more";
                g = groups.get(id);
                if (g == null) {
                    g = new Group(prefix + "more", List.of());
                    groups.put(id, g);
                }
            } else {
                g = new Group(prefix + note.key(), note.args());
                groups.put(id, g);
            }
        }
        g.count++;
        if (example != null && g.examples.size() < MAX_EXAMPLES && !g.examples.contains(example)) {
            g.examples.add(example);
        }
    }

    void clear() {
        groups.clear();
    }

    /** Adds back counts saved earlier (a run resumed after a restart). */
    void load(List<IatiNoteCount> saved) {
        for (IatiNoteCount c : saved) {
            String bare = c.key().startsWith(prefix) ? c.key().substring(prefix.length()) : c.key();
            String id = bare.equals("more") && c.args().isEmpty() ? "more" : bare + "\u0000" + String.join("\u0000", c.args());
            Group g = new Group(c.key(), c.args());
            g.count = c.count();
            g.examples.addAll(c.examples());
            groups.put(id, g);
        }
    }

    int total() {
        return groups.values().stream().mapToInt(g -> g.count).sum();
    }

    List<IatiNoteCount> counts() {
        List<IatiNoteCount> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(new IatiNoteCount(g.key, g.args, g.count, g.examples));
        }
        out.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return out;
    }
}
