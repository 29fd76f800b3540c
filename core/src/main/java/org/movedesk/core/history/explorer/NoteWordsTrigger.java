package org.movedesk.core.history.explorer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.h2.api.Trigger;

/**
 * H2 trigger (V30): after a history row is inserted, stores each distinct word of its notes in
 * {@code history_note_word}, so free-text search reads an index instead of every note. Each word
 * row also carries the entry's operator (V46), so "free text + operator" walks one index range.
 */
public class NoteWordsTrigger implements Trigger {

    private int idColumn = -1;
    private int occurredColumn = -1;
    private int notesColumn = -1;
    private int operatorColumn = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select column_name, ordinal_position"
                + " from information_schema.columns where table_schema = ? and table_name = ?")) {
            ps.setString(1, schemaName);
            ps.setString(2, tableName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(2) - 1;
                    switch (rs.getString(1).toUpperCase()) {
                        case "ID" -> idColumn = index;
                        case "OCCURRED_AT" -> occurredColumn = index;
                        case "NOTES" -> notesColumn = index;
                        case "OPERATOR" -> operatorColumn = index;
                        default -> { }
                    }
                }
            }
        }
        if (idColumn < 0 || occurredColumn < 0 || notesColumn < 0 || operatorColumn < 0) {
            throw new SQLException("history table lacks id, occurred_at, notes or operator; cannot index note words");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null || newRow[notesColumn] == null) {
            return;
        }
        var words = NoteWords.of(newRow[notesColumn].toString());
        if (words.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "insert into history_note_word (word, occurred_at, history_id, operator) values (?, ?, ?, ?)")) {
            for (String word : words) {
                ps.setString(1, word);
                ps.setObject(2, newRow[occurredColumn] instanceof OffsetDateTime o ? o : newRow[occurredColumn]);
                ps.setLong(3, ((Number) newRow[idColumn]).longValue());
                ps.setString(4, (String) newRow[operatorColumn]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
