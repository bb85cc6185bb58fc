package org.tracker.imports.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tracker.imports.UnreadableRecordException;

/**
 * The kinds of file of the official record the tracker imports, told apart by the name of their root element. Only
 * the start of a file is looked at, as text, to choose its reader; the reader then parses it with all its defences,
 * so nothing here needs to be a parser.
 */
public enum RecordKind {
    BILLSTATUS("billStatus", "BILLSTATUS file"),
    SENATE_ROLL_CALL("roll_call_vote", "Senate roll call"),
    HOUSE_ROLL_CALL("rollcall-vote", "House roll call");

    /** A prolog longer than this is not one of the chambers' or GPO's files, whose prologs are a few lines. */
    private static final int PROLOG_LIMIT = 64 * 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][-A-Za-z0-9_.:]*");
    private static final String UTF8_BOM =
            new String(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.ISO_8859_1);

    private final String rootElement;
    private final String description;

    RecordKind(String rootElement, String description) {
        this.rootElement = rootElement;
        this.description = description;
    }

    /** What a person calls such a file ("BILLSTATUS file"). */
    String description() {
        return description;
    }

    /**
     * The kind of file whose content begins so. A DOCTYPE names the root element, and its name is taken: what the
     * DOCTYPE declares is for the reader to refuse, which it does before anything declared is used.
     *
     * @throws UnreadableRecordException for a file that is not XML or not of a kind the tracker imports
     */
    public static RecordKind of(byte[] content) {
        // ISO-8859-1 maps each byte to one char, so that markup reads the same in UTF-8 and in any ASCII superset.
        String start = new String(content, 0, Math.min(content.length, PROLOG_LIMIT), StandardCharsets.ISO_8859_1);
        int at = start.startsWith(UTF8_BOM) ? UTF8_BOM.length() : 0;
        while (true) {
            at = skipWhitespace(start, at);
            if (at == start.length()) {
                throw new UnreadableRecordException(
                        content.length == 0 ? "the file is empty" : "no root element in the first 64 kB");
            }
            if (start.startsWith("<?", at)) {
                at = after(start, at, "?>");
            } else if (start.startsWith("<!--", at)) {
                at = after(start, at, "-->");
            } else if (start.startsWith("<!DOCTYPE", at)) {
                return named(nameAt(start, skipWhitespace(start, at + "<!DOCTYPE".length())));
            } else if (start.charAt(at) == '<') {
                return named(nameAt(start, at + 1));
            } else {
                throw new UnreadableRecordException("not XML: the file begins with text, not with markup");
            }
        }
    }

    private static RecordKind named(String root) {
        for (RecordKind kind : values()) {
            if (kind.rootElement.equals(root)) {
                return kind;
            }
        }
        throw new UnreadableRecordException("not a record the tracker imports: the root element is <" + root
                + ">; it imports "
                + Arrays.stream(values())
                        .map(kind -> kind.description + "s (<" + kind.rootElement + ">)")
                        .collect(Collectors.joining(", ")));
    }

    private static String nameAt(String text, int at) {
        Matcher name = NAME.matcher(text).region(at, text.length());
        if (!name.lookingAt()) {
            throw new UnreadableRecordException("not well-formed XML: markup without an element name");
        }
        return name.group();
    }

    private static int skipWhitespace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int after(String text, int at, String end) {
        int found = text.indexOf(end, at);
        if (found < 0) {
            throw new UnreadableRecordException(
                    "not well-formed XML: '" + text.substring(at, at + 2) + "' is never closed in the first 64 kB");
        }
        return found + end.length();
    }
}
