package fr.maillage.agenda.web;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.agenda.EventData;

/** The report written after an event: Markdown text and its documents (files or links). */
public class ReportForm {

    private String report;
    private List<EventForm.DocumentRow> documents = new ArrayList<>();
    private Integer version;

    static ReportForm of(String report, List<EventData.DocumentData> docs, int version) {
        ReportForm f = new ReportForm();
        f.report = report;
        for (EventData.DocumentData d : docs) {
            if (d.afterEvent()) {
                f.documents.add(new EventForm.DocumentRow(d.title(), d.url(), d.fileKey(), d.mediaType(), d.sizeBytes()));
            }
        }
        f.version = version;
        f.pad();
        return f;
    }

    void compact() {
        documents.removeIf(r -> r == null || r.isBlank());
    }

    void pad() {
        compact();
        if (documents.size() < EventForm.MAX_ROWS) {
            documents.add(new EventForm.DocumentRow());
        }
    }

    List<EventData.DocumentData> documentData() {
        List<EventData.DocumentData> out = new ArrayList<>();
        for (EventForm.DocumentRow r : documents) {
            out.add(new EventData.DocumentData(r.getTitle(), r.isFile() ? r.getFileKey() : null, r.isFile() ? null : r.getUrl(),
                    r.isFile() ? r.getMediaType() : null, r.isFile() ? r.getSizeBytes() : null, true));
        }
        return out;
    }

    public String getReport() { return report; }
    public void setReport(String v) { report = v; }
    public List<EventForm.DocumentRow> getDocuments() { return documents; }
    public void setDocuments(List<EventForm.DocumentRow> v) { documents = v == null ? new ArrayList<>() : v; }
    public List<org.springframework.web.multipart.MultipartFile> getDocumentFiles() { return List.of(); }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
