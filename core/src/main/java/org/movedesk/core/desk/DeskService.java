package org.movedesk.core.desk;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.movedesk.core.common.AfterCommit;
import org.movedesk.core.common.Json;
import org.movedesk.core.common.ReferenceDataChanged;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.Tx;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.locations.LocationRepository;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The desk's identity and the locations whose moves it shows and refreshes. */
@Service
public class DeskService {

    private final DeskRepository desks;
    private final LocationRepository locations;
    private final HistoryRecorder history;
    private final AfterCommit afterCommit;
    private final Tx tx;
    private final Clock clock;

    public DeskService(DeskRepository desks, LocationRepository locations, HistoryRecorder history,
                       AfterCommit afterCommit, Tx tx, Clock clock) {
        this.desks = desks;
        this.locations = locations;
        this.history = history;
        this.afterCommit = afterCommit;
        this.tx = tx;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DeskSettings current() {
        return desk().settings();
    }

    public DeskSettings setOwnLocations(Actor actor, Set<UUID> locationIds) {
        Permissions.require(actor, "choose the desk's locations", Role.ADMIN);
        Set<UUID> ids = locationIds == null ? Set.of() : locationIds;
        return tx.run(() -> "The desk settings were changed by someone else; reload them.", () -> {
            for (UUID id : ids) {
                if (!locations.existsById(id)) {
                    throw new ValidationException("ownLocations", "Location " + id + " is not known at this desk.");
                }
            }
            Desk desk = desk();
            DeskSettings before = desk.settings();
            desk.setOwnLocationIds(ids, Times.now(clock));
            record(actor, desk, "desk.locations-changed", before, desk.settings());
            return desk.settings();
        });
    }

    public DeskSettings rename(Actor actor, String name) {
        Permissions.require(actor, "rename the desk", Role.ADMIN);
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new ValidationException("name", "Give the desk a name of 1 to 255 characters.");
        }
        return tx.run(() -> "The desk settings were changed by someone else; reload them.", () -> {
            Desk desk = desk();
            DeskSettings before = desk.settings();
            desk.setName(name.trim(), Times.now(clock));
            record(actor, desk, "desk.renamed", before, desk.settings());
            return desk.settings();
        });
    }

    private void record(Actor actor, Desk desk, String type, DeskSettings before, DeskSettings after) {
        history.append(HistoryDraft.of(actor, AggregateType.DESK, desk.getDeskId(), type).occurredAt(Times.now(clock))
                .before(json(before)).after(json(after)).build());
        afterCommit.publish(new ReferenceDataChanged());
    }

    private static String json(DeskSettings s) {
        return Json.write(new DeskSettings(s.deskId(), s.name(), new TreeSet<>(s.ownLocationIds())));
    }

    private Desk desk() {
        return desks.findById(Desk.THE_DESK).orElseThrow(() -> new IllegalStateException("desk row missing (V1 creates it)"));
    }
}
