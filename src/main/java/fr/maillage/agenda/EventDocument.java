package fr.maillage.agenda;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A document of an event (programme, slides, minutes...): an uploaded file or a link. */
@Embeddable
class EventDocument {

    @Column(nullable = false)
    String title;
    @Column(name = "file_key")
    String fileKey;
    String url;
    @Column(name = "media_type")
    String mediaType;
    @Column(name = "size_bytes")
    Long sizeBytes;
    @Column(name = "after_event", nullable = false)
    boolean afterEvent;

    protected EventDocument() {
    }

    EventDocument(EventData.DocumentData d) {
        this.title = d.title();
        this.fileKey = d.fileKey();
        this.url = d.url();
        this.mediaType = d.mediaType();
        this.sizeBytes = d.sizeBytes();
        this.afterEvent = d.afterEvent();
    }

    EventData.DocumentData data() {
        return new EventData.DocumentData(title, fileKey, url, mediaType, sizeBytes, afterEvent);
    }
}
