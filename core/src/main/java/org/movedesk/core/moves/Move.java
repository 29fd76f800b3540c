package org.movedesk.core.moves;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.movedesk.core.common.AssignedIdEntity;
import org.movedesk.core.locations.Location;
import org.movedesk.core.people.Person;
import org.movedesk.core.people.Profile;

/**
 * A move as the desk knows it. Only {@link MoveService} and {@link MoveSyncService} change it;
 * the version makes a second operator's stale edit fail instead of overwriting the first.
 */
@Entity
@Table(name = "move")
public class Move extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    @Column(name = "central_id")
    private String centralId;
    private String reference;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MoveStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "move_type", nullable = false)
    private MoveType moveType;
    @Column(name = "move_date")
    private LocalDate date;
    @Column(name = "time_due")
    private LocalTime timeDue;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "from_location_id", nullable = false)
    private Location from;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "to_location_id")
    private Location to;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "profile_id")
    private Profile profile;
    @Column(length = 4000)
    private String notes;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    private CancellationReason cancellationReason;
    @Column(name = "cancellation_comment", length = 4000)
    private String cancellationComment;
    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    private RejectionReason rejectionReason;
    @Column(name = "rebooked_as")
    private UUID rebookedAs;
    @Column(name = "rebooked_from")
    private UUID rebookedFrom;
    @Column(nullable = false)
    private boolean refreshed = true;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Move() {
    }

    Move(UUID id, MoveStatus status, MoveType moveType, LocalDate date, LocalTime timeDue, Location from, Location to,
         Person person, Profile profile, String notes, Instant now) {
        this.id = id;
        this.status = status;
        this.moveType = moveType;
        this.date = date;
        this.timeDue = timeDue;
        this.from = from;
        this.to = to;
        this.person = person;
        this.profile = profile;
        this.notes = notes;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** "JHY4716X", or "(not yet synced, local id …)" for a move the centre has not numbered yet. */
    public String label() {
        return reference != null ? reference : "(not yet synced, local id " + id + ")";
    }

    void setStatus(MoveStatus status) { this.status = status; }
    void setMoveType(MoveType moveType) { this.moveType = moveType; }
    void setDate(LocalDate date) { this.date = date; }
    void setTimeDue(LocalTime timeDue) { this.timeDue = timeDue; }
    void setFrom(Location from) { this.from = from; }
    void setTo(Location to) { this.to = to; }
    void setPerson(Person person) { this.person = person; }
    void setProfile(Profile profile) { this.profile = profile; }
    void setNotes(String notes) { this.notes = notes; }
    void setCancellation(CancellationReason reason, String comment) {
        this.cancellationReason = reason;
        this.cancellationComment = comment;
    }
    void setRejectionReason(RejectionReason rejectionReason) { this.rejectionReason = rejectionReason; }
    void setRebookedAs(UUID rebookedAs) { this.rebookedAs = rebookedAs; }
    void setRebookedFrom(UUID rebookedFrom) { this.rebookedFrom = rebookedFrom; }
    void setRefreshed(boolean refreshed) { this.refreshed = refreshed; }
    void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    void linkCentral(String centralId, String reference) {
        this.centralId = centralId;
        if (reference != null) {
            this.reference = reference;
        }
    }

    @Override
    public UUID getId() { return id; }
    public String getCentralId() { return centralId; }
    public String getReference() { return reference; }
    public MoveStatus getStatus() { return status; }
    public MoveType getMoveType() { return moveType; }
    public LocalDate getDate() { return date; }
    public LocalTime getTimeDue() { return timeDue; }
    public Location getFrom() { return from; }
    public Location getTo() { return to; }
    public Person getPerson() { return person; }
    public Profile getProfile() { return profile; }
    public String getNotes() { return notes; }
    public CancellationReason getCancellationReason() { return cancellationReason; }
    public String getCancellationComment() { return cancellationComment; }
    public RejectionReason getRejectionReason() { return rejectionReason; }
    /** The proposed move a reject-with-rebook created, or null. */
    public UUID getRebookedAs() { return rebookedAs; }
    public UUID getRebookedFrom() { return rebookedFrom; }
    public boolean isRefreshed() { return refreshed; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public String toString() {
        return "Move " + label() + " " + status;
    }
}
