package fr.maillage.projects;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnershipRepository extends JpaRepository<Partnership, Long> {

    List<Partnership> findByOrganisationIdOrderByPartnerNameAsc(long organisationId);

    List<Partnership> findByOrganisationIdIn(Collection<Long> organisationIds);

    Optional<Partnership> findFirstByOrganisationIdOrderByUpdatedAtDesc(long organisationId);
}
