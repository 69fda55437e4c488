package fr.maillage.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    Optional<Organisation> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Organisation> findBySiret(String siret);

    List<Organisation> findByRna(String rna);

    List<Organisation> findByDepartementAndStatusNot(String departement, OrganisationStatus status);

    long countByStatus(OrganisationStatus status);
}
