package org.movedesk.core.people;

import org.movedesk.core.common.AssignedIdEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who is moved. The id is local; {@link #getCentralId()} is set once the centre knows them. */
@Entity
@Table(name = "person")
public class Person extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    @Column(name = "central_id")
    private String centralId;
    @Column(name = "prison_number")
    private String prisonNumber;
    @Column(name = "pnc_number")
    private String pncNumber;
    @Column(name = "first_names", nullable = false)
    private String firstNames;
    @Column(name = "last_name", nullable = false)
    private String lastName;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;
    private String gender;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Person() {
    }

    Person(UUID id, String centralId, String prisonNumber, String pncNumber, String firstNames, String lastName,
           LocalDate dateOfBirth, String gender, Instant now) {
        this.id = id;
        this.centralId = centralId;
        this.createdAt = now;
        update(prisonNumber, pncNumber, firstNames, lastName, dateOfBirth, gender, now);
    }

    void update(String prisonNumber, String pncNumber, String firstNames, String lastName, LocalDate dateOfBirth,
                String gender, Instant now) {
        this.prisonNumber = prisonNumber;
        this.pncNumber = pncNumber;
        this.firstNames = firstNames;
        this.lastName = lastName;
        this.nameKey = nameKey(lastName, firstNames);
        this.dateOfBirth = dateOfBirth;
        this.gender = gender;
        this.updatedAt = now;
    }

    /** "SURNAME FIRST NAMES": a name prefix search is an index range scan on it. */
    static String nameKey(String lastName, String firstNames) {
        return (lastName.trim() + " " + firstNames.trim()).toUpperCase(Locale.ROOT);
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

    public String getPrisonNumber() {
        return prisonNumber;
    }

    public String getPncNumber() {
        return pncNumber;
    }

    public String getFirstNames() {
        return firstNames;
    }

    public String getLastName() {
        return lastName;
    }

    /** "LAST, First Names" as the screens show it. */
    public String getDisplayName() {
        return lastName.toUpperCase(Locale.ROOT) + ", " + firstNames;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getGender() {
        return gender;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return getDisplayName() + (prisonNumber == null ? "" : " (" + prisonNumber + ")");
    }
}
