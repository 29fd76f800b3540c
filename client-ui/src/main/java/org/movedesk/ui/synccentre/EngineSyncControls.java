package org.movedesk.ui.synccentre;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;

import org.movedesk.sync.SyncEngine;
import org.movedesk.sync.status.SyncSnapshot;
import org.movedesk.sync.status.SyncStatus;

/** {@link SyncControls} over the sync module's beans, when the application context has them. */
public final class EngineSyncControls implements SyncControls {

    private final ObjectProvider<SyncEngine> engine;
    private final ObjectProvider<SyncStatus> status;

    public EngineSyncControls(ObjectProvider<SyncEngine> engine, ObjectProvider<SyncStatus> status) {
        this.engine = engine;
        this.status = status;
    }

    @Override
    public Optional<SyncSnapshot> snapshot() {
        SyncStatus model = status.getIfAvailable();
        return model == null ? Optional.empty() : Optional.of(model.current());
    }

    @Override
    public Runnable onChange(Consumer<SyncSnapshot> listener) {
        SyncStatus model = status.getIfAvailable();
        if (model == null) {
            return () -> { };
        }
        model.addListener(listener);
        return () -> model.removeListener(listener);
    }

    @Override
    public boolean engineRunning() {
        return engine.getIfAvailable() != null;
    }

    @Override
    public void syncNow() {
        SyncEngine running = engine.getIfAvailable();
        if (running != null) {
            running.syncNow();
        }
    }

    @Override
    public void pause() {
        SyncEngine running = engine.getIfAvailable();
        if (running != null) {
            running.pause();
        }
    }

    @Override
    public void resume() {
        SyncEngine running = engine.getIfAvailable();
        if (running != null) {
            running.resume();
        }
    }
}
