package org.movedesk.ui.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Remembers a flat table's column order, widths, visibility and sort column in the
 * {@link UiSettings}, with the same keys the move list uses for its tree table
 * ({@code <key>.order}, {@code <key>.width.<id>}, {@code <key>.visible.<id>}), so every table of
 * the desk comes back the way the operator left it. Columns need stable ids.
 */
public final class TableMemory {

    private TableMemory() {
    }

    public static <S> void remember(TableView<S> table, UiSettings settings, String key) {
        restore(table, settings, key);
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change ->
                settings.put(key + ".order", String.join(",", table.getColumns().stream().map(TableColumn::getId).toList())));
        for (TableColumn<S, ?> column : table.getColumns()) {
            column.widthProperty().addListener((obs, old, now) -> settings.put(key + ".width." + column.getId(), now.doubleValue()));
            column.visibleProperty().addListener((obs, old, now) -> settings.put(key + ".visible." + column.getId(), now));
            column.sortTypeProperty().addListener((obs, old, now) -> saveSort(table, settings, key));
        }
        table.getSortOrder().addListener((ListChangeListener<TableColumn<S, ?>>) change -> saveSort(table, settings, key));
    }

    private static <S> void saveSort(TableView<S> table, UiSettings settings, String key) {
        if (table.getSortOrder().isEmpty()) {
            settings.put(key + ".sort", null);
        } else {
            TableColumn<S, ?> first = table.getSortOrder().get(0);
            settings.put(key + ".sort", first.getId() + ":" + first.getSortType().name());
        }
    }

    static <S> void restore(TableView<S> table, UiSettings settings, String key) {
        List<String> order = Arrays.stream(settings.get(key + ".order", "").split(",")).filter(s -> !s.isBlank()).toList();
        if (!order.isEmpty()) {
            List<TableColumn<S, ?>> sorted = new ArrayList<>(table.getColumns());
            sorted.sort((a, b) -> Integer.compare(position(order, a.getId()), position(order, b.getId())));
            table.getColumns().setAll(sorted);
        }
        for (TableColumn<S, ?> column : table.getColumns()) {
            double width = settings.getDouble(key + ".width." + column.getId(), -1);
            if (width > 10) {
                column.setPrefWidth(width);
            }
            column.setVisible(settings.getBoolean(key + ".visible." + column.getId(), true));
        }
        settings.get(key + ".sort").ifPresent(sort -> {
            String[] parts = sort.split(":");
            table.getColumns().stream().filter(column -> column.getId().equals(parts[0])).findFirst().ifPresent(column -> {
                try {
                    column.setSortType(TableColumn.SortType.valueOf(parts.length > 1 ? parts[1] : "ASCENDING"));
                } catch (IllegalArgumentException damaged) {
                    column.setSortType(TableColumn.SortType.ASCENDING);
                }
                table.getSortOrder().setAll(List.of(column));
            });
        });
    }

    private static int position(List<String> order, String id) {
        int index = order.indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
