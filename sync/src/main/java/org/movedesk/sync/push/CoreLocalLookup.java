package org.movedesk.sync.push;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.movedesk.core.moves.CentralIdLookup;

/** Reads central ids through core's read-only {@link CentralIdLookup} (sync never reads core's repositories). */
public class CoreLocalLookup implements LocalLookup {

    private final CentralIdLookup core;

    public CoreLocalLookup(CentralIdLookup core) {
        this.core = core;
    }

    @Override
    public Optional<String> moveCentralId(UUID moveId) {
        return core.moveCentralId(moveId);
    }

    @Override
    public Optional<LocalDate> moveDate(UUID moveId) {
        return core.moveDate(moveId);
    }

    @Override
    public Optional<String> personCentralId(UUID personId) {
        return core.personCentralId(personId);
    }

    @Override
    public Optional<String> personPrisonNumber(UUID personId) {
        return core.personPrisonNumber(personId);
    }

    @Override
    public Optional<String> profileCentralId(UUID profileId) {
        return core.profileCentralId(profileId);
    }
}
