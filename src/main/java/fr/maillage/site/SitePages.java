package fr.maillage.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import fr.maillage.shared.audit.StaffActions;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The site's editable pages: legal notice, privacy policy, accessibility, the network, open data. */
@Service
@Transactional(readOnly = true)
public class SitePages {

    private final JdbcClient jdbc;
    private final StaffActions staffActions;

    SitePages(JdbcClient jdbc, StaffActions staffActions) {
        this.jdbc = jdbc;
        this.staffActions = staffActions;
    }

    public Optional<SitePage> find(String slug) {
        return jdbc.sql("select * from site_page where slug = ?").param(slug).query(SitePages::map).optional();
    }

    public List<SitePage> all() {
        return jdbc.sql("select * from site_page order by slug").query(SitePages::map).list();
    }

    /** Saves a page; returns false when the page does not exist. */
    @Transactional
    public boolean update(String slug, String titleFr, String titleEn, String bodyFr, String bodyEn, CurrentPerson actor) {
        int n = jdbc.sql("""
                update site_page set title_fr = ?, title_en = ?, body_fr = ?, body_en = ?, updated_at = now(), updated_by = ?
                where slug = ?""")
                .params(titleFr.strip(), titleEn.strip(), bodyFr, bodyEn, actor.personId(), slug)
                .update();
        if (n == 1) {
            staffActions.record(actor, "site.page.updated", "site_page", null, slug);
        }
        return n == 1;
    }

    private static SitePage map(ResultSet rs, int row) throws SQLException {
        return new SitePage(rs.getString("slug"), rs.getString("title_fr"), rs.getString("title_en"),
                rs.getString("body_fr"), rs.getString("body_en"), rs.getTimestamp("updated_at").toInstant());
    }
}
