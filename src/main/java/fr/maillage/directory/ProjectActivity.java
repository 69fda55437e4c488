package fr.maillage.directory;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a structure's published projects cover, as the projects module reports it to the
 * directory: how many published projects the structure leads, in which countries (ISO
 * alpha-2) and on which themes. The directory counts and filters structures by it ("structures
 * with projects in Senegal on water") without depending on the projects module.
 */
public record ProjectActivity(int publishedProjects, Set<String> countries, Set<String> themes) {

    public static final ProjectActivity NONE = new ProjectActivity(0, Set.of(), Set.of());

    public ProjectActivity {
        publishedProjects = Math.max(0, publishedProjects);
        countries = countries == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(countries));
        themes = themes == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(themes));
    }
}
