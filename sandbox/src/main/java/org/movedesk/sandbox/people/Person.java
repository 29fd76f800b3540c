package org.movedesk.sandbox.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person known to the Moves API, plus the NOMIS custody facts the Restricted Patients API looks at. Guarded by the world lock. */
public final class Person {

    private final UUID id;
    private final Instant createdAt;
    private String firstNames;
    private String lastName;
    private LocalDate dateOfBirth;
    private String prisonNumber;
    private String policeNationalComputer;
    private String criminalRecordsOffice;
    private String genderAdditionalInformation;
    private final List<UUID> profileIds = new ArrayList<>();
    private Custody custody = Custody.RELEASED;
    /** The prison holding the person, or the prison they were released from. */
    private String prisonAgencyId;
    private String hospitalAgencyId;
    private LocalDateTime releasedAt;

    public Person(UUID id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String firstNames() {
        return firstNames;
    }

    public Person firstNames(String value) {
        this.firstNames = value;
        return this;
    }

    public String lastName() {
        return lastName;
    }

    public Person lastName(String value) {
        this.lastName = value;
        return this;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public Person dateOfBirth(LocalDate value) {
        this.dateOfBirth = value;
        return this;
    }

    public String prisonNumber() {
        return prisonNumber;
    }

    public Person prisonNumber(String value) {
        this.prisonNumber = value;
        return this;
    }

    public String policeNationalComputer() {
        return policeNationalComputer;
    }

    public Person policeNationalComputer(String value) {
        this.policeNationalComputer = value;
        return this;
    }

    public String criminalRecordsOffice() {
        return criminalRecordsOffice;
    }

    public Person criminalRecordsOffice(String value) {
        this.criminalRecordsOffice = value;
        return this;
    }

    public String genderAdditionalInformation() {
        return genderAdditionalInformation;
    }

    public Person genderAdditionalInformation(String value) {
        this.genderAdditionalInformation = value;
        return this;
    }

    public List<UUID> profileIds() {
        return profileIds;
    }

    public Custody custody() {
        return custody;
    }

    public String prisonAgencyId() {
        return prisonAgencyId;
    }

    public String hospitalAgencyId() {
        return hospitalAgencyId;
    }

    public LocalDateTime releasedAt() {
        return releasedAt;
    }

    public Person inPrison(String prison) {
        this.custody = Custody.IN_PRISON;
        this.prisonAgencyId = prison;
        this.hospitalAgencyId = null;
        this.releasedAt = null;
        return this;
    }

    public Person releasedToHospital(String fromPrison, String hospital, LocalDateTime at) {
        this.custody = Custody.RELEASED_TO_HOSPITAL;
        this.prisonAgencyId = fromPrison;
        this.hospitalAgencyId = hospital;
        this.releasedAt = at;
        return this;
    }

    public Person released(String fromPrison, LocalDateTime at) {
        this.custody = Custody.RELEASED;
        this.prisonAgencyId = fromPrison;
        this.hospitalAgencyId = null;
        this.releasedAt = at;
        return this;
    }
}
