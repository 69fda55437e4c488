package fr.maillage.agenda.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.shared.files.FileStorage;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents sent with the event form or the report (programme, flyer, slides, minutes): the
 * real type is read from the bytes (Tika, helped by the name for office formats), the size
 * checked, and only then the file is stored; each stored file becomes a document row. A refused
 * file is named in the error next to the upload field.
 */
@Component
class EventUploads {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_FILES = 20;

    /** Accepted types and the extension a download gets. */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "odp"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/png", "png"),
            Map.entry("image/webp", "webp"));

    private final FileStorage files;
    private final Tika tika = new Tika();

    EventUploads(FileStorage files) {
        this.files = files;
    }

    /** Stores the acceptable files and returns a document row for each; the others are rejected on {@code field}. */
    List<EventForm.DocumentRow> accept(List<MultipartFile> sent, String field, Errors errors) {
        List<EventForm.DocumentRow> rows = new ArrayList<>();
        int seen = 0;
        for (MultipartFile file : sent == null ? List.<MultipartFile>of() : sent) {
            String name = file == null ? null : file.getOriginalFilename();
            if (file == null || name == null || name.isBlank()) {
                continue;
            }
            name = displayName(name);
            if (++seen > MAX_FILES) {
                errors.rejectValue(field, "agenda.events.form.error.file.count", new Object[] {MAX_FILES}, null);
                break;
            }
            if (file.isEmpty()) {
                errors.rejectValue(field, "agenda.events.form.error.file.empty", new Object[] {name}, null);
                continue;
            }
            if (file.getSize() > MAX_BYTES) {
                errors.rejectValue(field, "agenda.events.form.error.file.size", new Object[] {name, MAX_BYTES / 1024 / 1024}, null);
                continue;
            }
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                errors.rejectValue(field, "agenda.events.form.error.file.unreadable", new Object[] {name}, null);
                continue;
            }
            String type = tika.detect(bytes, name);
            if (!TYPES.containsKey(type)) {
                errors.rejectValue(field, "agenda.events.form.error.file.type", new Object[] {name}, null);
                continue;
            }
            String key = files.put(bytes, type);
            rows.add(new EventForm.DocumentRow(title(name), null, key, type, (long) bytes.length));
        }
        return rows;
    }

    static String extension(String mediaType) {
        return mediaType == null ? "" : TYPES.getOrDefault(mediaType, "");
    }

    private static String displayName(String original) {
        String n = original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.length() > 120 ? n.substring(0, 120) : n;
    }

    /** "programme_journee-2027.pdf" -> "Programme journee 2027": a first title the person can change. */
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
