package org.movedesk.sync.pull;

import java.time.LocalDate;

/** A central person from a page's includes, with the profile the move points at. */
public record PulledPerson(String centralId, String prisonNumber, String pnc, String firstNames, String lastName,
                           LocalDate dateOfBirth, String gender, String profileCentralId) {
}
