package org.movedesk.sandbox.people;

/** Where NOMIS would say a person is; drives the Restricted Patients API checks. */
public enum Custody {
    /** Active in a prison (NOMIS activeFlag 'Y'): may be discharged to hospital. */
    IN_PRISON,
    /** Latest movement is a release (REL) from a prison to a hospital: may be migrated in as a restricted patient. */
    RELEASED_TO_HOSPITAL,
    /** Released and not in any establishment. */
    RELEASED
}
