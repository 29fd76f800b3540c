package org.movedesk.core.restrictedpatients;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.movedesk.core.common.AssignedIdEntity;

/**
 * A prisoner discharged to a secure hospital, keyed by prisoner number like the central
 * table. Agency ids are NOMIS ids; times are local date-times as the central service keeps them.
 */
@Entity
@Table(name = "restricted_patient")
public class RestrictedPatient extends AssignedIdEntity<String> {

    @Id
    @Column(name = "prisoner_number", length = 7)
    private String prisonerNumber;
    @Column(name = "from_location_id", nullable = false, length = 5)
    private String fromLocationId;
    @Column(name = "hospital_location_code", nullable = false, length = 10)
    private String hospitalLocationCode;
    @Column(name = "supporting_prison_id", nullable = false, length = 5)
    private String supportingPrisonId;
    @Column(name = "discharge_time", nullable = false)
    private LocalDateTime dischargeTime;
    @Column(name = "comment_text", length = 240)
    private String commentText;
    @Column(name = "create_user_id", length = 32)
    private String createUserId;
    @Column(name = "create_datetime", nullable = false)
    private LocalDateTime createDateTime;
    @Column(name = "modify_datetime")
    private LocalDateTime modifyDateTime;
    @Column(name = "modify_user_id", length = 32)
    private String modifyUserId;
    @Version
    private long version;

    protected RestrictedPatient() {
    }

    RestrictedPatient(String prisonerNumber, String fromLocationId, String hospitalLocationCode, String supportingPrisonId,
                      LocalDateTime dischargeTime, String commentText, String createUserId, LocalDateTime now) {
        this.prisonerNumber = prisonerNumber;
        this.fromLocationId = fromLocationId;
        this.hospitalLocationCode = hospitalLocationCode;
        this.supportingPrisonId = supportingPrisonId;
        this.dischargeTime = dischargeTime;
        this.commentText = commentText;
        this.createUserId = createUserId;
        this.createDateTime = now;
    }

    /** Takes the centre's values (a cached copy of a patient this desk looked up). */
    void refreshFromCentral(String from, String hospital, String supporting, LocalDateTime discharged, String comment,
                            LocalDateTime now) {
        this.fromLocationId = from;
        this.hospitalLocationCode = hospital;
        this.supportingPrisonId = supporting;
        this.dischargeTime = discharged;
        this.commentText = comment;
        this.modifyDateTime = now;
    }

    void changeSupportingPrison(String prisonId, String user, LocalDateTime now) {
        this.supportingPrisonId = prisonId;
        this.modifyUserId = user;
        this.modifyDateTime = now;
    }

    @Override
    public String getId() { return prisonerNumber; }
    public String getPrisonerNumber() { return prisonerNumber; }
    public String getFromLocationId() { return fromLocationId; }
    public String getHospitalLocationCode() { return hospitalLocationCode; }
    public String getSupportingPrisonId() { return supportingPrisonId; }
    public LocalDateTime getDischargeTime() { return dischargeTime; }
    public String getCommentText() { return commentText; }
    public String getCreateUserId() { return createUserId; }
    public LocalDateTime getCreateDateTime() { return createDateTime; }
    public LocalDateTime getModifyDateTime() { return modifyDateTime; }
    public String getModifyUserId() { return modifyUserId; }
    public long getVersion() { return version; }
}
