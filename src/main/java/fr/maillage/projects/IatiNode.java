package fr.maillage.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One element of an IATI activity as read from a file: its name, attributes, text and
 * children. The import reads a file one activity at a time into such a small tree (elements of
 * other publishers' namespaces are left out), so that memory stays bounded whatever the file's
 * size.
 */
final class IatiNode {

    private static final String[] NO_ATTRIBUTES = new String[0];

    final String name;
    final String namespace;
    final int line;
    private String[] attributes = NO_ATTRIBUTES; // name, value, name, value...
    private StringBuilder text;
    private List<IatiNode> children;

    IatiNode(String namespace, String name, int line) {
        this.namespace = namespace;
        this.name = name;
        this.line = line;
    }

    void attributes(String[] nameValues) {
        this.attributes = nameValues;
    }

    void appendText(char[] ch, int start, int length, int max) {
        if (text == null) {
            text = new StringBuilder(Math.min(length, 256));
        }
        int room = max - text.length();
        if (room > 0) {
            text.append(ch, start, Math.min(length, room));
        }
    }

    void add(IatiNode child) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    /** An attribute (by local name, or {@code xml:lang}), or null. */
    String attr(String attributeName) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(attributeName)) {
                return attributes[i + 1];
            }
        }
        return null;
    }

    /** The attribute, stripped, or null when missing or blank. */
    String attrValue(String attributeName) {
        String v = attr(attributeName);
        return v == null || v.isBlank() ? null : v.strip();
    }

    boolean hasText() {
        return text != null && text.length() > 0;
    }

    /** The element's own text, stripped ("" when none). */
    String text() {
        return text == null ? "" : text.toString().strip();
    }

    List<IatiNode> children() {
        return children == null ? List.of() : children;
    }

    /** The first child of that name (in the IATI namespace), or null. */
    IatiNode child(String childName) {
        if (children != null) {
            for (IatiNode c : children) {
                if (c.name.equals(childName) && c.namespace.isEmpty()) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Every child of that name (in the IATI namespace). */
    List<IatiNode> all(String childName) {
        if (children == null) {
            return List.of();
        }
        List<IatiNode> out = new ArrayList<>();
        for (IatiNode c : children) {
            if (c.name.equals(childName) && c.namespace.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Children of another namespace (Maillage's extension elements). */
    IatiNode child(String ns, String childName) {
        if (children != null) {
            for (IatiNode c : children) {
                if (c.name.equals(childName) && c.namespace.equals(ns)) {
                    return c;
                }
            }
        }
        return null;
    }

    List<IatiNode> all(String ns, String childName) {
        if (children == null) {
            return List.of();
        }
        List<IatiNode> out = new ArrayList<>();
        for (IatiNode c : children) {
            if (c.name.equals(childName) && c.namespace.equals(ns)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The text of the element's narratives in the preferred language: the narrative in
     * {@code lang}, else the one without a language (the activity's default), else the first;
     * null when there is no non-blank narrative.
     */
    String narrative(String lang, String defaultLang) {
        String withoutLang = null;
        String first = null;
        for (IatiNode n : all("narrative")) {
            String t = n.text();
            if (t.isEmpty()) {
                continue;
            }
            String l = n.attr("xml:lang");
            String language = l == null || l.isBlank() ? defaultLang : l.strip().toLowerCase(Locale.ROOT);
            if (lang != null && lang.equals(language)) {
                return t;
            }
            if (l == null && withoutLang == null) {
                withoutLang = t;
            }
            if (first == null) {
                first = t;
            }
        }
        return withoutLang != null ? withoutLang : first;
    }
}
