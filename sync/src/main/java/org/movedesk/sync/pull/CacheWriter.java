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
     * Applies one page in one transaction (core merges each move, never overwriting a field with a
     * local change pending).
     *
     * @param people the page's people by central id (a move's person comes from here)
     * @return how many moves core could not apply (e.g. an unknown location)
     */
    int applyPage(java.util.Map<String, PulledPerson> people, List<PulledMove> moves);

    /** Central id to local id of the refreshed moves at these locations (to find those that left the window). */
    java.util.Map<String, UUID> refreshedMovesAt(Collection<UUID> locationIds);

    void markNotRefreshed(Collection<UUID> moveIds);

    /** The desk's own locations (central ids). */
    Set<UUID> deskLocations();
}
