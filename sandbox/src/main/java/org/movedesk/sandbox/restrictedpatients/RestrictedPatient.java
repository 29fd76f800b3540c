package org.movedesk.sandbox.restrictedpatients;

import java.time.LocalDateTime;

/** One row of the Restricted Patients API's {@code restricted_patients} table. Mutable; guarded by the world lock. */
public final class RestrictedPatient {

    private final String prisonerNumber;
    private final String fromLocationId;
    private final String hospitalLocationCode;
    private String supportingPrisonId;
    private final LocalDateTime dischargeTime;
    private final String commentText;
    private final LocalDateTime createDateTime;
    private final String createUserId;
    private LocalDateTime modifyDateTime;
    private String modifyUserId;

    public RestrictedPatient(String prisonerNumber, String fromLocationId, String hospitalLocationCode,
                             String supportingPrisonId, LocalDateTime dischargeTime, String commentText,
                             LocalDateTime createDateTime, String createUserId) {
        this.prisonerNumber = prisonerNumber;
        this.fromLocationId = fromLocationId;
        this.hospitalLocationCode = hospitalLocationCode;
        this.supportingPrisonId = supportingPrisonId;
        this.dischargeTime = dischargeTime;
        this.commentText = commentText;
        this.createDateTime = createDateTime;
        this.createUserId = createUserId;
    }

    public String prisonerNumber() { return prisonerNumber; }
    public String fromLocationId() { return fromLocationId; }
    public String hospitalLocationCode() { return hospitalLocationCode; }
    public String supportingPrisonId() { return supportingPrisonId; }
    public LocalDateTime dischargeTime() { return dischargeTime; }
    public String commentText() { return commentText; }
    public LocalDateTime createDateTime() { return createDateTime; }
    public String createUserId() { return createUserId; }
    public LocalDateTime modifyDateTime() { return modifyDateTime; }
    public String modifyUserId() { return modifyUserId; }

    public void changeSupportingPrison(String prison, LocalDateTime at, String user) {
        this.supportingPrisonId = prison;
        this.modifyDateTime = at;
        this.modifyUserId = user;
    }
}
