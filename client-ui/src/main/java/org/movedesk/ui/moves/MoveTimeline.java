package org.movedesk.ui.moves;

import java.util.List;
import java.util.UUID;

import org.movedesk.core.operators.Actor;

/** A move's history as timeline lines (core's history for the move, newest first). */
public interface MoveTimeline {

    List<MoveDetailViewModel.TimelineItem> forMove(Actor actor, UUID moveId);
}
