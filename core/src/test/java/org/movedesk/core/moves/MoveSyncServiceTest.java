package org.movedesk.core.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.Json;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** Pull side: take the centre's values, except those with a local change still unsent; flag contradictions. */
class MoveSyncServiceTest extends CoreIntegrationTest {

    @Autowired
    MoveSyncService sync;
    @Autowired
    MoveService moves;
    @Autowired
    OutboxService outbox;

    private static CentralMove central(String centralId, String ref, MoveStatus status, LocalDate date, UUID to, Person p) {
        return new CentralMove(centralId, ref, status, MoveType.PRISON_TRANSFER, date, LocalTime.NOON, StoreFixture.MOORLAND, to,
                p.getCentralId(), p.getPrisonNumber(), p.getFirstNames(), p.getLastName(), p.getDateOfBirth(), null,
                null, null, null, null);
    }

    /** A move booked here whose create the centre confirmed. */
    private Move syncedMove(LocalDate date) {
        Move m = fixture.bookRequested(fixture.knownPerson("Synced"), StoreFixture.MOORLAND, StoreFixture.LEEDS, date);
        OutboxEntry create = centralEntries(m).get(0);
        String centralId = UUID.randomUUID().toString();
        outbox.markConfirmed(create.getId(), centralId);
        return sync.linkCentral(m.getId(), centralId, "REF" + (10000 + (int) (Math.random() * 89999)));
    }

    private List<OutboxEntry> centralEntries(Move m) {
        return outbox.forAggregate(AggregateType.MOVE, m.getId().toString()).stream()
                .filter(e -> e.getChannel() == OutboxChannel.CENTRAL).toList();
    }

    @Test
    void insertsAnUnknownMoveAndItsPerson() {
        Person stranger = fixture.knownPerson("Stranger");
        String centralId = UUID.randomUUID().toString();
        CentralMove c = new CentralMove(centralId, "ZXC1234A", MoveStatus.BOOKED, MoveType.COURT_APPEARANCE,
                StoreFixture.uniqueDate(), null, StoreFixture.LEEDS, StoreFixture.LEEDS_COURT, UUID.randomUUID().toString(),
                StoreFixture.uniquePrisonNumber(), "Jo", "Newcomer", null, null, "from the centre", null, null, null);
        assertThat(sync.applyCentral(StoreFixture.system(), c)).isEqualTo(ApplyOutcome.INSERTED);
        assertThat(sync.applyCentral(StoreFixture.system(), c)).isEqualTo(ApplyOutcome.UNCHANGED);
        assertThat(stranger).isNotNull();
    }

    @Test
    void unknownLocationIsSkipped() {
        Person p = fixture.knownPerson("Nowhere");
        assertThat(sync.applyCentral(StoreFixture.system(), central(UUID.randomUUID().toString(), "AAA1111A",
                MoveStatus.BOOKED, LocalDate.now(), UUID.randomUUID(), p))).isEqualTo(ApplyOutcome.SKIPPED_UNKNOWN_LOCATION);
    }

    @Test
    void takesCentralValuesWhenNothingIsPending() {
        Move m = syncedMove(StoreFixture.uniqueDate());
        LocalDate newDate = StoreFixture.uniqueDate();
        ApplyOutcome o = sync.applyCentral(StoreFixture.system(), central(m.getCentralId(), m.getReference(), MoveStatus.BOOKED,
                newDate, StoreFixture.BRIXTON, m.getPerson()));
        assertThat(o).isEqualTo(ApplyOutcome.UPDATED);
        Move after = moves.get(StoreFixture.staff(), m.getId());
        assertThat(after.getStatus()).isEqualTo(MoveStatus.BOOKED);
        assertThat(after.getDate()).isEqualTo(newDate);
        assertThat(after.getTo().getId()).isEqualTo(StoreFixture.BRIXTON);
    }

    @Test
    void neverOverwritesAPendingLocalChange() {
        Move m = syncedMove(StoreFixture.uniqueDate());
        moves.redirect(StoreFixture.staff(), m.getId(), null, StoreFixture.BRIXTON, null);
        moves.accept(StoreFixture.staff(), m.getId(), null, null);
        // the centre has not seen either yet: still requested, still going to Leeds
        ApplyOutcome o = sync.applyCentral(StoreFixture.system(), central(m.getCentralId(), m.getReference(), MoveStatus.REQUESTED,
                m.getDate(), StoreFixture.LEEDS, m.getPerson()));
        assertThat(o).isEqualTo(ApplyOutcome.UPDATED_KEEPING_LOCAL);
        Move after = moves.get(StoreFixture.staff(), m.getId());
        assertThat(after.getStatus()).isEqualTo(MoveStatus.BOOKED);
        assertThat(after.getTo().getId()).isEqualTo(StoreFixture.BRIXTON);
        assertThat(centralEntries(m)).extracting(OutboxEntry::getState).doesNotContain(OutboxState.CONFLICT);
    }

    @Test
    void contradictingCentralStatusPutsThePendingTransitionInConflict() {
        Move m = syncedMove(StoreFixture.uniqueDate());
        moves.accept(StoreFixture.staff(), m.getId(), null, null);
        Move started = moves.start(StoreFixture.staff(), m.getId(), null, null);
        ApplyOutcome o = sync.applyCentral(StoreFixture.system(), central(m.getCentralId(), m.getReference(), MoveStatus.CANCELLED,
                m.getDate(), StoreFixture.LEEDS, m.getPerson()));
        assertThat(o).isEqualTo(ApplyOutcome.CONFLICT);
        OutboxEntry accept = centralEntries(m).get(1);
        assertThat(accept.getState()).isEqualTo(OutboxState.CONFLICT);
        assertThat(Json.read(accept.getConflictRemote()).get("status").asText()).isEqualTo("cancelled");
        assertThat(Json.read(accept.getConflictLocal()).get("status").asText()).isEqualTo("in_transit");
        // the local state is kept until a person chooses
        assertThat(moves.get(StoreFixture.staff(), m.getId()).getStatus()).isEqualTo(started.getStatus());
        outbox.takeTheirs(StoreFixture.staff(), accept.getId());
        assertThat(moves.get(StoreFixture.staff(), m.getId()).getStatus()).isEqualTo(MoveStatus.CANCELLED);
        assertThat(centralEntries(m)).extracting(OutboxEntry::getState).containsExactly(OutboxState.CONFIRMED,
                OutboxState.DISCARDED, OutboxState.DISCARDED);
    }

    @Test
    void centralStatusAlongTheQueuedPathIsNoConflict() {
        Move m = syncedMove(StoreFixture.uniqueDate());
        moves.accept(StoreFixture.staff(), m.getId(), null, null);
        moves.start(StoreFixture.staff(), m.getId(), null, null);
        // the centre already applied the accept
        assertThat(sync.applyCentral(StoreFixture.system(), central(m.getCentralId(), m.getReference(), MoveStatus.BOOKED,
                m.getDate(), StoreFixture.LEEDS, m.getPerson()))).isEqualTo(ApplyOutcome.UPDATED_KEEPING_LOCAL);
        assertThat(moves.get(StoreFixture.staff(), m.getId()).getStatus()).isEqualTo(MoveStatus.IN_TRANSIT);
    }

    @Test
    void linksTheRebookedCopyToTheCentresRebook() {
        Person p = fixture.knownPerson("Rebook");
        LocalDate date = StoreFixture.uniqueDate();
        Move proposed = moves.book(StoreFixture.staff(), new BookMove(p.getId(), MoveType.PRISON_TRANSFER,
                StoreFixture.MOORLAND, StoreFixture.LEEDS, date, null, null, true));
        Move rejected = moves.reject(StoreFixture.staff(), proposed.getId(), null, RejectionReason.MORE_INFO_REQUIRED, true, null);
        String centralRebook = UUID.randomUUID().toString();
        ApplyOutcome o = sync.applyCentral(StoreFixture.system(), central(centralRebook, "RBK0001A", MoveStatus.PROPOSED,
                date.plusDays(7), StoreFixture.LEEDS, p));
        assertThat(o).isEqualTo(ApplyOutcome.LINKED);
        Move copy = moves.get(StoreFixture.staff(), rejected.getRebookedAs());
        assertThat(copy.getCentralId()).isEqualTo(centralRebook);
        assertThat(copy.getReference()).isEqualTo("RBK0001A");
    }

    @Test
    void markNotRefreshed() {
        Move m = syncedMove(StoreFixture.uniqueDate());
        assertThat(sync.markNotRefreshed(List.of(m.getId()))).isEqualTo(1);
        assertThat(moves.get(StoreFixture.staff(), m.getId()).isRefreshed()).isFalse();
    }
}
