package org.movedesk.ui.statusbar;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.movedesk.core.outbox.OutboxService;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiExecutor;

/** The status bar's beans; one status bar view model for the whole window. */
@Configuration(proxyBeanMethods = false)
public class StatusBarFeature {

    /** Sync's status model when the sync module is in the context (it always is in the app). */
    @Bean
    SyncStatusSource syncStatusSource(ObjectProvider<SyncStatus> syncStatus, OutboxService outbox,
                                      @Value("${movedesk.sync.enabled:true}") boolean syncEnabled) {
        SyncStatus status = syncStatus.getIfAvailable();
        return status == null ? new OutboxSyncStatusSource(outbox) : new SyncModuleStatusSource(status, outbox, syncEnabled);
    }

    @Bean
    StatusBarViewModel statusBarViewModel(SyncStatusSource source, TaskRunner tasks, UiEventBus events,
                                          UiExecutor ui, Clock clock) {
        return new StatusBarViewModel(source, tasks, events, ui, clock.withZone(java.time.ZoneId.systemDefault()));
    }
}
