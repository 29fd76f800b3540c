package org.movedesk.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The first look at the store through the pool, before Flyway touches it: a file H2 cannot open
 * (damaged, wrong key, newer format, in use) or a database that is not MoveDesk's becomes a
 * {@link StoreUnusableException} with a message a support person can act on.
 */
public final class StoreHealth {

    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int FILE_CORRUPTED = 90030;
    private static final int FILE_VERSION_ERROR = 90048;
    private static final int FILE_ENCRYPTION_ERROR = 90049;
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    /** Flyway's description of core's first migration (V1__core_schema.sql). */
    private static final String FIRST_MIGRATION = "core schema";

    private StoreHealth() {
    }

    public static Path mvFileOf(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            return StoreFiles.mvFileOfUrl(hikari.getJdbcUrl());
        }
        return null;
    }

    public static void check(DataSource dataSource) {
        Path file = mvFileOf(dataSource);
        if (file != null && StoreFiles.inspect(file) == StoreFileKind.UNKNOWN) {
            throw new StoreUnusableException("STORE_DAMAGED", file, "The store file " + file
                    + " is not a MoveDesk database: it is empty, damaged or a foreign file.", null);
        }
        // H2 makes an empty database of a file whose content it cannot find: a file that had bytes
        // before this first connection must not come back empty
        boolean hadContent = file != null && sizeOf(file) > 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            checkIsOurs(s, file, hadContent);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StoreUnusableException unusable) {
                throw unusable;
            }
            throw translate(e, file);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void checkIsOurs(Statement s, Path file, boolean hadContent) throws SQLException {
        long tables = count(s, "select count(*) from information_schema.tables where table_schema = 'PUBLIC'");
        if (tables == 0 && hadContent && count(s, "select count(*) from information_schema.sequences "
                + "where sequence_schema = 'PUBLIC'") == 0) {
            throw new StoreUnusableException("STORE_DAMAGED", file, "The store file " + file + " exists but H2 found "
                    + "no data in it: it is damaged (truncated?) or was left empty by a failed first start.", null);
        }
        if (tables == 0) {
            return; // a new, empty store
        }
        if (count(s, "select count(*) from information_schema.tables where table_schema = 'PUBLIC' "
                + "and lower(table_name) = 'flyway_schema_history'") == 0) {
            throw new StoreUnusableException("STORE_FOREIGN", file, "The database " + (file == null ? "" : file + " ")
                    + "holds tables but no MoveDesk schema history: it belongs to another program.", null);
        }
        try (ResultSet rs = s.executeQuery("select \"description\" from \"flyway_schema_history\" where \"version\" = '1'")) {
            if (rs.next() && !FIRST_MIGRATION.equalsIgnoreCase(rs.getString(1))) {
                throw new StoreUnusableException("STORE_FOREIGN", file, "The database " + (file == null ? "" : file + " ")
                        + "was made by another program (its first migration is '" + rs.getString(1) + "').", null);
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static StoreUnusableException translate(Exception failure, Path file) {
        SQLException sql = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException found) {
                sql = found;
                break;
            }
        }
        String where = file == null ? "The store" : "The store " + file;
        if (sql == null) {
            return new StoreUnusableException("STORE_DAMAGED", file, where + " cannot be opened: " + failure.getMessage(), failure);
        }
        return switch (sql.getErrorCode()) {
            case DATABASE_ALREADY_OPEN -> new StoreUnusableException("STORE_IN_USE", file, where
                    + " is open in another MoveDesk (or another program); close it and start again.");
            case FILE_ENCRYPTION_ERROR, WRONG_USER_OR_PASSWORD -> new StoreUnusableException("STORE_KEY_WRONG", file,
                    where + " cannot be decrypted with this desk's key (it was made with another key, or the file is damaged).",
                    failure);
            case FILE_VERSION_ERROR -> new StoreUnusableException("STORE_DAMAGED", file, where
                    + " was written by a different H2 version or is damaged (" + firstLine(sql) + ").", failure);
            case FILE_CORRUPTED -> new StoreUnusableException("STORE_DAMAGED", file, where
                    + " is damaged (" + firstLine(sql) + ").", failure);
            default -> new StoreUnusableException("STORE_DAMAGED", file, where + " cannot be opened ("
                    + firstLine(sql) + ").", failure);
        };
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
