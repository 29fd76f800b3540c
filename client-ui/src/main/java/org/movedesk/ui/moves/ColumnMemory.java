package org.movedesk.ui.moves;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

import org.movedesk.ui.common.UiSettings;

/** Remembers a table's column order, widths and visibility in the UI settings. */
final class ColumnMemory {

    private ColumnMemory() {
    }

    static <S> void restore(TreeTableView<S> table, UiSettings settings, String key) {
        List<String> order = Arrays.stream(settings.get(key + ".order", "").split(",")).filter(s -> !s.isBlank()).toList();
        if (!order.isEmpty()) {
            List<TreeTableColumn<S, ?>> sorted = new ArrayList<>(table.getColumns());
            sorted.sort((a, b) -> Integer.compare(position(order, a.getId()), position(order, b.getId())));
            table.getColumns().setAll(sorted);
        }
        for (TreeTableColumn<S, ?> column : table.getColumns()) {
            double width = settings.getDouble(key + ".width." + column.getId(), -1);
            if (width > 10) {
                column.setPrefWidth(width);
            }
            column.setVisible(settings.getBoolean(key + ".visible." + column.getId(), true));
        }
    }

    private static int position(List<String> order, String id) {
        int index = order.indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    static <S> void rememberChanges(TreeTableView<S> table, UiSettings settings, String key) {
        table.getColumns().addListener((ListChangeListener<TreeTableColumn<S, ?>>) change ->
                settings.put(key + ".order", String.join(",", table.getColumns().stream().map(TreeTableColumn::getId).toList())));
        for (TreeTableColumn<S, ?> column : table.getColumns()) {
            column.widthProperty().addListener((obs, old, now) -> settings.put(key + ".width." + column.getId(), now.doubleValue()));
            column.visibleProperty().addListener((obs, old, now) -> settings.put(key + ".visible." + column.getId(), now));
        }
    }
}
