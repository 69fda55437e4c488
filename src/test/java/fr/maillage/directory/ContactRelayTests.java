package fr.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The text rules of "Prendre contact": what is kept of a subject and a message, links, references. */
class ContactRelayTests {

    @Test
    void aSubjectStaysOnOneLineWithoutControlNorDirectionCharacters() {
        assertThat(ContactRelay.cleanSubject("  Projet\r\nBcc: x@y.z \t eau\u202E  ")).isEqualTo("Projet Bcc: x@y.z eau");
        assertThat(ContactRelay.cleanSubject(null)).isEmpty();
    }

    @Test
    void aMessageKeepsItsLinesAndMarkupAsTypedButNotControlCharactersNorLongBlankRuns() {
        String typed = "Bonjour,\r\n\r\n**gras** <b>html</b>\u0007\n\n\n\n\n\nAwa\u200B ";
        assertThat(ContactRelay.cleanBody(typed)).isEqualTo("Bonjour,\n\n**gras** <b>html</b>\n\n\nAwa");
    }

    @Test
    void linksAreCounted() {
        assertThat(ContactRelay.links("voir https://a.fr, http://b.fr et www.c.fr ; pas ftp://d.fr")).isEqualTo(3);
        assertThat(ContactRelay.links("aucun lien")).isZero();
    }

    @Test
    void referencesAreReadAsStaffTypeThem() {
        assertThat(ContactRelay.reference(123)).isEqualTo("C-123");
        assertThat(ContactRelay.parseReference("C-123")).contains(123L);
        assertThat(ContactRelay.parseReference(" c123 ")).contains(123L);
        assertThat(ContactRelay.parseReference("123")).contains(123L);
        assertThat(ContactRelay.parseReference("C-12a")).isEqualTo(Optional.empty());
        assertThat(ContactRelay.parseReference("C-")).isEmpty();
        assertThat(ContactRelay.parseReference("9".repeat(30))).isEmpty();
    }
}
