package org.movedesk.ui.synccentre;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;

import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.OutboxService;
import org.movedesk.sync.SyncEngine;
import org.movedesk.sync.events.EventsConfiguration;
import org.movedesk.sync.events.NeedsAttentionService;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiExecutor;
import org.movedesk.ui.shell.NavigationEntry;

/**
 * The sync centre (Ctrl+6): waiting, failed, conflicts, needs attention; Sync now and Pause.
 * Imports the events module's configuration for its always-on "needs attention" list (the
 * SQS/SNS workers stay off unless {@code movedesk.events.enabled=true}); importing it twice,
 * should the app import it too, is harmless.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventsConfiguration.class)
public class SyncCentreFeature {

    public static final String ID = "sync-centre";

    @Bean
    NavigationEntry syncCentreEntry() {
        return NavigationEntry.sidebar(ID, "Sync centre", "mdmz-sync_alt", 60,
                "/org/movedesk/ui/synccentre/SyncCentreView.fxml", "Shortcut+6",
                actor -> actor.hasAny(Role.PRISON_STAFF, Role.SUPERVISOR, Role.ADMIN, Role.RP_TRANSFER, Role.RP_REMOVE,
                        Role.RP_MIGRATE));
    }

    @Bean
    SyncControls syncControls(ObjectProvider<SyncEngine> engine, ObjectProvider<SyncStatus> status) {
        return new EngineSyncControls(engine, status);
    }

    @Bean
    @Scope("prototype")
    SyncCentreViewModel syncCentreViewModel(OutboxService outbox, ObjectProvider<NeedsAttentionService> needsAttention,
                                            SyncControls sync, Session session, TaskRunner tasks, UiEventBus events,
                                            UiExecutor ui, Clock clock) {
        return new SyncCentreViewModel(outbox, needsAttention::getIfAvailable, sync, session, tasks, events, ui,
                clock.withZone(ZoneId.systemDefault()));
    }
}
