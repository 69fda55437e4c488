package fr.maillage.projects;

/** Where a project stands: a draft its editors see, published for all, or hidden by staff. */
public enum Publication {
    DRAFT, PUBLISHED, HIDDEN
}
