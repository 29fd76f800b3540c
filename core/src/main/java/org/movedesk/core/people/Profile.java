package org.movedesk.core.people;

import org.movedesk.core.common.AssignedIdEntity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The central profile a move is booked against (one per person is enough for the desk). */
@Entity
@Table(name = "profile")
public class Profile extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    @Column(name = "central_id")
    private String centralId;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Profile() {
    }

    Profile(UUID id, String centralId, Person person, Instant now) {
        this.id = id;
        this.centralId = centralId;
        this.person = person;
        this.createdAt = now;
    }

    public void linkCentral(String centralId) {
        this.centralId = centralId;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getCentralId() {
        return centralId;
    }

    public Person getPerson() {
        return person;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
