package org.movedesk.ui.supervisor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.movedesk.ui.common.UiSettings;

/** Remembers a table's column order, widths and visibility in the shell's UI settings file. */
final class TableColumnMemory {

    private TableColumnMemory() {
    }

    static <S> void restoreAndRemember(TableView<S> table, UiSettings settings, String key) {
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
            column.widthProperty().addListener((obs, old, now) -> settings.put(key + ".width." + column.getId(), now.doubleValue()));
            column.visibleProperty().addListener((obs, old, now) -> settings.put(key + ".visible." + column.getId(), now));
        }
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change ->
                settings.put(key + ".order", String.join(",", table.getColumns().stream().map(TableColumn::getId).toList())));
    }

    private static int position(List<String> order, String id) {
        int index = order.indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
