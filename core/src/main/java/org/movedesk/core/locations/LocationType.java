package org.movedesk.core.locations;

import java.util.Arrays;

/** Central {@code location_type} values. STC is kept as an alias of SECURE_TRAINING_CENTRE. */
public enum LocationType {
    PRISON("prison"),
    COURT("court"),
    HOSPITAL("hospital"),
    HIGH_SECURITY_HOSPITAL("high_security_hospital"),
    POLICE("police"),
    APPROVED_PREMISES("approved_premises"),
    PROBATION_OFFICE("probation_office"),
    SECURE_CHILDRENS_HOME("secure_childrens_home"),
    SECURE_TRAINING_CENTRE("secure_training_centre"),
    STC("secure_training_centre"),
    COMMUNITY_REHABILITATION_COMPANY("community_rehabilitation_company"),
    FOREIGN_NATIONAL_PRISON("foreign_national_prison"),
    VOLUNTARY_HOSTEL("voluntary_hostel"),
    IMMIGRATION_DETENTION_CENTRE("immigration_detention_centre"),
    OTHER("other");

    private final String apiValue;

    LocationType(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    /** Unknown central values become OTHER rather than failing a whole reference-data refresh. */
    public static LocationType fromApi(String value) {
        if (value == null) {
            return OTHER;
        }
        return Arrays.stream(values()).filter(t -> t.apiValue.equals(value)).findFirst().orElse(OTHER);
    }
}
