package org.movedesk.core.common;

import java.util.UUID;

/** Published after the commit that changed a move. */
public record MoveChanged(UUID moveId) {
}
