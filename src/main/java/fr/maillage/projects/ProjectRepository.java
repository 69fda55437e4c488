package fr.maillage.projects;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, Long> {

    Optional<Project> findBySlug(String slug);

    Optional<Project> findByIatiIdentifier(String iatiIdentifier);

    List<Project> findByOrganisationIdOrderByUpdatedAtDesc(long organisationId);

    boolean existsBySlug(String slug);
}
