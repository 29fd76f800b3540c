package org.movedesk.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.moves.Move;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Verify history" on the shared store. An attacker is simulated the way someone holding the
 * database file would work: open it with a SQL console, drop the append-only trigger, edit. Each
 * test puts the row back (and the trigger) so the store stays valid for the other tests.
 */
class HistoryChainCheckTest extends CoreIntegrationTest {

    @Autowired
    HistoryChainCheck check;
    @Autowired
    JdbcTemplate jdbc;

    private static final String RESTORE_TRIGGER = "create trigger history_no_update before update on history"
            + " for each row call 'org.movedesk.core.history.AppendOnlyTrigger'";

    @Test
    void anUntouchedChainIsIntactAndProgressIsReported() {
        fixture.bookRequested();
        List<long[]> progress = new ArrayList<>();
        HistoryChainCheck.Report r = check.verify(StoreFixture.supervisor(), (d, t) -> progress.add(new long[] {d, t}),
                null);
        assertThat(r.intact()).as(String.valueOf(r)).isTrue();
        long last = jdbc.queryForObject("select max(id) from history", Long.class);
        assertThat(r.checked()).isEqualTo(last);
        assertThat(progress.get(0)).containsExactly(0, last);
        assertThat(progress.get(progress.size() - 1)).containsExactly(last, last);
    }

    @Test
    void anEditedRowIsReportedWithTheExpectedAndTheFoundHash() {
        Move move = fixture.bookRequested();
        long id = jdbc.queryForObject("select max(id) from history where aggregate_id = ?", Long.class,
                move.getId().toString());
        String storedHash = jdbc.queryForObject("select hash from history where id = ?", String.class, id);
        String notes = jdbc.queryForObject("select notes from history where id = ?", String.class, id);
        jdbc.execute("drop trigger history_no_update");
        try {
            jdbc.update("update history set notes = 'nothing happened here' where id = ?", id);
            HistoryChainCheck.Report r = check.verify(StoreFixture.admin(), null, null);
            assertThat(r.intact()).isFalse();
            assertThat(r.brokenId()).isEqualTo(id);
            assertThat(r.reason()).contains("content was changed");
            assertThat(r.found()).isEqualTo(storedHash);
            assertThat(r.expected()).hasSize(64).isNotEqualTo(storedHash);
            assertThat(r.checked()).isEqualTo(id - 1);
        } finally {
            jdbc.update("update history set notes = ? where id = ?", notes, id);
            jdbc.execute(RESTORE_TRIGGER);
        }
        assertThat(check.verify(StoreFixture.supervisor(), null, null).intact()).isTrue();
    }

    @Test
    void rewritingAHashToHideAnEditBreaksTheNextLink() {
        fixture.bookRequested();
        fixture.bookRequested();
        long id = jdbc.queryForObject("select max(id) from history", Long.class) - 1;
        String hash = jdbc.queryForObject("select hash from history where id = ?", String.class, id);
        jdbc.execute("drop trigger history_no_update");
        try {
            jdbc.update("update history set hash = ? where id = ?", "f".repeat(64), id);
            HistoryChainCheck.Report r = check.verify(StoreFixture.supervisor(), null, null);
            assertThat(r.intact()).isFalse();
            // the edited row itself no longer matches its (new) hash
            assertThat(r.brokenId()).isEqualTo(id);
            assertThat(r.found()).isEqualTo("f".repeat(64));
        } finally {
            jdbc.update("update history set hash = ? where id = ?", hash, id);
            jdbc.execute(RESTORE_TRIGGER);
        }
    }

    @Test
    void aCancelledCheckStopsAndOnlySupervisorsMayRunIt() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> check.verify(StoreFixture.supervisor(), null, token))
                .isInstanceOf(CancellationToken.Cancelled.class);
        assertThatThrownBy(() -> check.verify(StoreFixture.staff(), null, null))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("SUPERVISOR or ADMIN");
    }
}
