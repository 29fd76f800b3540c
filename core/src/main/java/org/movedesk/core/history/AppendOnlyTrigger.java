package org.movedesk.core.history;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2 trigger (V2) that refuses UPDATE and DELETE on the history table. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("History is append-only: rows can be added, never changed or deleted", "HY000");
    }
}
