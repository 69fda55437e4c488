package fr.maillage.projects.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.directory.OrganisationRef;
import fr.maillage.projects.IatiExport;
import fr.maillage.shared.text.Slugs;
import fr.maillage.shared.SiteProperties;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * IATI 2.03 exports, streamed as they are written: the published projects of one structure
 * ({@code /acteurs/{slug}/iati.xml}) or of the whole network ({@code /projets/iati/export.xml}).
 * A structure with no published project has nothing to export (the schema wants at least one
 * activity): its address answers 404.
 */
@Controller
class IatiExportController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final IatiExport export;
    private final SiteProperties site;

    IatiExportController(IatiExport export, SiteProperties site) {
        this.export = export;
        this.site = site;
    }

    @GetMapping("/acteurs/{slug}/iati.xml")
    void structure(@PathVariable String slug, HttpServletResponse response) throws IOException {
        OrganisationRef structure = export.exportableStructure(slug)
                .filter(s -> export.hasProjects(s.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        headers(response, "iati-" + structure.slug() + ".xml");
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
            export.writeStructure(structure.id(), out);
        }
    }

    @GetMapping("/projets/iati/export.xml")
    void network(HttpServletResponse response) throws IOException {
        if (!export.hasProjects(null)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String name = Slugs.slug(site.name());
        headers(response, "iati-" + (name.isEmpty() ? "reseau" : name) + "-" + LocalDate.now(PARIS) + ".xml");
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
            export.writeNetwork(out);
        }
    }

    private static void headers(HttpServletResponse response, String fileName) {
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
