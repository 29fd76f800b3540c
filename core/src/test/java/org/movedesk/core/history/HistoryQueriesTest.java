package org.movedesk.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

class HistoryQueriesTest extends CoreIntegrationTest {

    @Autowired
    HistoryQueries history;
    @Autowired
    MoveService moves;

    @Test
    void byMovePersonOperatorLocationAndTime() {
        Instant start = Instant.now().minusSeconds(1);
        Move m = fixture.bookRequested();
        moves.accept(StoreFixture.supplier(), m.getId(), null, "on our way");

        assertThat(history.forMove(StoreFixture.staff(), m.getId())).extracting(HistoryRow::eventType)
                .containsExactly("move.booked", "move.accepted");
        HistoryRow accepted = history.forMove(StoreFixture.staff(), m.getId()).get(1);
        assertThat(accepted.operator()).isEqualTo("supplier");
        assertThat(accepted.deskId()).isEqualTo(StoreFixture.DESK);
        assertThat(accepted.before()).contains("\"status\":\"requested\"");
        assertThat(accepted.after()).contains("\"status\":\"booked\"");
        assertThat(accepted.notes()).isEqualTo("on our way");
        assertThat(accepted.recordedAt()).isNotNull();

        assertThat(history.forPerson(StoreFixture.staff(), m.getPerson().getPrisonNumber())).extracting(HistoryRow::eventType)
                .contains("move.booked", "move.accepted");
        assertThat(history.forOperator(StoreFixture.supervisor(), "supplier")).isNotEmpty();
        // an operator may always see their own actions
        assertThat(history.forOperator(StoreFixture.supplier(), "supplier")).isNotEmpty();

        var filter = new HistoryFilter(AggregateType.MOVE, m.getId().toString(), null, null, StoreFixture.LEEDS, start,
                Instant.now().plus(Duration.ofMinutes(1)), "move.");
        assertThat(history.search(StoreFixture.supervisor(), filter, 0, 10).getContent()).extracting(HistoryRow::eventType)
                .containsExactly("move.accepted", "move.booked");
        var fromSide = new HistoryFilter(null, m.getId().toString(), null, null, StoreFixture.MOORLAND, null, null, null);
        assertThat(history.search(StoreFixture.supervisor(), fromSide, 0, 10).getContent()).hasSize(2);
        var future = new HistoryFilter(null, m.getId().toString(), null, null, null, Instant.now().plus(Duration.ofDays(1)), null, null);
        assertThat(history.search(StoreFixture.supervisor(), future, 0, 10).getContent()).isEmpty();
    }
}
