package fr.maillage.directory;

import java.util.List;
import java.util.Optional;

/**
 * What the directory needs to know about people to write to them. The accounts module
 * implements it over its people (current e-mail and language); without an implementation the
 * directory uses the contact each person had when they joined or asked to join a structure,
 * and writes to staff at the site's contact address.
 */
public interface PersonDirectory {

    Optional<Contact> contact(long personId);

    /** The network's team, told when a structure waits for moderation. */
    List<Contact> staff();
}
