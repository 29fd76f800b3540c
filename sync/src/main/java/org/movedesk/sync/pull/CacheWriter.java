package org.movedesk.sync.pull;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the pull side asks of core. Every write goes through core's services (the rules, the
 * "never overwrite a pending local change" merge and the history live there).
 */
public interface CacheWriter {

    void upsertLocations(List<PulledLocation> locations);

    /**
     * Applies one page in one transaction: people first, then moves.
     *
     * @return local ids of the moves the page touched
     */
    Set<UUID> applyPage(List<PulledPerson> people, List<PulledMove> moves);

    /** Local ids of moves at these locations that the last refresh brought in (to find those that left). */
    Set<UUID> refreshedMovesAt(Collection<UUID> locationIds);

    void markNotRefreshed(Collection<UUID> moveIds);

    /** The desk's own locations (central ids). */
    Set<UUID> deskLocations();
}
