package fr.maillage.accounts;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<Person, Long> {

    @Query("select p from Person p where lower(p.email) = lower(:email)")
    Optional<Person> findByEmail(String email);

    boolean existsByRoleAndDeletedAtIsNull(Role role);

    long countByRoleAndDeletedAtIsNull(Role role);

    long countByDeletedAtIsNull();

    long countByDeletedAtIsNullAndCreatedAtAfter(java.time.Instant since);

    long countByDeletedAtIsNullAndEmailVerifiedFalse();

    java.util.List<Person> findByRoleInAndDeletedAtIsNullOrderByDisplayName(java.util.Collection<Role> roles);

    @Query("""
            select p from Person p where p.deletedAt is null
            and (:q = '' or lower(p.email) like concat('%', :q, '%') or lower(p.displayName) like concat('%', :q, '%'))
            and (:role is null or p.role = :role)
            and (:verified is null or p.emailVerified = :verified)
            order by p.createdAt desc, p.id desc""")
    Page<Person> search(String q, Role role, Boolean verified, Pageable pageable);
}
