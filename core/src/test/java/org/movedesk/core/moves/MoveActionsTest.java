package org.movedesk.core.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.movedesk.core.common.DuplicateMoveException;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.MoveChanged;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.movedesk.core.outbox.OutboxAction;
import org.movedesk.core.outbox.OutboxChannel;
import org.movedesk.core.outbox.OutboxEntry;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.core.people.Person;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.fasterxml.jackson.databind.JsonNode;

@RecordApplicationEvents
class MoveActionsTest extends CoreIntegrationTest {

    @Autowired
    MoveService moves;
    @Autowired
    OutboxService outbox;

    private List<OutboxEntry> entries(Move m, OutboxChannel channel) {
        return outbox.forAggregate(AggregateType.MOVE, m.getId().toString()).stream()
                .filter(e -> e.getChannel() == channel).toList();
    }

    private Move proposed(Person p, LocalDate date) {
        return moves.book(StoreFixture.staff(), new BookMove(p.getId(), MoveType.PRISON_TRANSFER, StoreFixture.MOORLAND,
                StoreFixture.LEEDS, date, null, "first note", true));
    }

    @Test
    void approveNeedsADateAndChecksDuplicates() {
        Person p = fixture.knownPerson("Approve");
        Move undated = proposed(p, null);
        assertThatThrownBy(() -> moves.approve(StoreFixture.staff(), undated.getId(), null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("date"));
        LocalDate date = StoreFixture.uniqueDate();
        Move approved = moves.approve(StoreFixture.staff(), undated.getId(), undated.getVersion(), date, "ok");
        assertThat(approved.getStatus()).isEqualTo(MoveStatus.REQUESTED);
        assertThat(approved.getDate()).isEqualTo(date);
        JsonNode payload = Json.read(entries(approved, OutboxChannel.CENTRAL).get(1).getPayload());
        assertThat(payload.get("date").asText()).isEqualTo(date.toString());
        assertThat(payload.get("fromStatus").asText()).isEqualTo("proposed");
        assertThat(payload.get("toStatus").asText()).isEqualTo("requested");
        assertThat(payload.get("notes").asText()).isEqualTo("ok");

        Move second = proposed(p, date);
        assertThatThrownBy(() -> moves.approve(StoreFixture.staff(), second.getId(), null, null, null))
                .isInstanceOf(DuplicateMoveException.class);
    }

    @Test
    void rejectWithRebookMakesAProposedMoveSevenDaysLater() {
        Person p = fixture.knownPerson("Reject");
        LocalDate date = StoreFixture.uniqueDate();
        Move m = proposed(p, date);
        assertThatThrownBy(() -> moves.reject(StoreFixture.staff(), m.getId(), null, null, false, null))
                .isInstanceOf(ValidationException.class);
        Move rejected = moves.reject(StoreFixture.staff(), m.getId(), m.getVersion(), RejectionReason.NO_SPACE_AT_RECEIVING_PRISON,
                true, "full");
        assertThat(rejected.getStatus()).isEqualTo(MoveStatus.CANCELLED);
        assertThat(rejected.getCancellationReason()).isEqualTo(CancellationReason.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo(RejectionReason.NO_SPACE_AT_RECEIVING_PRISON);
        Move rebooked = moves.get(StoreFixture.staff(), rejected.getRebookedAs());
        assertThat(rebooked.getStatus()).isEqualTo(MoveStatus.PROPOSED);
        assertThat(rebooked.getDate()).isEqualTo(date.plusDays(7));
        assertThat(rebooked.getRebookedFrom()).isEqualTo(m.getId());
        // the centre rebooks itself: no CREATE_MOVE for the copy
        assertThat(entries(rebooked, OutboxChannel.CENTRAL)).isEmpty();
        JsonNode payload = Json.read(entries(rejected, OutboxChannel.CENTRAL).get(1).getPayload());
        assertThat(payload.get("rejectionReason").asText()).isEqualTo("no_space_at_receiving_prison");
        assertThat(payload.get("rebook").asBoolean()).isTrue();
    }

    @Test
    void cancelNeedsACentralReason() {
        Move m = fixture.bookRequested();
        assertThatThrownBy(() -> moves.cancel(StoreFixture.staff(), m.getId(), null, null, null))
                .isInstanceOf(ValidationException.class);
        Move cancelled = moves.cancel(StoreFixture.staff(), m.getId(), null, CancellationReason.PRISONER_REFUSAL, "refused");
        assertThat(cancelled.getCancellationComment()).isEqualTo("refused");
        JsonNode payload = Json.read(entries(cancelled, OutboxChannel.CENTRAL).get(1).getPayload());
        assertThat(payload.get("cancellationReason").asText()).isEqualTo("prisoner_refusal");
        assertThat(CancellationReason.fromApi("list_received_after_5_pm")).isEqualTo(CancellationReason.LIST_RECEIVED_AFTER_5_PM);
        assertThat(CancellationReason.values()).hasSize(29);
    }

    @Test
    void redirectChangesDestinationOnly() {
        Move m = fixture.bookRequested();
        assertThatThrownBy(() -> moves.redirect(StoreFixture.staff(), m.getId(), null, StoreFixture.MOORLAND, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("differ");
        assertThatThrownBy(() -> moves.redirect(StoreFixture.staff(), m.getId(), null, StoreFixture.LEEDS, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already going");
        Move r = moves.redirect(StoreFixture.staff(), m.getId(), null, StoreFixture.BRIXTON, "space at Brixton");
        assertThat(r.getTo().getId()).isEqualTo(StoreFixture.BRIXTON);
        assertThat(r.getStatus()).isEqualTo(MoveStatus.REQUESTED);
        JsonNode payload = Json.read(entries(r, OutboxChannel.CENTRAL).get(1).getPayload());
        assertThat(payload.get("toLocationId").asText()).isEqualTo(StoreFixture.BRIXTON.toString());
    }

    @Test
    void topicEventCarriesOurMoveEvent() {
        Move m = fixture.bookRequested();
        Move accepted = moves.accept(StoreFixture.supplier(), m.getId(), null, null);
        List<OutboxEntry> topic = entries(accepted, OutboxChannel.TOPIC);
        assertThat(topic).extracting(OutboxEntry::getAction).containsOnly(OutboxAction.PUBLISH_EVENT);
        JsonNode booked = Json.read(topic.get(0).getPayload());
        JsonNode acceptedEvent = Json.read(topic.get(1).getPayload());
        assertThat(booked.get("eventType").asText()).isEqualTo("movedesk.move.booked");
        JsonNode msg = acceptedEvent.get("message");
        assertThat(msg.get("eventType").asText()).isEqualTo("movedesk.move.accepted");
        assertThat(msg.get("version").asInt()).isEqualTo(1);
        assertThat(UUID.fromString(msg.get("eventId").asText())).isEqualTo(UUID.fromString(acceptedEvent.get("eventId").asText()));
        assertThat(msg.get("moveId").asText()).isEqualTo(m.getId().toString());
        assertThat(msg.get("status").asText()).isEqualTo("booked");
        assertThat(msg.get("moveType").asText()).isEqualTo("prison_transfer");
        assertThat(msg.get("fromAgencyId").asText()).isEqualTo("MDI");
        assertThat(msg.get("toAgencyId").asText()).isEqualTo("LEI");
        assertThat(msg.get("prisonNumber").asText()).isEqualTo(m.getPerson().getPrisonNumber());
        assertThat(msg.has("occurredAt")).isTrue();
        assertThat(msg.get("reference").isNull()).isTrue();
        // every entry has its own idempotency key
        assertThat(outbox.forAggregate(AggregateType.MOVE, m.getId().toString())).extracting(OutboxEntry::getIdempotencyKey)
                .doesNotHaveDuplicates();
    }

    @Test
    void allowedActionsFollowRolesAndStatus() {
        Move m = fixture.bookRequested();
        assertThat(moves.allowedActions(StoreFixture.staff(), m)).containsExactlyInAnyOrder(MoveAction.REJECT,
                MoveAction.ACCEPT, MoveAction.CANCEL, MoveAction.REDIRECT);
        assertThat(moves.allowedActions(StoreFixture.supplier(), m)).containsExactly(MoveAction.ACCEPT);
        assertThat(moves.allowedActions(new Actor("rp", Set.of(Role.RP_SEARCH), "d"), m)).isEmpty();
    }

    @Test
    void listenersHearAboutTheChangeAfterCommitOnly(@Autowired ApplicationEvents events) {
        Move m = fixture.bookRequested();
        assertThat(events.stream(MoveChanged.class)).contains(new MoveChanged(m.getId()));
        events.clear();
        assertThatThrownBy(() -> moves.complete(StoreFixture.staff(), m.getId(), null, null));
        assertThat(events.stream(MoveChanged.class)).isEmpty();
    }
}
