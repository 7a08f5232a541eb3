package org.ucdgba.gba.bsf;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import of a card-key file did, row by row: the counts of subscribers created, updated, left unchanged
 * and rows refused, and the rows themselves (every row, or only the refused ones). A row names its line, ICCID and
 * IMSI as the file wrote them and, when refused, why, never a key. Serialised as the import's JSON answer.
 */
public final class ImportReport {

    /** What became of one row. */
    public enum Outcome { created, updated, unchanged, refused }

    /** One row's outcome; {@code reason} only for a refused row. */
    public record Row(int line, String iccid, String imsi, Outcome outcome, String reason) {
    }

    private final boolean everyRow;
    private int created;
    private int updated;
    private int unchanged;
    private int refused;
    private String unread;
    private final List<Row> rows = new ArrayList<>();

    ImportReport(boolean everyRow) {
        this.everyRow = everyRow;
    }

    void add(Row row) {
        switch (row.outcome()) {
            case created -> created++;
            case updated -> updated++;
            case unchanged -> unchanged++;
            case refused -> refused++;
        }
        if (everyRow || row.outcome() == Outcome.refused) {
            rows.add(row);
        }
    }

    void addAll(List<Row> outcomes) {
        outcomes.forEach(this::add);
    }

    void unread(String why) {
        unread = why;
    }

    /** Subscribers created. */
    public int getCreated() {
        return created;
    }

    /** Subscribers whose card changed. */
    public int getUpdated() {
        return updated;
    }

    /** Subscribers already as the file says. */
    public int getUnchanged() {
        return unchanged;
    }

    /** Rows refused. */
    public int getRefused() {
        return refused;
    }

    /** Why the end of the file was not read, or null. */
    public String getUnread() {
        return unread;
    }

    /** The rows reported. */
    public List<Row> getRows() {
        return rows;
    }

    @Override
    public String toString() {
        return "created " + created + ", updated " + updated + ", unchanged " + unchanged + ", refused " + refused;
    }
}
