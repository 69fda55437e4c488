package fr.maillage.projects.web;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * CSV for a French Excel, as the directory's exports: UTF-8 with a byte order mark (written by
 * the caller), semicolons, CRLF, RFC 4180 quoting, and cells that would start a formula
 * ({@code = + - @}, tab, carriage return) neutralised with a leading apostrophe.
 */
final class CoopCsv {

    static final String BOM = "\uFEFF";

    private CoopCsv() {
    }

    static void writeRow(Writer out, List<String> cells) throws IOException {
        fr.maillage.shared.text.CsvOut.row(out, cells);
    }

    /** One cell: formula characters neutralised, quoted when needed. */
    static String cell(String value) {
        return fr.maillage.shared.text.CsvOut.cell(value);
    }

    /** An amount as a spreadsheet reads it: two decimals, a decimal comma in French, no grouping. */
    static String amount(BigDecimal amount, Locale locale) {
        String s = (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return "en".equals(locale.getLanguage()) ? s : s.replace('.', ',');
    }
}
