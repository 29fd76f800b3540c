package org.movedesk.core.people;

import java.time.LocalDate;

/** A person as the centre describes them; profileCentralId optional. */
public record PersonData(String centralId, String prisonNumber, String pncNumber, String firstNames,
                         String lastName, LocalDate dateOfBirth, String gender, String profileCentralId) {
}
