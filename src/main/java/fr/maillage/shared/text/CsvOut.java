package fr.maillage.shared.text;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writing CSV for spreadsheets used in France: {@code ;} separated, CRLF lines, RFC 4180 quoting,
 * and cells that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) neutralised
 * with a leading apostrophe (CSV injection). Callers write the UTF-8 BOM first ({@link #BOM}).
 */
public final class CsvOut {

    public static final char BOM = '\uFEFF';

    private CsvOut() {
    }

    public static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One CSV cell: formula characters neutralised, quoted when needed. */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf(',') >= 0) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
