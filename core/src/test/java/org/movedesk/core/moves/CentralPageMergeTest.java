package org.movedesk.core.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryVerifier;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.PersonService;
import org.movedesk.core.people.ProfileRepository;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bulk page merge ({@link MoveSyncService#applyCentralPage}) keeps every rule of the move-by-move merge. */
class CentralPageMergeTest extends CoreIntegrationTest {

    @Autowired
    MoveSyncService sync;
    @Autowired
    MoveService moves;
    @Autowired
    MoveRepository moveRepository;
    @Autowired
    OutboxService outbox;
    @Autowired
    PersonService people;
    @Autowired
    ProfileRepository profiles;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryVerifier verifier;

    private static CentralMove newcomer(String personCentralId, String prisonNumber, String profileCentralId, LocalDate date) {
        return new CentralMove(UUID.randomUUID().toString(), "PG" + (100000 + (int) (Math.random() * 899999)),
                MoveStatus.REQUESTED, MoveType.PRISON_TRANSFER, date, LocalTime.of(9, 30), StoreFixture.MOORLAND,
                StoreFixture.LEEDS, personCentralId, prisonNumber, "Pat", "Paged", LocalDate.of(1990, 1, 2),
                profileCentralId, "pulled in bulk", null, null, null);
    }

    private static CentralMove withDate(CentralMove c, LocalDate date) {
        return new CentralMove(c.centralId(), c.reference(), c.status(), c.moveType(), date, c.timeDue(), c.fromLocationId(),
                c.toLocationId(), c.personCentralId(), c.prisonNumber(), c.firstNames(), c.lastName(), c.dateOfBirth(),
                c.profileCentralId(), c.notes(), c.cancellationReason(), c.cancellationComment(), c.rejectionReason());
    }

    private static CentralMove withStatus(CentralMove c, MoveStatus status) {
        return new CentralMove(c.centralId(), c.reference(), status, c.moveType(), c.date(), c.timeDue(), c.fromLocationId(),
                c.toLocationId(), c.personCentralId(), c.prisonNumber(), c.firstNames(), c.lastName(), c.dateOfBirth(),
                c.profileCentralId(), c.notes(), c.cancellationReason(), c.cancellationComment(), c.rejectionReason());
    }

    private long historyRows() {
        return jdbc.queryForObject("select count(*) from history", Long.class);
    }

    private long historyOf(UUID moveId) {
        return jdbc.queryForObject("select count(*) from history where aggregate_id = ?", Long.class, moveId.toString());
    }

    private List<CentralMove> freshPage(int n) {
        List<CentralMove> page = new ArrayList<>();
        String sharedPerson = UUID.randomUUID().toString();
        String sharedNumber = StoreFixture.uniquePrisonNumber();
        String sharedProfile = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            if (i < 2) { // two moves of one person: one person, one profile
                page.add(newcomer(sharedPerson, sharedNumber, sharedProfile, StoreFixture.uniqueDate()));
            } else {
                page.add(newcomer(UUID.randomUUID().toString(), StoreFixture.uniquePrisonNumber(), UUID.randomUUID().toString(),
                        StoreFixture.uniqueDate()));
            }
        }
        return page;
    }

    @Test
    void pageOfNewMovesInsertsMovesPeopleProfilesAndChainedHistory() {
        List<CentralMove> page = freshPage(5);
        long before = historyRows();
        List<ApplyOutcome> outcomes = sync.applyCentralPage(StoreFixture.system(), page);
        assertThat(outcomes).containsOnly(ApplyOutcome.INSERTED).hasSize(5);
        for (CentralMove c : page) {
            Move m = moveRepository.findByCentralId(c.centralId()).orElseThrow();
            assertThat(m.getReference()).isEqualTo(c.reference());
            assertThat(m.getStatus()).isEqualTo(MoveStatus.REQUESTED);
            assertThat(m.getDate()).isEqualTo(c.date());
            assertThat(m.getTimeDue()).isEqualTo(LocalTime.of(9, 30));
            assertThat(m.getTo().getId()).isEqualTo(StoreFixture.LEEDS);
            assertThat(m.getNotes()).isEqualTo("pulled in bulk");
            assertThat(m.isRefreshed()).isTrue();
            assertThat(m.getPerson().getCentralId()).isEqualTo(c.personCentralId());
            assertThat(m.getPerson().getPrisonNumber()).isEqualTo(c.prisonNumber());
            assertThat(m.getProfile().getCentralId()).isEqualTo(c.profileCentralId());
            assertThat(historyOf(m.getId())).isEqualTo(1);
        }
        assertThat(people.findByPrisonNumber(page.get(0).prisonNumber()).orElseThrow().getCentralId())
                .isEqualTo(page.get(0).personCentralId());
        assertThat(profiles.findByCentralId(page.get(0).profileCentralId())).isPresent();
        // 4 people (two moves share one) + 5 moves, chained like single appends
        assertThat(historyRows() - before).isEqualTo(9);
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void repeatedPageChangesNothingAndWritesNoHistory() {
        List<CentralMove> page = freshPage(4);
        sync.applyCentralPage(StoreFixture.system(), page);
        Move first = moveRepository.findByCentralId(page.get(0).centralId()).orElseThrow();
        long before = historyRows();
        assertThat(sync.applyCentralPage(StoreFixture.system(), page)).containsOnly(ApplyOutcome.UNCHANGED);
        assertThat(historyRows()).isEqualTo(before);
        Move again = moveRepository.findByCentralId(page.get(0).centralId()).orElseThrow();
        assertThat(again.getVersion()).isEqualTo(first.getVersion());
        assertThat(again.getPerson().getVersion()).isEqualTo(first.getPerson().getVersion());
        assertThat(jdbc.queryForObject("select count(*) from move where central_id = ?", Long.class, page.get(0).centralId()))
                .isEqualTo(1);
    }

    @Test
    void changedMovesAreUpdatedWithOneHistoryEntryEach() {
        List<CentralMove> page = freshPage(3);
        sync.applyCentralPage(StoreFixture.system(), page);
        LocalDate later = StoreFixture.uniqueDate();
        List<CentralMove> changed = List.of(withDate(page.get(0), later), page.get(1), withStatus(page.get(2), MoveStatus.BOOKED));
        assertThat(sync.applyCentralPage(StoreFixture.system(), changed))
                .containsExactly(ApplyOutcome.UPDATED, ApplyOutcome.UNCHANGED, ApplyOutcome.UPDATED);
        Move m0 = moveRepository.findByCentralId(page.get(0).centralId()).orElseThrow();
        Move m2 = moveRepository.findByCentralId(page.get(2).centralId()).orElseThrow();
        assertThat(m0.getDate()).isEqualTo(later);
        assertThat(m2.getStatus()).isEqualTo(MoveStatus.BOOKED);
        assertThat(historyOf(m0.getId())).isEqualTo(2);
        assertThat(historyOf(moveRepository.findByCentralId(page.get(1).centralId()).orElseThrow().getId())).isEqualTo(1);
        assertThat(historyOf(m2.getId())).isEqualTo(2);
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void contradictingPendingLocalChangeGoesToTheConflictInboxAndKeepsTheLocalState() {
        Person p = fixture.knownPerson("PagedConflict");
        Move m = fixture.bookRequested(p, StoreFixture.MOORLAND, StoreFixture.LEEDS, StoreFixture.uniqueDate());
        OutboxEntry create = centralEntries(m).get(0);
        String centralId = UUID.randomUUID().toString();
        outbox.markConfirmed(create.getId(), centralId);
        sync.linkCentral(m.getId(), centralId, "PGC0001A");
        moves.accept(StoreFixture.staff(), m.getId(), null, null);
        moves.start(StoreFixture.staff(), m.getId(), null, null);
        Person stored = people.find(p.getId()).orElseThrow();
        CentralMove cancelled = new CentralMove(centralId, "PGC0001A", MoveStatus.CANCELLED, MoveType.PRISON_TRANSFER,
                m.getDate(), LocalTime.NOON, StoreFixture.MOORLAND, StoreFixture.LEEDS, stored.getCentralId(),
                stored.getPrisonNumber(), stored.getFirstNames(), stored.getLastName(), stored.getDateOfBirth(), null, null,
                null, null, null);
        List<CentralMove> page = new ArrayList<>(freshPage(2));
        page.add(1, cancelled);
        List<ApplyOutcome> outcomes = sync.applyCentralPage(StoreFixture.system(), page);
        assertThat(outcomes).containsExactly(ApplyOutcome.INSERTED, ApplyOutcome.CONFLICT, ApplyOutcome.INSERTED);
        OutboxEntry accept = centralEntries(m).get(1);
        assertThat(accept.getState()).isEqualTo(OutboxState.CONFLICT);
        assertThat(Json.read(accept.getConflictRemote()).get("status").asText()).isEqualTo("cancelled");
        assertThat(moves.get(StoreFixture.staff(), m.getId()).getStatus()).isEqualTo(MoveStatus.IN_TRANSIT);
        assertThat(jdbc.queryForObject("select count(*) from history where aggregate_id = ? and event_type = 'move.sync-conflict'",
                Long.class, m.getId().toString())).isEqualTo(1);
        // the same page again: still one conflict, no second conflict entry
        assertThat(sync.applyCentralPage(StoreFixture.system(), page).get(1)).isEqualTo(ApplyOutcome.CONFLICT);
        assertThat(jdbc.queryForObject("select count(*) from history where aggregate_id = ? and event_type = 'move.sync-conflict'",
                Long.class, m.getId().toString())).isEqualTo(1);
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void unknownLocationsAreSkippedAndRebooksLinkedWithinAPage() {
        Person p = fixture.knownPerson("PagedRebook");
        LocalDate date = StoreFixture.uniqueDate();
        Move proposed = moves.book(StoreFixture.staff(), new BookMove(p.getId(), MoveType.PRISON_TRANSFER,
                StoreFixture.MOORLAND, StoreFixture.LEEDS, date, null, null, true));
        Move rejected = moves.reject(StoreFixture.staff(), proposed.getId(), null, RejectionReason.MORE_INFO_REQUIRED, true, null);
        Person stored = people.find(p.getId()).orElseThrow();
        String centralRebook = UUID.randomUUID().toString();
        CentralMove rebook = new CentralMove(centralRebook, "PGR0001A", MoveStatus.PROPOSED, MoveType.PRISON_TRANSFER,
                date.plusDays(7), null, StoreFixture.MOORLAND, StoreFixture.LEEDS, stored.getCentralId(), stored.getPrisonNumber(),
                stored.getFirstNames(), stored.getLastName(), stored.getDateOfBirth(), null, null, null, null, null);
        CentralMove nowhere = new CentralMove(UUID.randomUUID().toString(), "PGN0001A", MoveStatus.BOOKED,
                MoveType.PRISON_TRANSFER, date, null, StoreFixture.MOORLAND, UUID.randomUUID(), UUID.randomUUID().toString(),
                StoreFixture.uniquePrisonNumber(), "No", "Where", null, null, null, null, null, null);
        assertThat(sync.applyCentralPage(StoreFixture.system(), List.of(nowhere, rebook)))
                .containsExactly(ApplyOutcome.SKIPPED_UNKNOWN_LOCATION, ApplyOutcome.LINKED);
        assertThat(moves.get(StoreFixture.staff(), rejected.getRebookedAs()).getCentralId()).isEqualTo(centralRebook);
        assertThat(moveRepository.findByCentralId(nowhere.centralId())).isEmpty();
        assertThat(people.findByPrisonNumber(nowhere.prisonNumber())).isEmpty();
    }

    @Test
    void anIncompleteMoveRejectsTheWholePageBeforeAnythingIsStored() {
        List<CentralMove> page = new ArrayList<>(freshPage(2));
        page.add(new CentralMove(null, "BAD0001A", MoveStatus.BOOKED, MoveType.PRISON_TRANSFER, LocalDate.now(), null,
                StoreFixture.MOORLAND, null, null, null, null, null, null, null, null, null, null, null));
        assertThatThrownBy(() -> sync.applyCentralPage(StoreFixture.system(), page)).isInstanceOf(ValidationException.class);
        assertThat(moveRepository.findByCentralId(page.get(0).centralId())).isEmpty();
    }

    private List<OutboxEntry> centralEntries(Move m) {
        return outbox.forAggregate(AggregateType.MOVE, m.getId().toString()).stream()
                .filter(e -> e.getChannel() == OutboxChannel.CENTRAL).toList();
    }
}
