package fr.maillage.directory.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.OrganisationQuery;
import fr.maillage.shared.MaillageProperties;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Exports of the current search, streamed as they are read: CSV for a French Excel (UTF-8 with
 * a byte order mark, semicolons, CRLF, RFC 4180 quoting, formulas neutralised) and XLSX.
 * The public gets the public fields; staff also get the e-mails and phones kept private.
 */
@Controller
class DirectoryExportController {

    private final DirectorySearch directory;
    private final QueryCleaner cleaner;
    private final MessageSource messages;
    private final MaillageProperties properties;

    DirectoryExportController(DirectorySearch directory, QueryCleaner cleaner, MessageSource messages, MaillageProperties properties) {
        this.directory = directory;
        this.cleaner = cleaner;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/annuaire/export.csv")
    void csv(@ModelAttribute("query") OrganisationQuery query, @RequestParam(name = "colonnes", required = false) List<String> columns,
            Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
        List<ExportColumn> chosen = ExportColumn.parse(columns);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("csv"));
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        out.write('\uFEFF');
        writeCsvRow(out, ExportColumn.headers(chosen, messages, locale));
        try {
            directory.export(cleaner.clean(query), locale, Viewer.isStaff(authentication), o -> {
                try {
                    writeCsvRow(out, ExportColumn.row(chosen, o, properties.baseUrl()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    @GetMapping("/annuaire/export.xlsx")
    void xlsx(@ModelAttribute("query") OrganisationQuery query, @RequestParam(name = "colonnes", required = false) List<String> columns,
            Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
        List<ExportColumn> chosen = ExportColumn.parse(columns);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("xlsx"));
        OutputStream stream = response.getOutputStream();
        Workbook workbook = new Workbook(stream, "Maillage", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("export.sheet", null, "Annuaire", locale));
        List<String> headers = ExportColumn.headers(chosen, messages, locale);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.width(c, 22);
        }
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        int[] row = {1};
        try {
            directory.export(cleaner.clean(query), locale, Viewer.isStaff(authentication), o -> {
                List<String> values = ExportColumn.row(chosen, o, properties.baseUrl());
                for (int c = 0; c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        sheet.value(row[0], c, values.get(c));
                    }
                }
                if (++row[0] % 500 == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        workbook.finish();
        stream.flush();
    }

    private static String attachment(String extension) {
        return ContentDisposition.attachment().filename("annuaire-" + LocalDate.now(DirectoryController.PARIS) + "." + extension)
                .build().toString();
    }

    static void writeCsvRow(Writer out, List<String> cells) throws IOException {
        fr.maillage.shared.text.CsvOut.row(out, cells);
    }
}
