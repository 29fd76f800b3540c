package org.movedesk.core.desk;

import java.util.Set;
import java.util.UUID;

/** This installation: its id (recorded on every history entry), its name and the locations it works for. */
public record DeskSettings(String deskId, String name, Set<UUID> ownLocationIds) {
}
