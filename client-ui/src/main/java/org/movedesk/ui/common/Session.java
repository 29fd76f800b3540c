package org.movedesk.ui.common;

import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.movedesk.core.operators.Actor;

/**
 * Who is signed in at this desk. View models read the {@link Actor} from here and pass it
 * to every core call; core checks the roles.
 */
public final class Session {

    private final ReadOnlyObjectWrapper<Actor> actor = new ReadOnlyObjectWrapper<>();

    public void signedIn(Actor who) {
        actor.set(who);
    }

    public void signedOut() {
        actor.set(null);
    }

    public Optional<Actor> current() {
        return Optional.ofNullable(actor.get());
    }

    /** The signed-in operator; a view that needs one is only reachable after sign-in. */
    public Actor require() {
        Actor who = actor.get();
        if (who == null) {
            throw new IllegalStateException("Nobody is signed in at this desk.");
        }
        return who;
    }

    public ReadOnlyObjectProperty<Actor> actorProperty() {
        return actor.getReadOnlyProperty();
    }
}
