package org.movedesk.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Small H2 files made with plain JDBC, for tests that need a store file without Spring. */
final class PlainStoreFiles {

    private PlainStoreFiles() {
    }

    static void create(Path storeDir, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(StoreUrl.forDirectory(storeDir), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("create table if not exists t (id int primary key, v varchar(100))");
            s.execute("merge into t values (1, 'hello')");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
