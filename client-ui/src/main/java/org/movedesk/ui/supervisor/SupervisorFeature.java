package org.movedesk.ui.supervisor;

import java.time.ZoneId;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import org.movedesk.core.history.HistoryChainCheck;
import org.movedesk.core.history.explorer.HistoryExplorer;
import org.movedesk.core.history.export.HistoryCsvExport;
import org.movedesk.core.history.export.HistoryPdfReport;
import org.movedesk.core.history.stats.HistoryStats;
import org.movedesk.core.history.timeline.CentralTimelineService;
import org.movedesk.core.history.timeline.CentralTimelineSource;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.moves.CentralMoveTimeline;
import org.movedesk.ui.common.DialogService;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.shell.NavigationEntry;

/**
 * The supervisor's history explorer (Ctrl+H): filters, paged table, drill-down, charts,
 * exports, print and "Verify history". Every operator may open it; core shows each one only
 * what they may see (their own entries unless SUPERVISOR or ADMIN).
 */
@Configuration(proxyBeanMethods = false)
public class SupervisorFeature {

    public static final String HISTORY = "history";

    @Bean
    NavigationEntry historyEntry() {
        return NavigationEntry.sidebar(HISTORY, "History", "mdal-history", 70,
                "/org/movedesk/ui/supervisor/HistoryExplorerView.fxml", "Shortcut+H", actor -> true);
    }

    /**
     * The centre's timeline through sync while the desk is online; "could not ask" at once when
     * sync is switched off or the desk is offline (no waiting for a connection timeout).
     */
    @Bean
    CentralTimelineSource centralTimelineSource(ObjectProvider<CentralClients> clients,
                                                ObjectProvider<org.movedesk.sync.status.SyncStatus> status) {
        CentralClients available = clients.getIfAvailable();
        if (available == null) {
            return centralMoveId -> Optional.empty();
        }
        CentralMoveTimeline central = new CentralMoveTimeline(available.moves());
        return centralMoveId -> {
            org.movedesk.sync.status.SyncStatus sync = status.getIfAvailable();
            return sync != null && !sync.current().online() ? Optional.empty() : central.fetch(centralMoveId);
        };
    }

    @Bean
    ExportTargets exportTargets(DialogService dialogs) {
        return new ExportTargets(dialogs);
    }

    @Bean
    @Scope("prototype")
    HistoryExplorerViewModel historyExplorerViewModel(HistoryExplorer explorer, HistoryCsvExport csv,
                                                      HistoryPdfReport pdf, HistoryChainCheck chain, Session session,
                                                      TaskRunner tasks, UiSettings settings,
                                                      org.movedesk.core.operators.OperatorService operators,
                                                      org.movedesk.ui.common.UiExecutor ui) {
        HistoryExplorerViewModel model = new HistoryExplorerViewModel(explorer, csv, pdf, chain, session, tasks, settings,
                ZoneId.systemDefault());
        model.operatorNamesFrom(actor -> operators.list(actor).stream()
                .map(org.movedesk.core.operators.OperatorView::username).toList());
        model.postProgressWith(ui::execute);
        return model;
    }

    @Bean
    @Scope("prototype")
    DrillDownViewModel drillDownViewModel(HistoryExplorer explorer, CentralTimelineService central,
                                          CentralTimelineSource source, Session session, TaskRunner tasks) {
        return new DrillDownViewModel(explorer, central, source, session, tasks);
    }

    @Bean
    @Scope("prototype")
    HistoryChartsViewModel historyChartsViewModel(HistoryStats stats, Session session, TaskRunner tasks) {
        return new HistoryChartsViewModel(stats, session, tasks);
    }
}
