package fr.maillage.projects;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import fr.maillage.directory.Directory;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.OrganisationDetails;
import fr.maillage.directory.OrganisationRef;
import fr.maillage.reference.Reference;
import fr.maillage.shared.MaillageProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The IATI 2.03 export of published projects: one structure's ({@code /acteurs/{slug}/iati.xml})
 * or the whole network's ({@code /projets/iati/export.xml}). The file is written as it is read:
 * projects come by pages of {@value #PAGE} in the order of their structure (keyset paging, each
 * page in its own short read-only transaction whose persistence context is dropped after it), so
 * memory stays flat and no database connection waits on a slow download.
 *
 * <p>Activity identifiers: a project imported from IATI keeps its identifier; any other gets
 * {@code <reporting organisation identifier>-<project id>} the first time it is exported, and
 * that value is stored on the project, because an IATI identifier must never change once
 * published: computing it again later would give another value as soon as the structure adds an
 * RNA or SIRET number to its record. Storing it also lets a re-import of the export update the
 * same projects instead of duplicating them.
 */
@Service
public class IatiExport {

    static final int PAGE = 250;

    private final ProjectRepository projects;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final DirectorySearch directorySearch;
    private final Reference reference;
    private final IatiOrgIds orgIds;
    private final IatiProperties properties;
    private final MaillageProperties maillage;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate write;

    IatiExport(ProjectRepository projects, JdbcClient jdbc, Directory directory, DirectorySearch directorySearch, Reference reference,
               IatiOrgIds orgIds, IatiProperties properties, MaillageProperties maillage, PlatformTransactionManager transactions) {
        this.projects = projects;
        this.jdbc = jdbc;
        this.directory = directory;
        this.directorySearch = directorySearch;
        this.reference = reference;
        this.orgIds = orgIds;
        this.properties = properties;
        this.maillage = maillage;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
    }

    /** The published structure with this slug, whose projects may be exported. */
    public Optional<OrganisationRef> exportableStructure(String slug) {
        return directory.ref(slug).filter(OrganisationRef::published);
    }

    /** The IATI organisation identifier of a structure (RNA, SIRET, else the network's prefix). */
    public String organisationIdentifier(OrganisationRef structure) {
        return orgIds.of(structure);
    }

    /**
     * Whether there is something to export: a published project of that published structure
     * (of any published structure when {@code organisationId} is null).
     */
    public boolean hasProjects(Long organisationId) {
        return jdbc.sql("""
                        select exists (select 1 from project p join organisation o on o.id = p.organisation_id
                                       where p.publication = 'PUBLISHED' and o.status = 'PUBLISHED'
                                         and (cast(:org as bigint) is null or p.organisation_id = :org)
                                         and (:imported or p.source <> 'IATI'))""")
                .param("org", organisationId).param("imported", properties.exportImported())
                .query(Boolean.class).single();
    }

    /** Writes the published projects of a published structure; returns how many. */
    public int writeStructure(long organisationId, OutputStream out) throws IOException {
        return write(organisationId, out);
    }

    /** Writes the published projects of every published structure; returns how many. */
    public int writeNetwork(OutputStream out) throws IOException {
        return write(null, out);
    }

    private int write(Long organisationId, OutputStream out) throws IOException {
        try {
            IatiActivityWriter writer = new IatiActivityWriter(out, reference, orgIds, maillage.baseUrl());
            writer.start();
            long afterOrg = -1;
            long afterId = -1;
            int count = 0;
            Map<Long, IatiActivityWriter.Lead> leads = new HashMap<>();
            while (true) {
                long o = afterOrg;
                long i = afterId;
                Page page = readOnly.execute(tx -> page(organisationId, o, i));
                if (page.rows().isEmpty()) {
                    break;
                }
                List<IatiActivityWriter.Row> rows = identify(page.rows());
                for (IatiActivityWriter.Row row : rows) {
                    IatiActivityWriter.Lead lead = leads.computeIfAbsent(row.organisationId(), id -> lead(page.structures().get(id), writer));
                    writer.activity(row, lead, page.structures());
                    count++;
                }
                writer.flush();
                IatiActivityWriter.Row last = page.rows().get(page.rows().size() - 1);
                afterOrg = last.organisationId();
                afterId = last.id();
                // projects come structure by structure: only the current structure's contact details are kept
                leads.keySet().removeIf(id -> id != last.organisationId());
            }
            writer.end();
            return count;
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("IATI export failed", e);
        }
    }

    private record Page(List<IatiActivityWriter.Row> rows, Map<Long, OrganisationRef> structures) {
    }

    private Page page(Long organisationId, long afterOrg, long afterId) {
        List<Long> ids = jdbc.sql("""
                        select p.id from project p join organisation o on o.id = p.organisation_id
                        where p.publication = 'PUBLISHED' and o.status = 'PUBLISHED'
                          and (cast(:org as bigint) is null or p.organisation_id = :org)
                          and (:imported or p.source <> 'IATI')
                          and (p.organisation_id, p.id) > (:afterOrg, :afterId)
                        order by p.organisation_id, p.id limit :limit""")
                .param("org", organisationId).param("imported", properties.exportImported())
                .param("afterOrg", afterOrg).param("afterId", afterId).param("limit", PAGE)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return new Page(List.of(), Map.of());
        }
        Map<Long, Project> byId = new HashMap<>();
        projects.findAllById(ids).forEach(p -> byId.put(p.id, p));
        List<IatiActivityWriter.Row> rows = new ArrayList<>(ids.size());
        Set<Long> structureIds = new LinkedHashSet<>();
        for (Long id : ids) {
            Project p = byId.get(id);
            if (p == null) {
                continue;
            }
            ProjectData data = Projects.data(p);
            rows.add(new IatiActivityWriter.Row(p.id, p.organisationId, p.iatiIdentifier, p.createdAt, p.updatedAt, data));
            structureIds.add(p.organisationId);
            data.partners().forEach(pa -> {
                if (pa.organisationId() != null) {
                    structureIds.add(pa.organisationId());
                }
            });
            data.fundings().forEach(f -> {
                if (f.organisationId() != null) {
                    structureIds.add(f.organisationId());
                }
            });
        }
        return new Page(rows, directory.refs(structureIds));
    }

    /**
     * Gives an IATI identifier to the projects of the page that have none, stores it (only where
     * still empty and unused, so concurrent exports agree), and returns the rows with their identifiers.
     */
    private List<IatiActivityWriter.Row> identify(List<IatiActivityWriter.Row> rows) {
        List<IatiActivityWriter.Row> missing = rows.stream().filter(r -> r.iatiIdentifier() == null).toList();
        if (missing.isEmpty()) {
            return rows;
        }
        Map<Long, OrganisationRef> leads = directory.refs(missing.stream().map(IatiActivityWriter.Row::organisationId).distinct().toList());
        Long[] ids = new Long[missing.size()];
        String[] values = new String[missing.size()];
        for (int i = 0; i < missing.size(); i++) {
            IatiActivityWriter.Row r = missing.get(i);
            OrganisationRef lead = leads.get(r.organisationId());
            ids[i] = r.id();
            values[i] = (lead == null ? properties.organisationPrefix() + "-" + r.organisationId() : orgIds.of(lead)) + "-" + r.id();
        }
        Map<Long, String> stored = write.execute(tx -> {
            jdbc.sql("""
                            update project p set iati_identifier = v.ident
                            from (select unnest(cast(:ids as bigint[])) as id, unnest(cast(:values as varchar[])) as ident) v
                            where p.id = v.id and p.iati_identifier is null
                              and not exists (select 1 from project q where q.iati_identifier = v.ident)""")
                    .param("ids", ids).param("values", values).update();
            Map<Long, String> m = new HashMap<>();
            jdbc.sql("select id, iati_identifier from project where id = any(:ids)").param("ids", ids)
                    .query(rs -> {
                        m.put(rs.getLong(1), rs.getString(2));
                    });
            return m;
        });
        List<IatiActivityWriter.Row> out = new ArrayList<>(rows.size());
        for (IatiActivityWriter.Row r : rows) {
            if (r.iatiIdentifier() != null) {
                out.add(r);
            } else {
                // taken by another project (an import): this one is still told apart by its own id
                String id = stored.get(r.id());
                out.add(new IatiActivityWriter.Row(r.id(), r.organisationId(), id != null ? id : properties.organisationPrefix() + "-P" + r.id(),
                        r.createdAt(), r.updatedAt(), r.data()));
            }
        }
        return out;
    }

    private IatiActivityWriter.Lead lead(OrganisationRef structure, IatiActivityWriter writer) {
        Optional<OrganisationDetails> details = directorySearch.findPublished(structure.slug(), Locale.FRENCH);
        return new IatiActivityWriter.Lead(structure, orgIds.of(structure), writer.structureType(structure),
                details.map(OrganisationDetails::website).orElse(null), details.map(OrganisationDetails::email).orElse(null),
                details.map(OrganisationDetails::phone).orElse(null));
    }
}
