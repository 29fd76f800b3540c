package org.movedesk.sync.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movedesk.core.desk.DeskService;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveRepository;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxConfig;
import org.movedesk.sandbox.SandboxState;
import org.movedesk.sync.moves.JsonApi;
import org.movedesk.sync.testing.DeskHarness;
import org.movedesk.sync.testing.Json;

/** Refresh from the sandbox into an empty cache, then the merge rules: pending local changes win, moves leave the window. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PullSandboxTest {

    @TempDir
    static Path store;
    static Sandbox sandbox;
    static DeskHarness desk;
    static Set<UUID> prisons;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().people(300).moves(250).build());
        desk = DeskHarness.start(store, sandbox.baseUri());
        desk.pull.refresh(); // reference data first, so the desk can name its own locations
        prisons = sandbox.state().locationsOfType("prison").stream().map(SandboxState.LocationSnapshot::id)
                .collect(Collectors.toSet());
        desk.bean(DeskService.class).setOwnLocations(new Actor("admin", Set.of(Role.ADMIN), DeskHarness.DESK), prisons);
    }

    @AfterAll
    static void stop() {
        desk.close();
        sandbox.close();
    }

    static Map<String, Move> localByCentralId() {
        return desk.bean(MoveRepository.class).findAll().stream().filter(m -> m.getCentralId() != null)
                .collect(Collectors.toMap(Move::getCentralId, Function.identity()));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aFullRefreshBringsEveryMoveOfTheDesksLocationsWithItsState() throws Exception {
        PullService.Result result = desk.pull.refresh();

        List<SandboxState.MoveSnapshot> central = sandbox.state().moves();
        Map<String, Move> local = localByCentralId();
        assertThat(result.moves()).isEqualTo(central.size());
        assertThat(local.keySet()).containsAll(central.stream().map(m -> m.id().toString()).toList());
        for (SandboxState.MoveSnapshot c : central) {
            Move m = local.get(c.id().toString());
            assertThat(m.getStatus().apiValue()).as(c.reference()).isEqualTo(c.status());
            assertThat(m.getReference()).isEqualTo(c.reference());
            assertThat(m.getDate()).isEqualTo(c.date());
            assertThat(m.getFrom().getId()).isEqualTo(c.fromLocationId());
            assertThat(m.getPerson().getCentralId()).isEqualTo(c.personId().toString());
        }
        assertThat(desk.status.current().lastPull()).isNotNull();
        assertThat(desk.contractProblems()).isEmpty();

        PullService.Result again = desk.pull.refresh();
        assertThat(again.moves()).isEqualTo(central.size());
        assertThat(localByCentralId()).hasSameSizeAs(local);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aCentralStatusThatContradictsAPendingLocalChangeGoesToTheConflictInbox() throws Exception {
        desk.pull.refresh();
        Move requested = localByCentralId().values().stream().filter(m -> m.getStatus() == MoveStatus.REQUESTED)
                .filter(m -> m.getDate().isAfter(LocalDate.now(Clock.systemUTC())))
                .findFirst().orElseThrow();
        desk.moves().accept(DeskHarness.staff(), requested.getId(), null, "accepted at the desk");
        // meanwhile someone cancels it at the centre
        var cancel = Json.MAPPER.createObjectNode();
        var data = JsonApi.document(Json.MAPPER, cancel, "cancels");
        ((com.fasterxml.jackson.databind.node.ObjectNode) data.get("attributes"))
                .put("timestamp", java.time.Instant.now().toString()).put("cancellation_reason", "made_in_error");
        assertThat(desk.clients.moves().moveEvent(requested.getCentralId(), "cancel", cancel, UUID.randomUUID(), "other-desk")
                .status()).isEqualTo(204);

        desk.pull.refresh();

        OutboxEntry accept = desk.outbox().forAggregate(AggregateType.MOVE, requested.getId().toString()).stream()
                .filter(e -> e.getAction() == OutboxAction.ACCEPT).findFirst().orElseThrow();
        assertThat(accept.getState()).isEqualTo(OutboxState.CONFLICT);
        assertThat(desk.bean(MoveRepository.class).findById(requested.getId()).orElseThrow().getStatus())
                .as("the desk's pending change is not overwritten").isEqualTo(MoveStatus.BOOKED);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void movesThatLeaveTheWindowAreKeptButMarkedNotRefreshed() throws Exception {
        desk.pull.refresh();
        PullService todayOnly = new PullService(desk.clients.moves(), desk.core, desk.status, Clock.systemUTC(),
                new PullSettings(0, 0, 500, java.time.Duration.ofMinutes(5)));

        todayOnly.refresh();

        LocalDate today = LocalDate.now(Clock.systemUTC());
        Set<Boolean> later = new HashSet<>();
        for (Move m : localByCentralId().values()) {
            if (m.getDate() != null && m.getDate().isAfter(today.plusDays(1))) {
                later.add(m.isRefreshed());
            }
            if (today.equals(m.getDate())) {
                assertThat(m.isRefreshed()).as(m.getReference()).isTrue();
            }
        }
        assertThat(later).containsExactly(false);
        desk.pull.refresh();
        assertThat(localByCentralId().values().stream().filter(m -> today.plusDays(3).equals(m.getDate()))
                .allMatch(Move::isRefreshed)).as("back in the window, refreshed again").isTrue();
    }
}
