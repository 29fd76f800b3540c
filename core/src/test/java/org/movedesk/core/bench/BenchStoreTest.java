package org.movedesk.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.history.HistoryChainCheck;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.Role;
import org.movedesk.core.store.StoreUrl;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark store generator at a tiny size: what it writes must be a store the app itself
 * could have written (same schema as Flyway's migrations, an intact hash chain, usable accounts),
 * or every figure measured on it would be about some other database.
 */
class BenchStoreTest {

    static final BenchStore.Sizes TINY = new BenchStore.Sizes(600, 2_000, 10_000, 600);

    @TempDir
    static Path generated;

    @BeforeAll
    static void generate() throws Exception {
        BenchStore.generate(generated, TINY, true);
    }

    @Test
    void theGeneratedSchemaIsExactlyTheOneFlywaysMigrationsCreate(@TempDir Path fresh) throws Exception {
        Flyway.configure().dataSource(StoreUrl.forDirectory(fresh), "sa", "").locations("classpath:db/migration")
                .load().migrate();
        assertThat(schema(generated)).isEqualTo(schema(fresh)).isNotEmpty();
    }

    @Test
    void theGeneratedStoreOpensInCoreAndItsHistoryChainIsIntact() {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(BenchOperators.CoreOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.datasource.url=" + StoreUrl.forDirectory(generated), "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run()) {
            Actor supervisor = ctx.getBean(OperatorService.class).signIn("supervisor", "supervisor".toCharArray(),
                    "test-desk");
            assertThat(supervisor.roles()).containsExactly(Role.SUPERVISOR);
            HistoryChainCheck.Report report = ctx.getBean(HistoryChainCheck.class).verify(supervisor, null, null);
            assertThat(report.intact()).as(report.toString()).isTrue();
            // the generated rows, then the accounts' own entries, all in one chain
            assertThat(report.checked()).isGreaterThan(TINY.history());
            for (String user : List.of("staff", "supplier", "rp", "admin")) {
                assertThat(ctx.getBean(OperatorService.class).signIn(user, user.toCharArray(), "test-desk").username())
                        .isEqualTo(user);
            }
        }
    }

    @Test
    void theGeneratedStoreHoldsTheAskedSizes() throws Exception {
        try (Connection c = DriverManager.getConnection(StoreUrl.forDirectory(generated), "sa", "");
             Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from move")).isEqualTo(TINY.moves());
            assertThat(count(s, "select count(*) from person")).isEqualTo(TINY.people());
            assertThat(count(s, "select count(*) from history where operator not in ('staff', 'supplier',"
                    + " 'supervisor', 'rp', 'admin')")).isEqualTo(TINY.history());
            assertThat(count(s, "select count(*) from history_note_word")).isPositive();
            assertThat(count(s, "select count(*) from outbox where history_id is not null")).isPositive();
        }
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The store's DDL without data and without what data moves (identity restart values, ANALYZE's
     * column selectivity) or what every new file gets anew (the owner's password salt), sorted: H2 lists a trigger created again after the load later.
     */
    static List<String> schema(Path dir) throws Exception {
        List<String> ddl = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(StoreUrl.forDirectory(dir), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("script nodata")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (line.startsWith("-- ") || line.startsWith("INSERT INTO")) {
                    continue;
                }
                ddl.add(line.replaceAll(" RESTART WITH \\d+", "").replaceAll(" SELECTIVITY \\d+", "")
                        .replaceAll("SALT '\\w+' HASH '\\w+'", "SALT s HASH h"));
            }
        }
        ddl.sort(null);
        return ddl;
    }

}
