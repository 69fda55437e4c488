package fr.maillage.agenda;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgendaEventRepository extends JpaRepository<AgendaEvent, Long> {

    Optional<AgendaEvent> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<AgendaEvent> findByStatusOrderByCreatedAt(EventStatus status);
}
