package org.movedesk.core.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.movedesk.core.common.ConcurrentEditException;
import org.movedesk.core.history.HistoryRepository;
import org.movedesk.core.history.HistoryVerifier;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** One action = one transaction: all of change, history and outbox, or none. Two editors: one wins, one is told. */
class AtomicityAndConcurrencyTest extends CoreIntegrationTest {

    @Autowired
    MoveService moves;
    @Autowired
    OutboxService outbox;
    @Autowired
    HistoryRepository history;
    @Autowired
    HistoryVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;

    /** Refuses every outbox insert while installed. */
    public static class FailingOutboxInsert implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            throw new java.sql.SQLException("simulated outbox failure");
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void failingOutboxInsertLeavesNoMoveNoHistoryNoOutbox() {
        Person person = fixture.knownPerson("Atomic");
        fixture.bookRequested(person, StoreFixture.MOORLAND, StoreFixture.BRIXTON, StoreFixture.uniqueDate());
        long moves0 = count("move"), history0 = count("history"), outbox0 = count("outbox"), profiles0 = count("profile");
        jdbc.execute("create trigger test_fail_outbox before insert on outbox for each row call '"
                + FailingOutboxInsert.class.getName() + "'");
        try {
            assertThatThrownBy(() -> fixture.bookRequested(person, StoreFixture.MOORLAND, StoreFixture.LEEDS,
                    StoreFixture.uniqueDate())).hasStackTraceContaining("simulated outbox failure");
        } finally {
            jdbc.execute("drop trigger test_fail_outbox");
        }
        assertThat(count("move")).isEqualTo(moves0);
        assertThat(count("history")).isEqualTo(history0);
        assertThat(count("outbox")).isEqualTo(outbox0);
        assertThat(count("profile")).isEqualTo(profiles0);
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void failingOutboxInsertLeavesTheTransitionUndone() {
        Move move = fixture.bookRequested();
        jdbc.execute("create trigger test_fail_outbox2 before insert on outbox for each row call '"
                + FailingOutboxInsert.class.getName() + "'");
        try {
            assertThatThrownBy(() -> moves.accept(StoreFixture.staff(), move.getId(), move.getVersion(), null))
                    .hasStackTraceContaining("simulated outbox failure");
        } finally {
            jdbc.execute("drop trigger test_fail_outbox2");
        }
        Move reloaded = moves.get(StoreFixture.staff(), move.getId());
        assertThat(reloaded.getStatus()).isEqualTo(MoveStatus.REQUESTED);
        assertThat(reloaded.getVersion()).isEqualTo(move.getVersion());
        assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString())).hasSize(1);
        // and the action still works afterwards
        assertThat(moves.accept(StoreFixture.staff(), move.getId(), move.getVersion(), null).getStatus())
                .isEqualTo(MoveStatus.BOOKED);
    }

    @Test
    void staleExpectedVersionIsRefusedWithAClearMessage() {
        Move move = fixture.bookRequested();
        moves.accept(StoreFixture.supplier(), move.getId(), move.getVersion(), null);
        assertThatThrownBy(() -> moves.cancel(StoreFixture.staff(), move.getId(), move.getVersion(),
                CancellationReason.MADE_IN_ERROR, null))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessage("Move " + move.label() + " was changed by someone else; reload it and try again.");
        assertThat(moves.get(StoreFixture.staff(), move.getId()).getStatus()).isEqualTo(MoveStatus.BOOKED);
    }

    @Test
    void twoOperatorsAtOnceOneWinsTheOtherIsToldNothingLost() throws Exception {
        for (int round = 0; round < 3; round++) {
            Move move = fixture.bookRequested();
            long version = move.getVersion();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<String>> jobs = List.of(
                        () -> {
                            go.await();
                            return moves.accept(StoreFixture.supplier(), move.getId(), version, "supplier").getStatus().name();
                        },
                        () -> {
                            go.await();
                            return moves.cancel(StoreFixture.staff(), move.getId(), version, CancellationReason.OTHER, "staff")
                                    .getStatus().name();
                        });
                List<Future<String>> results = new ArrayList<>();
                jobs.forEach(j -> results.add(pool.submit(j)));
                go.countDown();
                int won = 0;
                int told = 0;
                for (Future<String> f : results) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConcurrentEditException.class)
                                .hasMessageContaining("was changed by someone else; reload it and try again");
                        told++;
                    }
                }
                assertThat(won).isEqualTo(1);
                assertThat(told).isEqualTo(1);
                Move after = moves.get(StoreFixture.staff(), move.getId());
                List<OutboxEntry> central = outbox.forAggregate(AggregateType.MOVE, move.getId().toString()).stream()
                        .filter(e -> e.getChannel() == org.movedesk.core.outbox.OutboxChannel.CENTRAL).toList();
                // exactly the winner's action is recorded, and it matches the stored state
                assertThat(central).hasSize(2);
                OutboxAction winner = central.get(1).getAction();
                assertThat(after.getStatus()).isEqualTo(winner == OutboxAction.ACCEPT ? MoveStatus.BOOKED : MoveStatus.CANCELLED);
                assertThat(history.findByAggregateTypeAndAggregateIdOrderByIdAsc(AggregateType.MOVE, move.getId().toString()))
                        .hasSize(2);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(verifier.verify().ok()).isTrue();
    }
}
