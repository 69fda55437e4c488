package fr.maillage.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The feeds kept by ETag: bounded in bytes, least recently used out first, off at 0. */
class FeedCacheTests {

    @Test
    void keepsFeedsWithinItsRoomDroppingTheLeastRecentlyUsed() {
        FeedCache cache = new FeedCache(100);
        cache.put("a", new byte[20]);
        cache.put("b", new byte[20]);
        cache.put("c", new byte[20]);
        assertThat(cache.get("a")).hasSize(20); // a is now the most recently used
        cache.put("d", new byte[25]);
        cache.put("e", new byte[25]);
        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("e")).isNotNull();
        cache.put("huge", new byte[26]); // more than a quarter of the room: not kept
        assertThat(cache.get("huge")).isNull();

        FeedCache off = new FeedCache(0);
        off.put("a", new byte[1]);
        assertThat(off.get("a")).isNull();
    }

    @Test
    void theTeeWritesThroughAndKeepsACopy() throws Exception {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        FeedCache.Tee tee = new FeedCache.Tee(response);
        tee.write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
        tee.write('X');
        tee.close();
        assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("BEGIN:VCALENDAR\r\nX");
        assertThat(tee.bytes()).isEqualTo(response.toByteArray());
    }
}
