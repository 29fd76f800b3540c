package org.movedesk.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.movedesk.core.moves.Move;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class HistoryChainTest extends CoreIntegrationTest {

    @Autowired
    HistoryVerifier verifier;
    @Autowired
    HistoryRepository history;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void chainOfRealActionsVerifies() {
        fixture.bookRequested();
        HistoryVerifier.Result r = verifier.verify();
        assertThat(r.ok()).as(String.valueOf(r)).isTrue();
        assertThat(r.checked()).isPositive();
        HistoryEntry last = history.findById(jdbc.queryForObject("select max(id) from history", Long.class)).orElseThrow();
        HistoryEntry previous = history.findById(last.getId() - 1).orElseThrow();
        assertThat(last.getPrevHash()).isEqualTo(previous.getHash());
        assertThat(last.getHash()).hasSize(64);
    }

    @Test
    void databaseRefusesUpdateAndDelete() {
        Move move = fixture.bookRequested();
        long id = history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString()).get(0).getId();
        assertThatThrownBy(() -> jdbc.update("update history set notes = 'x' where id = ?", id))
                .hasStackTraceContaining("History is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from history where id = ?", id))
                .hasStackTraceContaining("History is append-only");
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void verifyFindsTheFirstEditedRow() {
        Move move = fixture.bookRequested();
        long id = history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString()).get(0).getId();
        String original = jdbc.queryForObject("select operator from history where id = ?", String.class, id);
        // someone with the database file and a SQL console: drops the guard and edits a row
        jdbc.execute("drop trigger history_no_update");
        try {
            jdbc.update("update history set operator = 'mallory' where id = ?", id);
            HistoryVerifier.Result r = verifier.verify();
            assertThat(r.ok()).isFalse();
            assertThat(r.firstBrokenId()).isEqualTo(id);
            assertThat(r.reason()).contains("content does not match");
        } finally {
            jdbc.update("update history set operator = ? where id = ?", original, id);
            jdbc.execute("create trigger history_no_update before update on history for each row call '"
                    + AppendOnlyTrigger.class.getName() + "'");
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void verifyFindsARelinkedRow() {
        Move move = fixture.bookRequested();
        long id = history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString()).get(0).getId();
        String prev = jdbc.queryForObject("select prev_hash from history where id = ?", String.class, id);
        jdbc.execute("drop trigger history_no_update");
        try {
            jdbc.update("update history set prev_hash = ? where id = ?", "f".repeat(64), id);
            assertThat(verifier.verify().firstBrokenId()).isEqualTo(id);
        } finally {
            jdbc.update("update history set prev_hash = ? where id = ?", prev, id);
            jdbc.execute("create trigger history_no_update before update on history for each row call '"
                    + AppendOnlyTrigger.class.getName() + "'");
        }
    }
}
