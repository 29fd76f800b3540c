package org.movedesk.core.ops;

import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.movedesk.core.history.HistoryVerifier;
import org.movedesk.core.store.StoreFiles;
import org.movedesk.core.store.StoreHealth;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What {@code --self-check} and the diagnostics bundle report: the store opened (reaching this
 * service means the health check and the migrations passed), no migration pending, and the
 * history hash chain verified from the first entry to the head.
 */
@Service
public class SelfCheckService {

    private final Flyway flyway;
    private final HistoryVerifier verifier;
    private final StoreLocation store;
    private final JdbcTemplate jdbc;

    public SelfCheckService(Flyway flyway, HistoryVerifier verifier, StoreLocation store) {
        this.flyway = flyway;
        this.verifier = verifier;
        this.store = store;
        this.jdbc = new JdbcTemplate(store.dataSource());
    }

    public SelfCheckReport run() {
        Path file = StoreHealth.mvFileOf(store.dataSource());
        String where = file == null ? "store" : "store " + file + " (" + StoreFiles.inspect(file).name().toLowerCase() + ")";
        MigrationInfo current = flyway.info().current();
        int pending = flyway.info().pending().length;
        String schema = current == null ? "none" : "V" + current.getVersion();
        if (pending > 0) {
            return new SelfCheckReport(false, "MoveDesk self-check FAILED: " + where + " has " + pending
                    + " schema migration(s) not applied (schema " + schema + ")");
        }
        HistoryVerifier.Result chain = verifier.verify();
        if (!chain.ok()) {
            return new SelfCheckReport(false, "MoveDesk self-check FAILED: history chain broken at entry "
                    + chain.firstBrokenId() + " (" + chain.reason() + ") in " + where);
        }
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from history_head where id = 1");
        String hash = String.valueOf(head.get("LAST_HASH"));
        return new SelfCheckReport(true, "MoveDesk self-check OK: " + where + ", schema " + schema
                + ", history chain of " + chain.checked() + " entries verified, head " + head.get("LAST_ID") + " "
                + hash.substring(0, Math.min(12, hash.length())));
    }
}
