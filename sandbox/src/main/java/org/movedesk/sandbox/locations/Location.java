package org.movedesk.sandbox.locations;

import java.time.Instant;
import java.util.UUID;

/**
 * A reference location (prison, court, hospital, approved premises, police station). Immutable.
 *
 * @param locationType one of the Moves API {@code location_type} values, e.g. {@code prison}
 */
public record Location(UUID id, String key, String title, String locationType, String nomisAgencyId,
                       String premise, String locality, String city, String postcode, Double latitude,
                       Double longitude, boolean youngOffenderInstitution, Instant createdAt) {

    public static final String PRISON = "prison";
    public static final String COURT = "court";
    public static final String POLICE = "police";
    public static final String HOSPITAL = "hospital";
    public static final String HIGH_SECURITY_HOSPITAL = "high_security_hospital";
    public static final String APPROVED_PREMISES = "approved_premises";

    public boolean isPrison() {
        return PRISON.equals(locationType);
    }

    public boolean isHospital() {
        return HOSPITAL.equals(locationType) || HIGH_SECURITY_HOSPITAL.equals(locationType);
    }

    /** The NOMIS agency type the Restricted Patients API reports for this location. */
    public String nomisAgencyType() {
        return switch (locationType) {
            case PRISON -> "INST";
            case HOSPITAL -> "HOSPITAL";
            case HIGH_SECURITY_HOSPITAL -> "HSHOSP";
            case COURT -> "CRT";
            case POLICE -> "POLICE";
            default -> "OTHER";
        };
    }
}
