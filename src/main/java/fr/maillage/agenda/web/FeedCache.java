package fr.maillage.agenda.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The feeds as last written, by ETag. A feed's ETag changes with any change of the agenda (the
 * latest {@code updated_at} and the number of events), the day, the filters and the language, so
 * an entry is never stale: calendar programs that poll the same feed (every subscriber of the
 * whole agenda, of a structure's agenda...) get the bytes written for the first of them, and
 * the next change of the agenda writes the feed again. Bounded in bytes, least recently used
 * entries leave first; each node keeps its own (nothing to share: the key says what is current).
 * {@code maillage.agenda.feed-cache-bytes} (16 MB by default; 0 turns it off).
 */
@Component
class FeedCache {

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(32, 0.75f, true);
    private long bytes;

    FeedCache(@Value("${maillage.agenda.feed-cache-bytes:16777216}") long maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
    }

    synchronized byte[] get(String key) {
        return maxBytes == 0 ? null : entries.get(key);
    }

    /** Keeps a feed, unless it would take more than a quarter of the room. */
    synchronized void put(String key, byte[] value) {
        if (maxBytes == 0 || value.length > maxBytes / 4) {
            return;
        }
        byte[] old = entries.put(key, value);
        bytes += value.length - (old == null ? 0 : old.length);
        for (Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            Map.Entry<String, byte[]> eldest = it.next();
            bytes -= eldest.getValue().length;
            it.remove();
        }
    }

    synchronized long size() {
        return bytes;
    }

    /** Writes to the response and keeps a copy of what was written. */
    static final class Tee extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream(1 << 16);

        Tee(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }
}
