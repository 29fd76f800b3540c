package org.movedesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema comes only from Flyway: an empty store and a populated V1 store both reach the latest version. */
class FlywayMigrationTest {

    private static Flyway flyway(Path dir, String target) {
        var config = Flyway.configure().dataSource(StoreUrl.forDirectory(dir), "sa", "").locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    @Test
    void migratesAnEmptyStore(@TempDir Path dir) throws Exception {
        var result = flyway(dir, null).migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        try (Connection c = DriverManager.getConnection(StoreUrl.forDirectory(dir), "sa", "");
             Statement s = c.createStatement()) {
            for (String table : new String[] {"LOCATION", "PERSON", "PROFILE", "MOVE", "RESTRICTED_PATIENT", "HISTORY",
                    "HISTORY_HEAD", "OUTBOX", "OPERATOR", "DESK", "DESK_LOCATION"}) {
                try (ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_name = '" + table + "'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as(table).isEqualTo(1);
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.indexes where index_name in"
                    + " ('IX_MOVE_FROM_DATE', 'IX_MOVE_TO_DATE', 'IX_OUTBOX_READY', 'IX_HX_AGGREGATE')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.triggers where trigger_name like 'HISTORY_NO_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void migratesAPopulatedV1Store(@TempDir Path dir) throws Exception {
        flyway(dir, "1").migrate();
        String url = StoreUrl.forDirectory(dir);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("insert into location (id, loc_key, title, title_key, location_type, nomis_agency_id, active, updated_at)"
                    + " values ('00000000-0000-0000-0000-000000000001', 'mdi', 'HMP Moorland', 'HMP MOORLAND', 'PRISON', 'MDI', true, current_timestamp)");
            s.execute("insert into history (id, occurred_at, recorded_at, operator, aggregate_type, aggregate_id, event_type, source, prev_hash, hash)"
                    + " values (1, current_timestamp, current_timestamp, 'old', 'MOVE', 'x', 'move.booked', 'LOCAL', 'p', 'h')");
            // before V2 the table was not yet guarded
            s.execute("update history set notes = 'edited before V2' where id = 1");
        }
        var result = flyway(dir, null).migrate();
        assertThat(result.success).isTrue();
        assertThat(result.initialSchemaVersion).isEqualTo("1");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select title from location where nomis_agency_id = 'MDI'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("HMP Moorland");
            }
            try (ResultSet rs = s.executeQuery("select notes from history where id = 1")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("edited before V2");
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("delete from history where id = 1"))
                    .hasMessageContaining("append-only");
        }
    }
}
