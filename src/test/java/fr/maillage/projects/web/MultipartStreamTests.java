package fr.maillage.projects.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader of the IATI upload, fed by a network that delivers a few bytes at a time. */
class MultipartStreamTests {

    static final String BOUNDARY = "----WebKitFormBoundaryZ3xAbC";

    @RepeatedTest(20)
    void readsFieldsAndAFileWhateverTheChunksTheBytesArriveIn() throws IOException {
        Random random = new Random();
        byte[] file = new byte[200_000 + random.nextInt(100_000)];
        random.nextBytes(file);
        // what looks like a boundary without being one, right at the edges of the reader's buffer
        byte[] trap = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(trap, 0, file, 65_530, trap.length);
        System.arraycopy(trap, 0, file, file.length - trap.length - 1, trap.length);
        byte[] body = body(file, "Structure n°\u00a042", "données é.xml");

        MultipartStream m = new MultipartStream(new Trickle(body, random), BOUNDARY);
        MultipartStream.Part structure = m.nextPart();
        assertThat(structure.name()).isEqualTo("structure");
        assertThat(structure.fileName()).isNull();
        assertThat(m.text(100)).isEqualTo("Structure n°\u00a042");
        MultipartStream.Part part = m.nextPart();
        assertThat(part.name()).isEqualTo("fichier");
        assertThat(part.fileName()).isEqualTo("données é.xml");
        assertThat(part.contentType()).isEqualTo("application/xml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.body().transferTo(out);
        assertThat(out.toByteArray()).isEqualTo(file);
        MultipartStream.Part csrf = m.nextPart();
        assertThat(csrf.name()).isEqualTo("_csrf");
        assertThat(m.text(10)).isEqualTo("jeton-tres");
        assertThat(m.nextPart()).isNull();
    }

    @Test
    void aPartNotReadIsSkippedAndAnEmptyFileIsEmpty() throws IOException {
        byte[] body = body(new byte[0], "7", "vide.xml");
        MultipartStream m = new MultipartStream(new ByteArrayInputStream(body), BOUNDARY);
        assertThat(m.nextPart().name()).isEqualTo("structure");
        assertThat(m.nextPart().fileName()).isEqualTo("vide.xml");
        assertThat(m.body().read()).isEqualTo(-1);
        assertThat(m.nextPart().name()).isEqualTo("_csrf");
        assertThat(m.nextPart()).isNull();
    }

    @Test
    void aBodyCutBeforeItsEndIsAnError() throws IOException {
        byte[] body = body("<iati-activities/>".repeat(100).getBytes(StandardCharsets.UTF_8), "7", "coupé.xml");
        byte[] cut = java.util.Arrays.copyOf(body, body.length / 2);
        MultipartStream m = new MultipartStream(new ByteArrayInputStream(cut), BOUNDARY);
        m.nextPart();
        m.nextPart();
        assertThatThrownBy(() -> m.body().transferTo(new ByteArrayOutputStream())).isInstanceOf(EOFException.class);
    }

    @Test
    void findsTheBoundaryOfAContentType() {
        assertThat(MultipartStream.boundary("multipart/form-data; boundary=" + BOUNDARY)).isEqualTo(BOUNDARY);
        assertThat(MultipartStream.boundary("multipart/form-data; boundary=\"a b\"; charset=UTF-8")).isEqualTo("a b");
        assertThat(MultipartStream.boundary("application/x-www-form-urlencoded")).isNull();
        assertThat(MultipartStream.boundary(null)).isNull();
    }

    static byte[] body(byte[] file, String structure, String fileName) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("preamble to ignore\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"structure\"\r\n\r\n" + structure + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(file);
        b.write(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\njeton-tres-secret\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    /** An input stream that gives at most a few bytes at a time, as a slow network would. */
    static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final Random random;

        Trickle(byte[] bytes, Random random) {
            this.in = new ByteArrayInputStream(bytes);
            this.random = random;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, random.nextInt(3) == 0 ? 1 + random.nextInt(7) : 1 + random.nextInt(70_000));
            return in.read(b, off, n);
        }
    }
}
