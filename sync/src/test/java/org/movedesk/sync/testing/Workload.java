package org.movedesk.sync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.movedesk.core.moves.BookMove;
import org.movedesk.core.moves.CancellationReason;
import org.movedesk.core.moves.Move;
import org.movedesk.core.moves.MoveRepository;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxRepository;
import org.movedesk.core.outbox.OutboxState;
import org.movedesk.sandbox.LedgerEntry;
import org.movedesk.sandbox.Sandbox;
import org.movedesk.sandbox.SandboxState;

/**
 * Records a realistic queue at a desk whose reference data and people come from the sandbox, and
 * checks afterwards that the centre applied every action exactly once and ended where the desk is.
 */
public final class Workload {

    private Workload() {
    }

    /** Locations from the centre (the same ids), and {@code count} people in prison with their profiles. */
    public static List<SandboxState.PersonSnapshot> prepare(DeskHarness desk, Sandbox sandbox, int count) throws Exception {
        desk.pull.refresh(); // the desk has no own locations yet: this brings the reference data only
        List<SandboxState.PersonSnapshot> people = sandbox.state().peopleInPrison().stream()
                .filter(p -> !p.profileIds().isEmpty() && p.prisonAgencyId() != null)
                .limit(count).toList();
        assertThat(people).as("sandbox people in prison with a profile").hasSize(count);
        for (SandboxState.PersonSnapshot p : people) {
            desk.knownPerson(p.id().toString(), p.prisonNumber(), p.profileIds().get(0).toString());
        }
        return people;
    }

    /**
     * One move per person from their prison to a court, taken through a mix of life cycles:
     * booked-accepted-started-completed, booked-cancelled, booked-accepted.
     *
     * @return how many outbox entries were recorded
     */
    public static int recordMoves(DeskHarness desk, Sandbox sandbox, List<SandboxState.PersonSnapshot> people, int offsetDays) {
        List<SandboxState.LocationSnapshot> courts = sandbox.state().locationsOfType("court");
        int entries = 0;
        int i = 0;
        for (SandboxState.PersonSnapshot p : people) {
            UUID personId = desk.people().findByPrisonNumber(p.prisonNumber()).orElseThrow().getId();
            UUID prison = sandbox.state().locationByAgencyId(p.prisonAgencyId()).orElseThrow().id();
            UUID court = courts.get(i % courts.size()).id();
            Move m = desk.moves().book(DeskHarness.staff(), new BookMove(personId, MoveType.COURT_APPEARANCE, prison, court,
                    LocalDate.now().plusDays(offsetDays + (i % 5)), null, null, false));
            entries++;
            switch (i % 3) {
                case 0 -> {
                    desk.moves().accept(DeskHarness.staff(), m.getId(), null, null);
                    desk.moves().start(DeskHarness.staff(), m.getId(), null, null);
                    desk.moves().complete(DeskHarness.staff(), m.getId(), null, null);
                    entries += 3;
                }
                case 1 -> {
                    desk.moves().cancel(DeskHarness.staff(), m.getId(), null, CancellationReason.MADE_IN_ERROR, "test");
                    entries++;
                }
                default -> {
                    desk.moves().accept(DeskHarness.staff(), m.getId(), null, "accepted");
                    entries++;
                }
            }
            i++;
        }
        return entries;
    }

    /** Every CENTRAL entry confirmed, the ledger shows each applied once, and central statuses equal local ones. */
    public static void verifyExactlyOnce(DeskHarness desk, Sandbox sandbox) {
        List<OutboxEntry> central = desk.bean(OutboxRepository.class).findAll().stream()
                .filter(e -> e.getChannel() == OutboxChannel.CENTRAL).toList();
        assertThat(central).extracting(OutboxEntry::getState).containsOnly(OutboxState.CONFIRMED);
        List<LedgerEntry> ledger = sandbox.ledger();
        Map<String, Long> perKey = ledger.stream().filter(l -> l.idempotencyKey() != null)
                .collect(Collectors.groupingBy(LedgerEntry::idempotencyKey, Collectors.counting()));
        assertThat(perKey.values()).as("applications per idempotency key").containsOnly(1L);
        assertThat(ledger).as("one ledger entry per recorded action").hasSize(central.size());
        Map<String, Long> perAction = new HashMap<>();
        for (LedgerEntry l : ledger) {
            perAction.merge(l.action() + " " + l.resourceId(), 1L, Long::sum);
        }
        assertThat(perAction.values()).as("each action applied once per resource").containsOnly(1L);
        List<String> mismatches = new ArrayList<>();
        for (Move m : desk.bean(MoveRepository.class).findAll()) {
            if (m.getCentralId() == null) {
                mismatches.add(m.getId() + " has no central id");
                continue;
            }
            String centralStatus = sandbox.state().moveStatus(UUID.fromString(m.getCentralId())).orElse("missing");
            if (!centralStatus.equals(m.getStatus().apiValue())) {
                mismatches.add(m.getReference() + ": desk " + m.getStatus().apiValue() + ", centre " + centralStatus);
            }
        }
        assertThat(mismatches).as("moves whose central state differs from the desk").isEmpty();
    }
}
