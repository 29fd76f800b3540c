package org.movedesk.ui.supervisor;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.movedesk.core.history.explorer.ExplorerFilter;
import org.movedesk.core.history.stats.DayStatusCount;
import org.movedesk.core.history.stats.DurationStats;
import org.movedesk.core.history.stats.HistoryStats;
import org.movedesk.core.history.stats.LabelCount;
import org.movedesk.core.history.stats.ReasonCount;
import org.movedesk.core.operators.Actor;
import org.movedesk.ui.common.BackgroundTask;
import org.movedesk.ui.common.ErrorMessages;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;

/** The five charts of the explorer, computed in the background for the filter the explorer applied. */
public class HistoryChartsViewModel {

    /** Everything the charts tab draws. */
    public record ChartData(List<DayStatusCount> perDay, DurationStats bookedToCompleted, List<ReasonCount> reasons,
                            List<LabelCount> perLocation, List<LabelCount> perOperator) {
    }

    private final HistoryStats stats;
    private final Session session;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<ChartData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private long request;

    public HistoryChartsViewModel(HistoryStats stats, Session session, TaskRunner tasks) {
        this.stats = stats;
        this.session = session;
        this.tasks = tasks;
    }

    public void load(ExplorerFilter filter) {
        load(filter, () -> { });
    }

    /** @param after runs (on the UI thread) once the data for this filter is in place */
    public void load(ExplorerFilter filter, Runnable after) {
        Actor actor = session.require();
        long mine = ++request;
        loading.set(true);
        tasks.run(BackgroundTask.of("Computing charts", progress -> new ChartData(
                        stats.movesPerDayByStatus(actor, filter),
                        stats.bookedToCompleted(actor, filter),
                        stats.cancellationsByReason(actor, filter),
                        stats.activityPerLocation(actor, filter),
                        stats.activityPerOperator(actor, filter)))
                .onSuccess(result -> {
                    if (mine == request) {
                        data.set(result);
                        error.set("");
                        after.run();
                    }
                })
                .onFailure(failure -> {
                    if (mine == request) {
                        error.set(ErrorMessages.forUser(failure));
                    }
                })
                .onFinished(() -> {
                    if (mine == request) {
                        loading.set(false);
                    }
                }));
    }

    public ReadOnlyObjectProperty<ChartData> dataProperty() { return data.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
