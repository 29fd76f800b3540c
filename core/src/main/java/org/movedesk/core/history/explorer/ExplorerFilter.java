package org.movedesk.core.history.explorer;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.movedesk.core.common.ValidationException;
import org.movedesk.core.moves.MoveStatus;
import org.movedesk.core.moves.MoveType;
import org.movedesk.core.outbox.AggregateType;

/**
 * What the supervisor's history explorer shows. Every part is optional (empty = not filtered)
 * and the parts combine with AND; inside a set the values combine with OR.
 *
 * @param from         occurred at or after (inclusive)
 * @param to           occurred before (exclusive)
 * @param locationIds  entries whose move starts or ends at one of these locations
 * @param text         free text: every word must appear as a word in the entry's notes
 *                     (case and accents ignored)
 */
public record ExplorerFilter(Instant from, Instant to, Set<UUID> locationIds, Set<String> deskIds,
                             Set<String> operators, Set<String> eventTypes, Set<MoveType> moveTypes,
                             Set<MoveStatus> statuses, String text, AggregateType aggregateType, String aggregateId,
                             String prisonNumber, String moveReference) {

    public ExplorerFilter {
        locationIds = copy(locationIds);
        deskIds = copy(deskIds);
        operators = copy(operators);
        eventTypes = copy(eventTypes);
        moveTypes = moveTypes == null || moveTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(moveTypes));
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        text = blankToNull(text);
        aggregateId = blankToNull(aggregateId);
        prisonNumber = prisonNumber == null || prisonNumber.isBlank() ? null : prisonNumber.trim().toUpperCase();
        moveReference = moveReference == null || moveReference.isBlank() ? null : moveReference.trim().toUpperCase();
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ValidationException("to", "The end of the date range must be after its start.");
        }
        if (text != null && NoteWords.of(text).isEmpty()) {
            throw new ValidationException("text",
                    "Search text needs at least one word of two or more letters or digits.");
        }
    }

    public static ExplorerFilter all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().between(from, to).locations(locationIds).desks(deskIds).operators(operators)
                .eventTypes(eventTypes).moveTypes(moveTypes).statuses(statuses).text(text)
                .aggregate(aggregateType, aggregateId).prisonNumber(prisonNumber).moveReference(moveReference);
    }

    /** The same filter limited to one operator (what a non-supervisor is allowed to see). */
    public ExplorerFilter onlyOperator(String username) {
        return toBuilder().operators(Set.of(username)).build();
    }

    private static <T> Set<T> copy(Collection<T> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        Set<T> out = new LinkedHashSet<>();
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                out.add(v instanceof String s ? (T) s.trim() : v);
            }
        }
        return Set.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static final class Builder {
        private Instant from;
        private Instant to;
        private Set<UUID> locationIds = Set.of();
        private Set<String> deskIds = Set.of();
        private Set<String> operators = Set.of();
        private Set<String> eventTypes = Set.of();
        private Set<MoveType> moveTypes = Set.of();
        private Set<MoveStatus> statuses = Set.of();
        private String text;
        private AggregateType aggregateType;
        private String aggregateId;
        private String prisonNumber;
        private String moveReference;

        public Builder between(Instant from, Instant to) { this.from = from; this.to = to; return this; }
        public Builder locations(Collection<UUID> v) { this.locationIds = v == null ? Set.of() : Set.copyOf(v); return this; }
        public Builder location(UUID v) { return locations(v == null ? Set.of() : Set.of(v)); }
        public Builder desks(Collection<String> v) { this.deskIds = v == null ? Set.of() : Set.copyOf(v); return this; }
        public Builder operators(Collection<String> v) { this.operators = v == null ? Set.of() : Set.copyOf(v); return this; }
        public Builder operator(String v) { return operators(v == null ? Set.of() : Set.of(v)); }
        public Builder eventTypes(Collection<String> v) { this.eventTypes = v == null ? Set.of() : Set.copyOf(v); return this; }
        public Builder eventType(String v) { return eventTypes(v == null ? Set.of() : Set.of(v)); }
        public Builder moveTypes(Collection<MoveType> v) { this.moveTypes = v == null ? Set.of() : Set.copyOf(v); return this; }
        public Builder statuses(Collection<MoveStatus> v) { this.statuses = v == null ? Set.of() : Set.copyOf(v); return this; }
        public Builder status(MoveStatus v) { return statuses(v == null ? Set.of() : Set.of(v)); }
        public Builder text(String v) { this.text = v; return this; }
        public Builder aggregate(AggregateType type, String id) { this.aggregateType = type; this.aggregateId = id; return this; }
        public Builder prisonNumber(String v) { this.prisonNumber = v; return this; }
        public Builder moveReference(String v) { this.moveReference = v; return this; }

        public ExplorerFilter build() {
            return new ExplorerFilter(from, to, locationIds, deskIds, operators, eventTypes, moveTypes, statuses, text,
                    aggregateType, aggregateId, prisonNumber, moveReference);
        }
    }
}
