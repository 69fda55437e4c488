package fr.maillage.agenda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who took part in what, for other modules: the events and trainings the people of a structure
 * registered to (the support history on a structure's record, for staff).
 */
@Service
public class Participations {

    private final JdbcClient jdbc;

    Participations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registrations made on behalf of a structure (any status but refused), latest event first. */
    public List<Participation> ofOrganisation(long organisationId) {
        return jdbc.sql("""
                select r.id, e.id as event_id, e.slug, e.title, e.type, e.starts_at, r.full_name, r.status, r.attended, m.title as module_title
                from agenda_registration r
                join agenda_event e on e.id = r.event_id
                left join agenda_training_module m on m.id = e.training_module_id
                where r.organisation_id = ? and r.status <> 'REFUSED'
                order by e.starts_at desc, r.full_name""")
                .param(organisationId).query(Participations::row).list();
    }

    /** A person's registrations (any status), latest event first. */
    public List<Participation> ofPerson(long personId) {
        return jdbc.sql("""
                select r.id, e.id as event_id, e.slug, e.title, e.type, e.starts_at, r.full_name, r.status, r.attended, m.title as module_title
                from agenda_registration r
                join agenda_event e on e.id = r.event_id
                left join agenda_training_module m on m.id = e.training_module_id
                where r.person_id = ?
                order by e.starts_at desc""")
                .param(personId).query(Participations::row).list();
    }

    private static Participation row(ResultSet rs, int n) throws SQLException {
        return new Participation(rs.getLong("id"), rs.getLong("event_id"), rs.getString("slug"), rs.getString("title"),
                EventType.valueOf(rs.getString("type")), rs.getTimestamp("starts_at").toInstant(), rs.getString("full_name"),
                rs.getString("status"), (Boolean) rs.getObject("attended"), rs.getString("module_title"));
    }
}
