package org.movedesk.core.people;

/**
 * Where a person not yet in this desk's cache can be looked up by prison number. The sync
 * module implements it with the Moves API's {@code GET /api/people?filter[prison_number]=…};
 * core only stores what it answers (see {@link PersonService#cacheFromCentral}).
 */
public interface CentralPersonSource {

    /** Called off the UI thread; never throws for trouble reaching the centre (that is {@link CentralPersonAnswer.Unavailable}). */
    CentralPersonAnswer findByPrisonNumber(String prisonNumber);

    /** For desks without central services: the centre can never be asked. */
    static CentralPersonSource unavailable(String why) {
        return prisonNumber -> new CentralPersonAnswer.Unavailable(why);
    }
}
