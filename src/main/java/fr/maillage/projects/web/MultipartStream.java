package fr.maillage.projects.web;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body as it arrives, part after part, without holding a
 * part in memory: {@link #nextPart()} gives a part's headers, {@link #body()} its bytes up to the
 * next boundary. Used for the IATI upload (up to 200 MB), which is streamed to disk by the
 * project's code instead of the servlet container's multipart support, whose limits are those of
 * the whole site.
 */
final class MultipartStream {

    /** A part's headers: its field name, its file name (null for a plain field) and content type. */
    record Part(String name, String fileName, String contentType) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,200})\"|([^;\\s]{1,200}))");
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)(?:^|;)\\s*filename=\"([^\"]*)\"");
    private static final int MAX_HEADER_LINE = 8 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean finished;
    private boolean partDone = true;

    MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[64 * 1024 + delimiter.length];
        // the first boundary has no line break before it: pretend there is one
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
    }

    /** The boundary of a {@code multipart/form-data} content type, or null. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** Moves to the next part and returns its headers; null after the last one. */
    Part nextPart() throws IOException {
        if (finished) {
            return null;
        }
        if (!skipToDelimiter()) {
            finished = true;
            return null;
        }
        if (!ensure(2)) {
            finished = true;
            return null;
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        readLine(); // the rest of the boundary line (transport padding)
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        partDone = false;
        String disposition = headers.getOrDefault("content-disposition", "");
        Matcher name = NAME.matcher(disposition);
        Matcher file = FILE_NAME.matcher(disposition);
        return new Part(name.find() ? name.group(1) : null, file.find() ? file.group(1) : null, headers.get("content-type"));
    }

    /** The current part's bytes, up to the next boundary. */
    InputStream body() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return readBody(b, off, len);
            }
        };
    }

    /** A plain field's value (UTF-8), at most {@code max} bytes kept. */
    String text(int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        InputStream body = body();
        for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
            int keep = Math.min(n, max - out.size());
            if (keep > 0) {
                out.write(chunk, 0, keep);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private int readBody(byte[] b, int off, int len) throws IOException {
        if (partDone || len == 0) {
            return partDone ? -1 : 0;
        }
        while (true) {
            int idx = indexOf(pos);
            if (idx >= 0) {
                int available = idx - pos;
                if (available == 0) {
                    partDone = true;
                    return -1;
                }
                int n = Math.min(len, available);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }
            int safe = lim - pos - (delimiter.length - 1);
            if (safe > 0) {
                int n = Math.min(len, safe);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }
            if (!fill()) {
                throw new EOFException("Multipart body ended before its closing boundary");
            }
        }
    }

    private boolean skipToDelimiter() throws IOException {
        while (true) {
            int idx = indexOf(pos);
            if (idx >= 0) {
                pos = idx + delimiter.length;
                return true;
            }
            pos = Math.max(pos, lim - (delimiter.length - 1));
            if (!fill()) {
                return false;
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!ensure(1)) {
                throw new EOFException("Multipart headers cut");
            }
            byte c = buf[pos++];
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_HEADER_LINE) {
                throw new IOException("Multipart header line too long");
            }
            line.write(c);
        }
    }

    /** At least {@code n} bytes available from {@code pos}, reading more if needed; false at the end of the input. */
    private boolean ensure(int n) throws IOException {
        while (lim - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            return true;
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            return false;
        }
        lim += n;
        return true;
    }

    private int indexOf(int from) {
        int last = lim - delimiter.length;
        byte first = delimiter[0];
        outer:
        for (int i = from; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
