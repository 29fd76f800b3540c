package org.movedesk.core.history.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The explorer against the real H2 store. Each test records its own moves by operators whose
 * names no other test uses, in a time window of its own (the clock is moved years ahead), so
 * the expected rows are known exactly while the store is shared.
 */
class HistoryExplorerTest extends CoreIntegrationTest {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    HistoryExplorer explorer;
    @Autowired
    MoveService moves;
    @Autowired
    OutboxService outbox;

    Actor clerk;
    Actor otherClerk;
    Actor driver;
    Instant windowStart;

    @BeforeEach
    void ownOperatorsAndWindow() {
        int n = RUN.incrementAndGet();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        clerk = new Actor("clerk-" + tag, Set.of(Role.PRISON_STAFF), StoreFixture.DESK);
        otherClerk = new Actor("other-" + tag, Set.of(Role.PRISON_STAFF), "desk-" + tag);
        driver = new Actor("driver-" + tag, Set.of(Role.SUPPLIER), StoreFixture.DESK);
        clock.advance(Duration.ofDays(3650L + 40L * n));
        windowStart = clock.instant().minusSeconds(1);
    }

    private Move book(Actor who, UUID from, UUID to, MoveType type, String notes) {
        Person p = fixture.knownPerson("Explorer");
        clock.advance(Duration.ofMinutes(1));
        return moves.book(who, new BookMove(p.getId(), type, from, to, StoreFixture.uniqueDate(), LocalTime.NOON, notes,
                false));
    }

    private ExplorerFilter.Builder mine() {
        return ExplorerFilter.builder().operators(Set.of(clerk.username(), otherClerk.username(), driver.username()));
    }

    private List<ExplorerEntry> all(Actor actor, ExplorerFilter f) {
        List<ExplorerEntry> out = new ArrayList<>();
        HistoryCursor cursor = null;
        do {
            ExplorerPage page = explorer.page(actor, f, cursor, 2);
            out.addAll(page.entries());
            cursor = page.next();
        } while (cursor != null);
        return out;
    }

    @Test
    void eachFilterAndTheirCombinationsFindExactlyTheRecordedEntries() {
        Move a = book(clerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER, "Escort van delayed by traffic");
        Move b = book(otherClerk, StoreFixture.BRIXTON, StoreFixture.GUILDFORD_COURT, MoveType.COURT_APPEARANCE, null);
        clock.advance(Duration.ofMinutes(5));
        Instant middle = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        moves.accept(driver, a.getId(), null, "collected late from reception");
        moves.cancel(otherClerk, b.getId(), null, CancellationReason.MADE_IN_ERROR, "wrong court");
        Actor boss = StoreFixture.supervisor();

        assertThat(all(boss, mine().build())).extracting(ExplorerEntry::eventType)
                .containsExactly("move.cancelled", "move.accepted", "move.booked", "move.booked");
        // operator
        assertThat(all(boss, mine().operator(driver.username()).build())).extracting(ExplorerEntry::eventType)
                .containsExactly("move.accepted");
        // location matches origin or destination
        assertThat(all(boss, mine().location(StoreFixture.LEEDS).build())).extracting(ExplorerEntry::aggregateId)
                .containsOnly(a.getId().toString()).hasSize(2);
        assertThat(all(boss, mine().location(StoreFixture.BRIXTON).build())).extracting(ExplorerEntry::aggregateId)
                .containsOnly(b.getId().toString()).hasSize(2);
        // date range: [from, to)
        assertThat(all(boss, mine().between(middle, null).build())).extracting(ExplorerEntry::eventType)
                .containsExactly("move.cancelled", "move.accepted");
        assertThat(all(boss, mine().between(windowStart, middle).build())).hasSize(2)
                .allMatch(e -> e.eventType().equals("move.booked"));
        // desk
        assertThat(all(boss, mine().desks(Set.of(otherClerk.deskId())).build())).extracting(ExplorerEntry::operator)
                .containsOnly(otherClerk.username()).hasSize(2);
        // event type, move type, status
        assertThat(all(boss, mine().eventType("move.booked").build())).hasSize(2);
        assertThat(all(boss, mine().moveTypes(Set.of(MoveType.COURT_APPEARANCE)).build())).hasSize(2)
                .allMatch(e -> e.aggregateId().equals(b.getId().toString()));
        assertThat(all(boss, mine().status(MoveStatus.CANCELLED).build())).extracting(ExplorerEntry::eventType)
                .containsExactly("move.cancelled");
        // free text: whole words, any case, every word must appear
        assertThat(all(boss, mine().text("TRAFFIC").build())).extracting(ExplorerEntry::eventType)
                .containsExactly("move.booked");
        assertThat(all(boss, mine().text("late reception").build())).extracting(ExplorerEntry::operator)
                .containsExactly(driver.username());
        assertThat(all(boss, mine().text("late traffic").build())).isEmpty();
        assertThat(all(boss, mine().text("traff").build())).as("whole words only").isEmpty();
        // person and reference and aggregate
        assertThat(all(boss, mine().prisonNumber(a.getPerson().getPrisonNumber().toLowerCase()).build())).hasSize(2);
        assertThat(all(boss, mine().aggregate(AggregateType.MOVE, b.getId().toString()).build())).hasSize(2);
        // combinations
        assertThat(all(boss, mine().location(StoreFixture.LEEDS).eventType("move.accepted").between(middle, null).build()))
                .extracting(ExplorerEntry::operator).containsExactly(driver.username());
        assertThat(all(boss, mine().status(MoveStatus.REQUESTED).moveTypes(Set.of(MoveType.PRISON_TRANSFER))
                .desks(Set.of(StoreFixture.DESK)).build())).extracting(ExplorerEntry::aggregateId)
                .containsExactly(a.getId().toString());
        assertThat(all(boss, mine().operator(clerk.username()).status(MoveStatus.CANCELLED).build())).isEmpty();
        assertThat(all(boss, mine().text("wrong").location(StoreFixture.LEEDS).build())).isEmpty();
    }

    @Test
    void pagesAreNewestFirstWithoutGapsOrRepeatsEvenWhenEntriesArriveMeanwhile() {
        List<Move> booked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            booked.add(book(clerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER, null));
        }
        ExplorerFilter f = mine().build();
        ExplorerPage first = explorer.page(StoreFixture.supervisor(), f, null, 3);
        assertThat(first.entries()).hasSize(3);
        // a new entry arrives between two page requests: it is newer, so it never enters later pages
        book(clerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER, null);
        List<ExplorerEntry> seen = new ArrayList<>(first.entries());
        HistoryCursor cursor = first.next();
        while (cursor != null) {
            ExplorerPage p = explorer.page(StoreFixture.supervisor(), f, HistoryCursor.parse(cursor.token()), 3);
            seen.addAll(p.entries());
            cursor = p.next();
        }
        List<String> newestFirst = new ArrayList<>(booked.stream().map(m -> m.getId().toString()).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).extracting(ExplorerEntry::aggregateId).containsExactlyElementsOf(newestFirst);
        assertThat(seen).isSortedAccordingTo((x, y) -> y.occurredAt().compareTo(x.occurredAt()));
    }

    @Test
    void eachEntrySaysWhetherTheCentreConfirmedIt() {
        Move m = book(clerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER, null);
        List<OutboxEntry> entries = outbox.forAggregate(AggregateType.MOVE, m.getId().toString());
        OutboxEntry create = entries.stream().filter(e -> e.getChannel() == OutboxChannel.CENTRAL).findFirst().orElseThrow();
        assertThat(create.getHistoryId()).as("the outbox entry points at its history entry").isNotNull();

        ExplorerFilter f = mine().aggregate(AggregateType.MOVE, m.getId().toString()).build();
        assertThat(explorer.page(StoreFixture.supervisor(), f, null, 10).entries())
                .extracting(ExplorerEntry::syncState).containsExactly(SyncState.RECORDED_OFFLINE);

        outbox.markInFlight(create.getId());
        outbox.markConfirmed(create.getId(), UUID.randomUUID().toString());
        assertThat(explorer.page(StoreFixture.supervisor(), f, null, 10).entries())
                .extracting(ExplorerEntry::syncState).containsExactly(SyncState.CONFIRMED_CENTRALLY);
    }

    @Test
    void drillDownShowsTheTimelineWithFieldLevelChanges() {
        Move m = book(clerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER, null);
        moves.redirect(clerk, m.getId(), null, StoreFixture.BRIXTON, "court changed");
        moves.cancel(clerk, m.getId(), null, CancellationReason.OTHER, "not needed");

        List<TimelineEntry> timeline = explorer.moveTimeline(StoreFixture.supervisor(), m.getId());
        assertThat(timeline).extracting(t -> t.entry().eventType())
                .containsExactly("move.booked", "move.redirected", "move.cancelled");
        assertThat(timeline.get(0).changes()).extracting(FieldChange::field).contains("status", "fromLocationId");
        assertThat(timeline.get(0).changes()).allMatch(c -> c.before() == null);
        assertThat(timeline.get(1).changes()).containsExactly(
                new FieldChange("toLocationId", StoreFixture.LEEDS.toString(), StoreFixture.BRIXTON.toString()));
        assertThat(timeline.get(2).changes()).contains(new FieldChange("status", "requested", "cancelled"),
                new FieldChange("cancellationReason", null, "other"),
                new FieldChange("cancellationComment", null, "not needed"));

        List<TimelineEntry> person = explorer.personTimeline(StoreFixture.supervisor(), m.getPerson().getPrisonNumber());
        assertThat(person).extracting(t -> t.entry().eventType()).contains("person.refreshed", "move.booked",
                "move.cancelled");
    }

    @Test
    void onlySupervisorsAndAdminsSeeOtherOperatorsActivity() {
        book(clerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER, null);
        Move theirs = book(otherClerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER, null);

        assertThatThrownBy(() -> explorer.page(clerk, ExplorerFilter.builder().operator(otherClerk.username()).build(),
                null, 10)).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining(clerk.username()).hasMessageContaining("SUPERVISOR or ADMIN");
        assertThatThrownBy(() -> explorer.page(clerk, mine().build(), null, 10))
                .isInstanceOf(PermissionDeniedException.class);
        // without an operator filter a clerk silently gets their own entries only
        assertThat(all(clerk, ExplorerFilter.builder().between(windowStart, null).build()))
                .isNotEmpty().allMatch(e -> e.operator().equals(clerk.username()));
        assertThat(explorer.moveTimeline(clerk, theirs.getId())).isEmpty();
        assertThat(explorer.moveTimeline(otherClerk, theirs.getId())).hasSize(1);
        assertThat(all(StoreFixture.admin(), mine().build())).extracting(ExplorerEntry::operator)
                .contains(clerk.username(), otherClerk.username());
        assertThatThrownBy(() -> explorer.page(null, ExplorerFilter.all(), null, 10))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> explorer.page(StoreFixture.supervisor(), ExplorerFilter.all(), null, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1 to 500");
        assertThatThrownBy(() -> ExplorerFilter.builder().between(Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z")).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("after its start");
        assertThatThrownBy(() -> ExplorerFilter.builder().text(" - ").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least one word");
        assertThatThrownBy(() -> HistoryCursor.parse("yesterday"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not valid");
    }

    @Test
    void freeTextWithAnOperatorWalksTheWordAndOperatorPairIndex() {
        Move a = book(clerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER,
                "Interpreter needed for the hearing");
        Move b = book(otherClerk, StoreFixture.BRIXTON, StoreFixture.GUILDFORD_COURT, MoveType.COURT_APPEARANCE,
                "interpreter booked by the court");
        moves.accept(driver, a.getId(), null, "no interpreter at reception, collected anyway");
        moves.accept(driver, b.getId(), null, "collected on time");
        Actor boss = StoreFixture.supervisor();

        // matches: only the entries whose notes hold the word AND that the operator recorded
        ExplorerFilter clerkText = ExplorerFilter.builder().operator(clerk.username()).text("interpreter").build();
        assertThat(explorer.plan(clerkText).branches()).extracting(HistoryExplorer.Branch::index)
                .containsExactly("ix_hnw_word_operator");
        assertThat(all(boss, clerkText)).extracting(ExplorerEntry::aggregateId, ExplorerEntry::eventType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.getId().toString(), "move.booked"));
        assertThat(all(boss, ExplorerFilter.builder().operator(driver.username()).text("INTERPRETER reception")
                .build())).extracting(ExplorerEntry::eventType).containsExactly("move.accepted");
        // several operators: one pair walk each, merged newest first
        assertThat(all(boss, ExplorerFilter.builder().operators(Set.of(clerk.username(), otherClerk.username(),
                driver.username())).text("interpreter").build())).extracting(ExplorerEntry::operator)
                .containsExactly(driver.username(), otherClerk.username(), clerk.username());
        assertThat(explorer.count(boss, ExplorerFilter.builder().operators(Set.of(clerk.username(),
                driver.username())).text("interpreter").build())).isEqualTo(2);
        // contradictions: each part matches on its own, never together
        assertThat(all(boss, ExplorerFilter.builder().operator(driver.username()).text("hearing").build())).isEmpty();
        assertThat(all(boss, ExplorerFilter.builder().operator(otherClerk.username()).text("interpreter reception")
                .build())).isEmpty();
        assertThat(explorer.count(boss, ExplorerFilter.builder().operator(clerk.username()).text("court").build()))
                .isZero();
        // a non-supervisor's own filter is limited to their own operator, so it takes the pair walk too
        assertThat(all(clerk, ExplorerFilter.builder().text("interpreter").build())).extracting(ExplorerEntry::aggregateId)
                .containsExactly(a.getId().toString());
    }

    @Test
    void everyDrivingIndexDeliversThePageOrderSoH2StopsAtTheLimit() {
        List<ExplorerFilter> filters = List.of(ExplorerFilter.all(),
                ExplorerFilter.builder().operator("x").between(windowStart, null).build(),
                ExplorerFilter.builder().location(StoreFixture.LEEDS).status(MoveStatus.BOOKED).build(),
                ExplorerFilter.builder().eventType("move.booked").build(),
                ExplorerFilter.builder().desks(Set.of("d")).build(),
                ExplorerFilter.builder().moveTypes(Set.of(MoveType.HOSPITAL)).build(),
                ExplorerFilter.builder().prisonNumber("A1234BC").build(),
                ExplorerFilter.builder().moveReference("ABC1234D").build(),
                ExplorerFilter.builder().text("escort delayed").build(),
                ExplorerFilter.builder().text("interpreter").operators(Set.of("x", "y")).build(),
                ExplorerFilter.builder().status(MoveStatus.CANCELLED).moveTypes(Set.of(MoveType.HOSPITAL)).build(),
                ExplorerFilter.builder().eventType("move.booked").status(MoveStatus.COMPLETED).build());
        for (ExplorerFilter f : filters) {
            for (String plan : explorer.explain(f, 50)) {
                assertThat(plan).as(plan).containsIgnoringCase("index sorted");
            }
        }
    }

    @Test
    void theNarrowestPartDrivesTheQuery() {
        Move m = book(clerk, StoreFixture.MOORLAND, StoreFixture.LEEDS, MoveType.PRISON_TRANSFER, null);
        ExplorerFilter f = ExplorerFilter.builder().status(MoveStatus.REQUESTED)
                .moveReference(null).aggregate(null, m.getId().toString()).build();
        assertThat(explorer.plan(f).branches()).extracting(HistoryExplorer.Branch::index)
                .containsExactly("ix_hx_aggregate");
        assertThat(explorer.plan(ExplorerFilter.all()).branches()).extracting(HistoryExplorer.Branch::index)
                .containsExactly("ix_hx_newest");
        assertThat(explorer.plan(ExplorerFilter.builder().location(StoreFixture.LEEDS).build()).branches())
                .extracting(HistoryExplorer.Branch::index).containsExactly("ix_hx_from", "ix_hx_to");
        assertThat(explorer.count(StoreFixture.supervisor(), mine().build())).isEqualTo(1);
        // two common parts rarely true together: their pair index drives (V45), a desk never does
        assertThat(explorer.plan(ExplorerFilter.builder().status(MoveStatus.CANCELLED)
                .moveTypes(Set.of(MoveType.HOSPITAL)).build()).branches())
                .extracting(HistoryExplorer.Branch::index).containsExactly("ix_hx_status_type");
        assertThat(explorer.plan(ExplorerFilter.builder().eventType("move.booked").status(MoveStatus.COMPLETED)
                .build()).branches()).extracting(HistoryExplorer.Branch::index).containsExactly("ix_hx_event_status");
        assertThat(explorer.plan(ExplorerFilter.builder().desks(Set.of("d")).build()).branches())
                .extracting(HistoryExplorer.Branch::index).containsExactly("ix_hx_newest");
    }
}
