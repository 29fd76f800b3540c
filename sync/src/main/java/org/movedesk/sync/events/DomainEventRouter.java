package org.movedesk.sync.events;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.movedesk.core.operators.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides what a consumed event means for this desk and applies it through core, inside one
 * transaction together with the de-duplication key and the per-prisoner watermark. Field
 * problems are found before the transaction starts and reported as poison.
 */
public class DomainEventRouter implements InboundEventHandler {

    private static final Logger log = LoggerFactory.getLogger(DomainEventRouter.class);

    public static final String PRISONER_RECEIVED = "prison-offender-events.prisoner.received";
    public static final String OFFENDER_RECEPTION = "OFFENDER_MOVEMENT-RECEPTION";
    public static final String PRISONER_RELEASED = "prisoner-offender-search.prisoner.released";
    public static final String PRISONER_MERGED = "prison-offender-events.prisoner.merged";
    public static final String PATIENT_ADDED = "restricted-patients.patient.added";
    public static final String PATIENT_REMOVED = "restricted-patients.patient.removed";
    public static final String PATIENT_PRISON_CHANGED = "restricted-patients.patient.supporting-prison-changed";
    public static final String RELEASED_TO_HOSPITAL = "RELEASED_TO_HOSPITAL";

    private final PatientReactions reactions;
    private final ConsumedEventLedger ledger;
    private final TransactionTemplate transactions;
    private final Supplier<String> deskId;
    private final String actorName;
    private final Clock clock;

    public DomainEventRouter(PatientReactions reactions, ConsumedEventLedger ledger, TransactionTemplate transactions,
                             Supplier<String> deskId, String actorName, Clock clock) {
        this.reactions = reactions;
        this.ledger = ledger;
        this.transactions = transactions;
        this.deskId = deskId;
        this.actorName = actorName;
        this.clock = clock;
    }

    @Override
    public EventOutcome handle(InboundEvent event) {
        return handle(event, null, null);
    }

    /**
     * The batch form: the de-duplication keys of the whole batch are looked up with one query.
     * Runs inside the listener's batch transaction, which each event's own transaction joins.
     */
    @Override
    public void handleAll(List<InboundEvent> events) {
        Set<String> consumed = new HashSet<>(ledger.alreadyConsumed(
                events.stream().map(InboundEvent::dedupKey).distinct().toList()));
        Map<String, Instant> watermarks = ledger.watermarks(events.stream().map(DomainEventRouter::subjectOf)
                .filter(java.util.Objects::nonNull).distinct().toList());
        for (InboundEvent event : events) {
            EventOutcome outcome = handle(event, consumed, watermarks);
            if (outcome == EventOutcome.APPLIED || outcome == EventOutcome.STALE) {
                // remembered now: a second copy of the key later in the same batch is a duplicate
                consumed.add(event.dedupKey());
            }
        }
    }

    /**
     * The prisoner an event is about, for the batch's one watermark query; null when unknown
     * (a broken event is found and reported later, one by one).
     */
    private static String subjectOf(InboundEvent event) {
        JsonNode p = event.payload();
        for (String path : List.of("additionalInformation.nomsNumber", "additionalInformation.prisonerNumber",
                "offenderIdDisplay")) {
            JsonNode node = p;
            for (String part : path.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node != null && node.isTextual()) {
                return node.asText();
            }
        }
        return null;
    }

    /**
     * @param consumed   keys known to be consumed already, or null to look the event's key up
     * @param watermarks newest times applied per prisoner, read for the whole batch (absent = none;
     *                   kept up to date here), or null to read and write them one by one
     */
    private EventOutcome handle(InboundEvent event, Set<String> consumed, Map<String, Instant> watermarks) {
        Optional<String> source = event.attribute(OutboxTopicPublisher.SOURCE_DESK);
        if (source.isPresent() && source.get().equals(deskId.get())) {
            log.debug("Own event {} came back; nothing to apply", event.eventType());
            return EventOutcome.IGNORED;
        }
        Reaction reaction = plan(event);
        if (reaction == null) {
            return EventOutcome.IGNORED;
        }
        Actor actor = Actor.system(actorName, deskId.get());
        return transactions.execute(status -> {
            if (consumed != null ? consumed.contains(event.dedupKey()) : ledger.alreadyConsumed(event.dedupKey())) {
                return EventOutcome.DUPLICATE;
            }
            Instant now = clock.instant();
            if (reaction.occurredAt() != null) {
                Optional<Instant> newest = watermarks != null && watermarks.containsKey(reaction.subject())
                        ? Optional.of(watermarks.get(reaction.subject()))
                        : watermarks != null && isBatchSubject(event, reaction) ? Optional.empty()
                        : ledger.watermark(reaction.subject());
                if (newest.isPresent() && newest.get().isAfter(reaction.occurredAt())) {
                    log.info("{} for {} at {} is older than the {} already applied; not applied",
                            event.eventType(), reaction.subject(), reaction.occurredAt(), newest.get());
                    ledger.remember(event.dedupKey(), event.eventType(), EventOutcome.STALE, now);
                    return EventOutcome.STALE;
                }
            }
            reaction.apply(actor);
            ledger.remember(event.dedupKey(), event.eventType(), EventOutcome.APPLIED, now);
            if (reaction.occurredAt() != null) {
                if (watermarks != null && isBatchSubject(event, reaction)) {
                    // read above in this transaction and not newer than this event
                    ledger.setWatermark(reaction.subject(), reaction.occurredAt(), event.eventType());
                    watermarks.put(reaction.subject(), reaction.occurredAt());
                } else {
                    ledger.advanceWatermark(reaction.subject(), reaction.occurredAt(), event.eventType());
                    if (watermarks != null) {
                        watermarks.merge(reaction.subject(), reaction.occurredAt(),
                                (known, applied) -> known.isAfter(applied) ? known : applied);
                    }
                }
            }
            return EventOutcome.APPLIED;
        });
    }

    /** Reads and checks the fields; null when this desk has nothing to do with the event. */
    private Reaction plan(InboundEvent event) {
        JsonNode p = event.payload();
        switch (event.eventType()) {
            case PRISONER_RECEIVED -> {
                String number = EventFields.requiredText(p, "additionalInformation.nomsNumber");
                return new Reaction(number, EventFields.optionalInstant(p, "occurredAt"),
                        actor -> reactions.prisonerReceived(actor, number));
            }
            case OFFENDER_RECEPTION -> {
                String number = EventFields.requiredText(p, "offenderIdDisplay");
                return new Reaction(number, EventFields.optionalInstant(p, "eventDatetime"),
                        actor -> reactions.prisonerReceived(actor, number));
            }
            case PRISONER_RELEASED -> {
                String number = EventFields.requiredText(p, "additionalInformation.nomsNumber");
                String reason = EventFields.requiredText(p, "additionalInformation.reason");
                Instant occurredAt = EventFields.optionalInstant(p, "occurredAt");
                if (!RELEASED_TO_HOSPITAL.equals(reason)) {
                    log.debug("Release of {} with reason {} is not for restricted patients", number, reason);
                    return null;
                }
                ReleasedToHospitalEvent released = ReleasedToHospitalEvent.from(p, number, occurredAt);
                return new Reaction(number, occurredAt, actor -> reactions.releasedToHospital(actor, released));
            }
            case PRISONER_MERGED -> {
                String kept = EventFields.requiredText(p, "additionalInformation.nomsNumber");
                String removed = EventFields.requiredText(p, "additionalInformation.removedNomsNumber");
                // No watermark: a merge is never superseded, it waits for a person.
                return new Reaction(kept, null, actor -> reactions.prisonerMerged(actor, kept, removed));
            }
            case PATIENT_ADDED, PATIENT_REMOVED, PATIENT_PRISON_CHANGED -> {
                String number = EventFields.requiredText(p, "additionalInformation.prisonerNumber");
                Instant occurredAt = EventFields.optionalInstant(p, "occurredAt");
                String type = event.eventType();
                return new Reaction(number, occurredAt,
                        actor -> reactions.centralPatientEvent(actor, type, number, occurredAt));
            }
            default -> {
                if (event.eventType().startsWith("movedesk.move.")) {
                    log.debug("Move event {} from desk {} is not applied here", event.eventType(),
                            event.attribute(OutboxTopicPublisher.SOURCE_DESK).orElse("?"));
                } else {
                    log.info("Unknown event type {} acknowledged without change (message {})", event.eventType(),
                            event.sqsMessageId());
                }
                return null;
            }
        }
    }

    /** Whether the batch's watermark query covered this event's subject. */
    private static boolean isBatchSubject(InboundEvent event, Reaction reaction) {
        return reaction.subject().equals(subjectOf(event));
    }

    private record Reaction(String subject, Instant occurredAt, java.util.function.Consumer<Actor> action) {
        void apply(Actor actor) {
            action.accept(actor);
        }
    }
}
