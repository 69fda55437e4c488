package fr.maillage.directory;

/** A person's role in a structure: admins edit and approve join requests, editors edit. */
public enum MemberRole {
    ADMIN, EDITOR
}
