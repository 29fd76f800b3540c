package org.movedesk.core.people;

import java.time.LocalDate;

/** A person recorded at the desk (offline); the centre learns of them through CREATE_PERSON. */
public record NewPerson(String prisonNumber, String pncNumber, String firstNames, String lastName,
                        LocalDate dateOfBirth, String gender) {
}
