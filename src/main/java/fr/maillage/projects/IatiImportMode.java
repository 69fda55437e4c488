package fr.maillage.projects;

/** What an import does with an activity whose identifier a project already has. */
public enum IatiImportMode {
    /** Adds the new activities only; existing projects are left as they are. */
    ADD_ONLY,
    /** Adds the new activities and updates the existing projects from the file. */
    ADD_AND_UPDATE
}
