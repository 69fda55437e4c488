package fr.maillage.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.XMLConstants;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an {@code iati-activities} document from SAX events, one {@code iati-activity} at a
 * time: each activity becomes a small {@link IatiNode} tree handed to the consumer, then
 * dropped. Elements of other namespaces than IATI's and Maillage's are skipped. An activity
 * bigger than {@link #MAX_NODES} elements is handed over empty and marked too large.
 */
final class IatiActivityReader extends DefaultHandler {

    static final int MAX_NODES = 100_000;
    static final int MAX_TEXT = 200_000;

    /** An activity read from the file: its tree (null when too large), its position and first line. */
    record Activity(IatiNode node, int index, int line, boolean tooLarge) {
    }

    private final Consumer<Activity> consumer;
    private Locator locator;
    private int depth;
    private String rootName;
    private String rootNamespace;
    private String version;
    private int count;

    private final List<IatiNode> stack = new ArrayList<>();
    private int skipDepth; // > 0 while inside an element of another namespace
    private int nodes;
    private boolean tooLarge;
    private int activityLine;

    IatiActivityReader(Consumer<Activity> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    String rootName() {
        return rootName;
    }

    String rootNamespace() {
        return rootNamespace;
    }

    /** The {@code version} attribute of {@code iati-activities}, or null. */
    String version() {
        return version;
    }

    int count() {
        return count;
    }

    private int line() {
        return locator == null ? 0 : locator.getLineNumber();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        depth++;
        if (depth == 1) {
            rootName = localName;
            rootNamespace = uri;
            version = atts.getValue("", "version");
            return;
        }
        if (depth == 2) {
            if (uri.isEmpty() && localName.equals("iati-activity")) {
                nodes = 1;
                tooLarge = false;
                activityLine = line();
                IatiNode n = new IatiNode("", localName, activityLine);
                n.attributes(attributes(atts));
                stack.add(n);
            } else {
                skipDepth = 1;
            }
            return;
        }
        if (skipDepth > 0) {
            skipDepth++;
            return;
        }
        if (stack.isEmpty()) {
            return;
        }
        if (!uri.isEmpty() && !uri.equals(IatiXml.MAILLAGE_NS)) {
            skipDepth = 1;
            return;
        }
        if (++nodes > MAX_NODES) {
            tooLarge = true;
            skipDepth = 1;
            return;
        }
        IatiNode n = new IatiNode(uri, localName, line());
        if (atts.getLength() > 0) {
            n.attributes(attributes(atts));
        }
        stack.get(stack.size() - 1).add(n);
        stack.add(n);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        depth--;
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (stack.isEmpty()) {
            return;
        }
        IatiNode done = stack.remove(stack.size() - 1);
        if (stack.isEmpty()) {
            count++;
            consumer.accept(tooLarge ? new Activity(null, count, activityLine, true) : new Activity(done, count, activityLine, false));
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0 || stack.isEmpty()) {
            return;
        }
        IatiNode current = stack.get(stack.size() - 1);
        if (!current.children().isEmpty()) {
            return; // IATI has no mixed content: whitespace between elements
        }
        boolean blank = true;
        for (int i = start; i < start + length && blank; i++) {
            blank = ch[i] <= ' ';
        }
        if (blank && !current.hasText()) {
            return; // indentation before a first child
        }
        current.appendText(ch, start, length, MAX_TEXT);
    }

    private static String[] attributes(Attributes atts) {
        int n = atts.getLength();
        if (n == 0) {
            return new String[0];
        }
        String[] out = new String[n * 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            String uri = atts.getURI(i);
            String name;
            if (uri.isEmpty()) {
                name = atts.getLocalName(i).isEmpty() ? atts.getQName(i) : atts.getLocalName(i);
            } else if (uri.equals(XMLConstants.XML_NS_URI)) {
                name = "xml:" + atts.getLocalName(i);
            } else if (uri.equals(IatiXml.MAILLAGE_NS)) {
                name = "maillage:" + atts.getLocalName(i);
            } else {
                continue; // other publishers' extension attributes
            }
            out[k++] = name;
            out[k++] = atts.getValue(i);
        }
        if (k < out.length) {
            String[] trimmed = new String[k];
            System.arraycopy(out, 0, trimmed, 0, k);
            return trimmed;
        }
        return out;
    }
}
