package org.movedesk.sync.push;

import java.util.Optional;
import java.util.UUID;

/** The few local facts a request needs that its payload does not carry: central ids of the aggregate and its parts. */
public interface LocalLookup {

    Optional<String> moveCentralId(UUID moveId);

    /** The move's date as the desk holds it (an approve without a new date confirms this one). */
    Optional<java.time.LocalDate> moveDate(UUID moveId);

    Optional<String> personCentralId(UUID personId);

    Optional<String> personPrisonNumber(UUID personId);

    Optional<String> profileCentralId(UUID profileId);
}
