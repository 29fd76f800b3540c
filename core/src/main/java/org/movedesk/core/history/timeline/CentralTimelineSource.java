package org.movedesk.core.history.timeline;

import java.util.List;
import java.util.Optional;

/**
 * Where the central timeline of a move comes from. The sync module implements it with
 * {@code GET /api/moves/{id}?include=timeline_events}; core only merges what it answers.
 */
public interface CentralTimelineSource {

    /**
     * The move's central timeline events, or empty when the centre cannot be asked right now
     * (offline, timed out, not authorised): the merged timeline then shows local entries only and
     * says so. A move the centre does not know answers an empty list.
     */
    Optional<List<CentralTimelineEvent>> fetch(String centralMoveId);
}
