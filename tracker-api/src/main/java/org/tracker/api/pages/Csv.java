package org.tracker.api.pages;

import java.io.IOException;
import java.io.Writer;

/**
 * CSV as RFC 4180 writes it, for a spreadsheet to open: a cell that a spreadsheet would run as a formula (it begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a leading apostrophe,
 * so that a title or an action's text cannot become a formula on a staffer's machine.
 */
final class Csv {

    private Csv() {}

    static void row(Writer out, Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
