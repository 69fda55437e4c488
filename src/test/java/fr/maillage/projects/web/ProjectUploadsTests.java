package fr.maillage.projects.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** The types a project upload accepts, read from the bytes (and, for office containers, the name). */
class ProjectUploadsTests {

    final ProjectUploads uploads = new ProjectUploads(null);

    @Test
    void photosAreJudgedOnTheirBytesAlone() throws Exception {
        byte[] png = ProjectPagesIntegrationTests.png();
        assertThat(uploads.sniff(png, "photo.png", true)).isEqualTo("image/png");
        assertThat(uploads.sniff(png, "photo.pdf", true)).as("a renamed photo is still a photo").isEqualTo("image/png");
        assertThat(uploads.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(), "logo.png", true)).isNull();
        assertThat(uploads.sniff("%PDF-1.4\n".getBytes(), "scan.jpg", true)).isNull();
    }

    @Test
    void documentsArePdfOfficeOrOpenDocument() throws Exception {
        assertThat(uploads.sniff("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "rapport.pdf", false)).isEqualTo("application/pdf");
        assertThat(uploads.sniff(openDocument("application/vnd.oasis.opendocument.text"), "bilan.odt", false))
                .isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(uploads.sniff(ooxml("word/document.xml"), "bilan.docx", false))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(uploads.sniff(ooxml("xl/workbook.xml"), "budget.xlsx", false))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(uploads.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), "rapport.pdf", false)).isNull();
        assertThat(uploads.sniff("<html><body>x</body></html>".getBytes(), "page.docx", false)).isNull();
        assertThat(uploads.sniff(ProjectPagesIntegrationTests.png(), "photo.png", false)).as("a photo is not a document").isNull();
    }

    @Test
    void downloadsGetTheirTypesExtension() {
        assertThat(ProjectUploads.extension("application/pdf")).isEqualTo("pdf");
        assertThat(ProjectUploads.extension("application/vnd.oasis.opendocument.spreadsheet")).isEqualTo("ods");
        assertThat(ProjectUploads.extension("image/jpeg")).isEqualTo("jpg");
        assertThat(ProjectUploads.extension("application/x-unknown")).isEmpty();
    }

    static byte[] openDocument(String mimeType) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] type = mimeType.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] ooxml(String part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
