package fr.maillage.projects.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.maillage.shared.files.FileStorage;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and documents sent with the project form: each file's real type is read from its
 * bytes (Tika, helped by the file name for office formats), its size checked, and only then
 * stored; each stored file becomes a link row of the form. A refused file is named in the
 * error next to its field.
 */
@Component
class ProjectUploads {

    static final long MAX_PHOTO_BYTES = 5L * 1024 * 1024;
    static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
    static final int MAX_FILES = 20;

    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    /** Accepted document types and the extension a download gets. */
    static final Map<String, String> DOCUMENT_TYPES = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "odp"));

    static final Map<String, String> PHOTO_EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");

    private final FileStorage files;
    private final Tika tika = new Tika();

    ProjectUploads(FileStorage files) {
        this.files = files;
    }

    /**
     * Stores the acceptable files of {@code field} ("photoFiles" or "documentFiles") and adds
     * a link row for each to the form; rejects the others on the field. Returns how many were stored.
     */
    int accept(ProjectForm form, String field, Errors errors) {
        boolean photos = field.equals("photoFiles");
        List<MultipartFile> sent = photos ? form.getPhotoFiles() : form.getDocumentFiles();
        int stored = 0;
        int seen = 0;
        for (MultipartFile file : sent) {
            String name = file == null ? null : file.getOriginalFilename();
            if (file == null || name == null || name.isBlank()) {
                continue; // no file chosen
            }
            name = displayName(name);
            if (++seen > MAX_FILES) {
                errors.rejectValue(field, "projects.form.error.file.count", new Object[] {MAX_FILES}, null);
                break;
            }
            if (file.isEmpty()) {
                errors.rejectValue(field, "projects.form.error.file.empty", new Object[] {name}, null);
                continue;
            }
            long max = photos ? MAX_PHOTO_BYTES : MAX_DOCUMENT_BYTES;
            if (file.getSize() > max) {
                errors.rejectValue(field, "projects.form.error.file.size", new Object[] {name, max / 1024 / 1024}, null);
                continue;
            }
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                errors.rejectValue(field, "projects.form.error.file.unreadable", new Object[] {name}, null);
                continue;
            }
            String type = sniff(bytes, name, photos);
            if (type == null) {
                errors.rejectValue(field, photos ? "projects.form.error.file.photo-type" : "projects.form.error.file.document-type",
                        new Object[] {name}, null);
                continue;
            }
            String key = files.put(bytes, type);
            form.getLinks().add(new ProjectForm.LinkRow(photos ? "PHOTO" : "DOCUMENT", title(name), null, key, type));
            stored++;
        }
        return stored;
    }

    /** The type read from the content, if it is one this kind of upload accepts; else null. */
    String sniff(byte[] bytes, String name, boolean photo) {
        if (photo) {
            // a photo is judged on its bytes alone: a renamed file is not a photo
            String type = tika.detect(bytes);
            return PHOTO_TYPES.contains(type) ? type : null;
        }
        // office files are zip or OLE2 containers: the name tells which kind, the bytes must agree
        String type = tika.detect(bytes, name);
        return DOCUMENT_TYPES.containsKey(type) ? type : null;
    }

    /** The extension a stored file of this type gets when downloaded. */
    static String extension(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        String e = DOCUMENT_TYPES.getOrDefault(mediaType, PHOTO_EXTENSIONS.get(mediaType));
        return e == null ? "" : e;
    }

    /** The file's own name, without a path some browsers send. */
    private static String displayName(String original) {
        String n = original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.length() > 120 ? n.substring(0, 120) : n;
    }

    /** "rapport_final-2025.pdf" -> "rapport final 2025": a first title the person can change. */
    private static String title(String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String t = base.replaceAll("[_\\-]+", " ").replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) {
            return name;
        }
        return t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }
}
