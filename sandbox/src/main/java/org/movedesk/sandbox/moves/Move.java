package org.movedesk.sandbox.moves;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A move and its timeline. Mutable; guarded by the world lock. */
public final class Move {

    public static final String PROPOSED = "proposed";
    public static final String REQUESTED = "requested";
    public static final String BOOKED = "booked";
    public static final String IN_TRANSIT = "in_transit";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final List<String> STATUSES = List.of(PROPOSED, REQUESTED, BOOKED, IN_TRANSIT, COMPLETED, CANCELLED);

    public static final List<String> MOVE_TYPES = List.of("court_appearance", "court_other", "hospital",
            "police_transfer", "prison_recall", "prison_remand", "prison_transfer", "video_remand",
            "approved_premises", "extradition");

    private final UUID id;
    private final String reference;
    private final Instant createdAt;
    private Instant updatedAt;
    private String status;
    private String moveType;
    private LocalDate date;
    private LocalDate dateFrom;
    private LocalDate dateTo;
    private Instant timeDue;
    private String additionalInformation;
    private Boolean moveAgreed;
    private String moveAgreedBy;
    private String cancellationReason;
    private String cancellationReasonComment;
    private String rejectionReason;
    private LocalDate recallDate;
    private UUID profileId;
    private UUID personId;
    private UUID fromLocationId;
    private UUID toLocationId;
    private final List<TimelineEvent> timeline = new ArrayList<>();

    public Move(UUID id, String reference, Instant createdAt) {
        this.id = id;
        this.reference = reference;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID id() { return id; }
    public String reference() { return reference; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String status() { return status; }
    public String moveType() { return moveType; }
    public LocalDate date() { return date; }
    public LocalDate dateFrom() { return dateFrom; }
    public LocalDate dateTo() { return dateTo; }
    public Instant timeDue() { return timeDue; }
    public String additionalInformation() { return additionalInformation; }
    public Boolean moveAgreed() { return moveAgreed; }
    public String moveAgreedBy() { return moveAgreedBy; }
    public String cancellationReason() { return cancellationReason; }
    public String cancellationReasonComment() { return cancellationReasonComment; }
    public String rejectionReason() { return rejectionReason; }
    public LocalDate recallDate() { return recallDate; }
    public UUID profileId() { return profileId; }
    public UUID personId() { return personId; }
    public UUID fromLocationId() { return fromLocationId; }
    public UUID toLocationId() { return toLocationId; }

    public Move updatedAt(Instant value) { this.updatedAt = value; return this; }
    public Move status(String value) { this.status = value; return this; }
    public Move moveType(String value) { this.moveType = value; return this; }
    public Move date(LocalDate value) { this.date = value; return this; }
    public Move dateFrom(LocalDate value) { this.dateFrom = value; return this; }
    public Move dateTo(LocalDate value) { this.dateTo = value; return this; }
    public Move timeDue(Instant value) { this.timeDue = value; return this; }
    public Move additionalInformation(String value) { this.additionalInformation = value; return this; }
    public Move moveAgreed(Boolean value) { this.moveAgreed = value; return this; }
    public Move moveAgreedBy(String value) { this.moveAgreedBy = value; return this; }
    public Move cancellationReason(String value) { this.cancellationReason = value; return this; }
    public Move cancellationReasonComment(String value) { this.cancellationReasonComment = value; return this; }
    public Move rejectionReason(String value) { this.rejectionReason = value; return this; }
    public Move recallDate(LocalDate value) { this.recallDate = value; return this; }
    public Move profile(UUID profile, UUID person) { this.profileId = profile; this.personId = person; return this; }
    public Move fromLocationId(UUID value) { this.fromLocationId = value; return this; }
    public Move toLocationId(UUID value) { this.toLocationId = value; return this; }

    public void record(TimelineEvent event) {
        timeline.add(event);
    }

    /** The timeline ordered by the events' own timestamps, then by arrival. */
    public List<TimelineEvent> timeline() {
        List<TimelineEvent> sorted = new ArrayList<>(timeline);
        sorted.sort(Comparator.comparing(TimelineEvent::occurredAt).thenComparingLong(TimelineEvent::sequence));
        return sorted;
    }

    /** Whether this move blocks another booking of the same person, route and date. */
    public boolean countsForDuplicates() {
        return !CANCELLED.equals(status) && !PROPOSED.equals(status);
    }
}
