package org.movedesk.core.history.timeline;

/** Where a line of the merged timeline was seen. */
public enum TimelineSource {
    /** Only in this desk's history (not, or not yet, at the centre). */
    LOCAL,
    /** Only in the central timeline (done elsewhere, or by the centre itself). */
    CENTRAL,
    /** In both: the same kind of event within the matching tolerance. */
    BOTH
}
