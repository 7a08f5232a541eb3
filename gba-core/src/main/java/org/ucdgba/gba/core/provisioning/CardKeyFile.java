package org.ucdgba.gba.core.provisioning;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.Milenage;

/**
 * A card-key file as SIM vendors deliver it and pySim reads it: CSV (RFC 4180: commas, optional double quotes), a
 * header row whose column names are case-insensitive, then one row per card. Columns read: {@code IMSI},
 * {@code KI}, {@code OPC} or {@code OP} (required), {@code ICCID}, {@code AMF} (default {@value #DEFAULT_AMF}),
 * {@code MNC} (its length tells the MNC's digits), {@code IMPI} (the ISIM's, instead of the one derived from the
 * IMSI); other columns (ADM1, PIN1, PUK1, ...) are ignored and never kept. Encrypted columns are decrypted with the
 * {@link ColumnKeys}. Rows are read one at a time, so a file of any length takes little memory; each is a
 * {@link Row}: a {@link Card}, or a refusal naming the column and never its value.
 */
public final class CardKeyFile implements Closeable {

    /** AMF of a card whose file names none (TS 33.102 Annex F: the separation bit set). */
    public static final String DEFAULT_AMF = "8000";
    /** Longest line read; a card's row is a few hundred characters. */
    public static final int MAX_LINE = 4096;
    /** Most lines read from one file; the rest is left unread ({@link #unread()}). */
    public static final int MAX_LINES = 2_000_000;
    /** Stands for a line longer than {@link #MAX_LINE}; compared by identity. */
    private static final String TOO_LONG = new String("");

    private final BufferedReader in;
    private final ColumnKeys keys;
    private final int mncDigits;
    private final Map<String, Integer> columns;
    private int line = 1;
    private String unread;

    private CardKeyFile(BufferedReader in, ColumnKeys keys, int mncDigits, Map<String, Integer> columns) {
        this.in = in;
        this.keys = keys;
        this.mncDigits = mncDigits;
        this.columns = columns;
    }

    /**
     * Reads the header. {@code mncDigits} (2 or 3) is the MNC length of rows without an {@code MNC} value, 0 when
     * every row must carry one. An {@link IllegalArgumentException} says what the file lacks.
     */
    public static CardKeyFile open(Reader reader, ColumnKeys keys, int mncDigits) {
        BufferedReader in = new BufferedReader(reader);
        List<String> header = Csv.fields(readLine(in)
                .orElseThrow(() -> new IllegalArgumentException("the file is empty: a header row is needed")));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (columns.put(header.get(i).trim().toUpperCase(Locale.ROOT), i) != null) {
                throw new IllegalArgumentException("column " + header.get(i).trim() + " appears twice");
            }
        }
        for (String required : List.of("IMSI", "KI")) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException("the header has no " + required + " column");
            }
        }
        if (!columns.containsKey("OPC") && !columns.containsKey("OP")) {
            throw new IllegalArgumentException("the header has neither an OPC nor an OP column");
        }
        if (mncDigits == 0 && !columns.containsKey("MNC") && !columns.containsKey("IMPI")) {
            throw new IllegalArgumentException("the file has no MNC column: say whether the MNC has 2 or 3 digits");
        }
        return new CardKeyFile(in, keys, mncDigits, columns);
    }

    /** The next row, empty at the end or after {@link #MAX_LINES} lines; blank lines are skipped. */
    public Optional<Row> next() {
        while (true) {
            Optional<String> text = readLine(in);
            line++;
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (line > MAX_LINES) {
                unread = "a file is read up to line " + MAX_LINES + "; split it to import the rest";
                return Optional.empty();
            }
            if (text.get() == TOO_LONG || !text.get().isBlank()) {
                return Optional.of(row(line, text.get()));
            }
        }
    }

    private Row row(int number, String text) {
        if (text == TOO_LONG) {
            return new Row(number, "", "", null, "the line is longer than " + MAX_LINE + " characters");
        }
        List<String> fields;
        try {
            fields = Csv.fields(text);
        } catch (IllegalArgumentException e) {
            return new Row(number, "", "", null, e.getMessage());
        }
        String iccid = field(fields, "ICCID");
        String imsi = field(fields, "IMSI");
        if (!iccid.isEmpty() && !iccid.matches("[0-9]{18,20}[Ff]?")) {
            return new Row(number, "", imsi, null, "ICCID must be 18 to 20 digits");
        }
        try {
            return new Row(number, iccid, imsi, card(fields, imsi), null);
        } catch (IllegalArgumentException e) {
            return new Row(number, iccid, imsi, null, e.getMessage());
        }
    }

    private Card card(List<String> fields, String imsi) {
        ImsIdentity identity;
        String impi = field(fields, "IMPI");
        if (!impi.isEmpty()) {
            identity = ImsIdentity.ofImpi(impi);
        } else {
            String mnc = field(fields, "MNC");
            identity = ImsIdentity.fromImsi(imsi, mnc.isEmpty() ? mncDigits : mnc.length());
        }
        byte[] k = octets(fields, "KI", Milenage.BLOCK);
        byte[] opc = columns.containsKey("OPC") && !field(fields, "OPC").isEmpty()
                ? octets(fields, "OPC", Milenage.BLOCK)
                : Milenage.computeOpc(k, octets(fields, "OP", Milenage.BLOCK));
        byte[] amf = field(fields, "AMF").isEmpty() ? Hex.decode(DEFAULT_AMF)
                : octets(fields, "AMF", Milenage.AMF_LENGTH);
        return new Card(identity, k, opc, amf);
    }

    private byte[] octets(List<String> fields, String column, int length) {
        String value = field(fields, column);
        byte[] octets;
        try {
            octets = value.isEmpty() ? null : keys.octetsOf(column, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " " + e.getMessage());
        }
        if (octets == null || octets.length != length) {
            throw new IllegalArgumentException(column + " must be " + length + " octets in hex"
                    + (keys.encrypts(column) ? " once decrypted (is the transport key right?)" : ""));
        }
        return octets;
    }

    private String field(List<String> fields, String column) {
        Integer index = columns.get(column);
        return index == null || index >= fields.size() ? "" : fields.get(index).trim();
    }

    /** The next line without its end; a line longer than {@link #MAX_LINE} is read to its end and kept short. */
    private static Optional<String> readLine(BufferedReader in) {
        try {
            StringBuilder text = new StringBuilder();
            int c;
            boolean longer = false;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (text.length() < MAX_LINE) {
                    text.append((char) c);
                } else {
                    longer = true;
                }
            }
            if (c < 0 && text.isEmpty()) {
                return Optional.empty();
            }
            int end = text.length();
            return Optional.of(longer ? TOO_LONG
                    : end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the end of the file was left unread, empty when it was read to its end. */
    public Optional<String> unread() {
        return Optional.ofNullable(unread);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * One row of the file by its line number: its ICCID and IMSI as written (empty when absent), and either the
     * card or why it was refused.
     */
    public record Row(int line, String iccid, String imsi, Card card, String refusal) {
    }

    /** A card's subscription: its IMS identities and its AKA parameters (TS 35.206: K, OPc, AMF). */
    public record Card(ImsIdentity identity, byte[] k, byte[] opc, byte[] amf) {
    }

    /** RFC 4180 fields of one line. */
    static final class Csv {

        private Csv() {
        }

        static List<String> fields(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("a quoted field is not closed on its line");
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
