package fr.maillage.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A photo, video, web link or document of a project. */
@Embeddable
class ProjectLink {

    @Column(nullable = false)
    String kind;

    String title;
    String url;

    @Column(name = "file_key")
    String fileKey;

    @Column(name = "media_type")
    String mediaType;

    protected ProjectLink() {
    }

    ProjectLink(String kind, String title, String url, String fileKey, String mediaType) {
        this.kind = kind;
        this.title = title;
        this.url = url;
        this.fileKey = fileKey;
        this.mediaType = mediaType;
    }
}
