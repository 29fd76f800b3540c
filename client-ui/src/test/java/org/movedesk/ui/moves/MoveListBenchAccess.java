package org.movedesk.ui.moves;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.movedesk.core.moves.MoveQueries;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;

/** Drives {@link MoveListViewModel} for the benchmark (package-private parts). */
public final class MoveListBenchAccess {

    private MoveListBenchAccess() {
    }

    public static MoveListViewModel create(MoveQueries queries, TaskRunner tasks, UiEventBus events, Set<UUID> mine,
                                           LocalDate anyDayOfWeek, org.movedesk.ui.common.Session session) {
        MoveListViewModel list = new MoveListViewModel(queries, tasks, events, null, () -> mine, session);
        list.periodProperty().set(MoveListViewModel.Period.WEEK);
        list.anchorProperty().set(anyDayOfWeek);
        return list;
    }

    public static void firstPage(MoveListViewModel list) {
        list.searchProperty().set("");
        list.groupByDestinationProperty().set(false);
        list.applyFilters();
        check(list.rows().size() == MoveListViewModel.PAGE_SIZE, "a full first page");
    }

    public static void lastPage(MoveListViewModel list) {
        list.searchProperty().set("");
        list.applyFilters();
        list.goToPage(list.pageCountProperty().get() - 1);
        check(!list.rows().isEmpty(), "rows on the last page");
    }

    public static void search(MoveListViewModel list, String text) {
        list.searchProperty().set(text);
        list.applyFilters();
        check(!list.rows().isEmpty(), "a hit for " + text);
    }

    public static void grouped(MoveListViewModel list) {
        list.searchProperty().set("");
        list.applyFilters();
        check(!list.groups().isEmpty(), "destination groups");
    }

    public static int pageSize() {
        return MoveListViewModel.PAGE_SIZE;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark expected " + what);
        }
    }
}
