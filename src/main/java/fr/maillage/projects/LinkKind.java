package fr.maillage.projects;

/** The kinds of media attached to a project. */
public enum LinkKind {
    PHOTO, VIDEO, WEB, DOCUMENT
}
