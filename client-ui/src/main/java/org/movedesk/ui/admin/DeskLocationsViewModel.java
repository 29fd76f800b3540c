package org.movedesk.ui.admin;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.movedesk.core.desk.DeskService;
import org.movedesk.core.desk.DeskSettings;
import org.movedesk.core.locations.Location;
import org.movedesk.core.locations.LocationService;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Labels;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;

/**
 * The desk's own locations (the prisons, courts or hospitals it works for): what the move
 * list shows by default and what the refresh from the centre fetches. Picked from the
 * locations the desk knows, with a searchable picker.
 */
public class DeskLocationsViewModel {

    /** A location as the picker shows it. */
    public record Place(UUID id, String title, String type, String agencyId) {
        static Place of(Location location) {
            return new Place(location.getId(), location.getTitle(), Labels.of(location.getType()), location.getNomisAgencyId());
        }

        @Override
        public String toString() {
            return title + " \u2013 " + type + (agencyId == null ? "" : " (" + agencyId + ")");
        }
    }

    private static final int LIMIT = 5000;

    private final DeskService desks;
    private final LocationService locations;
    private final Session session;
    private final TaskRunner tasks;

    private final ObservableList<Place> all = FXCollections.observableArrayList();
    private final ObservableList<Place> own = FXCollections.observableArrayList();
    private final ObjectProperty<Place> toAdd = new SimpleObjectProperty<>();
    private final ObjectProperty<Place> selectedOwn = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper deskName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public DeskLocationsViewModel(DeskService desks, LocationService locations, Session session, TaskRunner tasks) {
        this.desks = desks;
        this.locations = locations;
        this.session = session;
        this.tasks = tasks;
    }

    private record Loaded(DeskSettings desk, List<Place> all) {
    }

    public void load() {
        tasks.run(BackgroundTask.of("Loading the desk's locations", progress -> new Loaded(desks.current(),
                        locations.search("", Set.of(), LIMIT).stream().filter(Location::isActive).map(Place::of)
                                .sorted(Comparator.comparing(Place::title)).toList()))
                .quiet()
                .onSuccess(loaded -> {
                    all.setAll(loaded.all());
                    Set<UUID> ids = loaded.desk().ownLocationIds() == null ? Set.of() : loaded.desk().ownLocationIds();
                    own.setAll(loaded.all().stream().filter(place -> ids.contains(place.id())).toList());
                    deskName.set(loaded.desk().name() + " (" + loaded.desk().deskId() + ")");
                    dirty.set(false);
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure))));
    }

    public void add() {
        Place place = toAdd.get();
        if (place == null) {
            error.set("Choose a location to add (type part of its name).");
            return;
        }
        error.set("");
        if (own.stream().noneMatch(existing -> existing.id().equals(place.id()))) {
            own.add(place);
            own.sort(Comparator.comparing(Place::title));
            dirty.set(true);
        }
        toAdd.set(null);
    }

    public void removeSelected() {
        Place place = selectedOwn.get();
        if (place != null && own.remove(place)) {
            dirty.set(true);
        }
    }

    public void save() {
        Set<UUID> ids = own.stream().map(Place::id).collect(Collectors.toCollection(LinkedHashSet::new));
        var actor = session.require();
        busy.set(true);
        error.set("");
        notice.set("");
        tasks.run(BackgroundTask.of("Saving the desk's locations", progress -> desks.setOwnLocations(actor, ids))
                .onSuccess(saved -> {
                    dirty.set(false);
                    notice.set("Saved: this desk works for " + ids.size() + " location" + (ids.size() == 1 ? "" : "s")
                            + ". The next refresh fetches their moves.");
                })
                .onFailure(failure -> error.set(ErrorMessages.forUser(failure)))
                .onFinished(() -> busy.set(false)));
    }

    public ObservableList<Place> all() {
        return all;
    }

    public ObservableList<Place> own() {
        return own;
    }

    public ObjectProperty<Place> toAddProperty() {
        return toAdd;
    }

    public ObjectProperty<Place> selectedOwnProperty() {
        return selectedOwn;
    }

    public ReadOnlyStringProperty deskNameProperty() {
        return deskName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
