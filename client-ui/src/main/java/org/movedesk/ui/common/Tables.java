package org.movedesk.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * How the desk's flat tables are set up (administration, sync centre, patients, history): text
 * columns with stable ids ({@code col-<id>}, which {@link TableMemory} and tests rely on), the
 * rows, a placeholder that says what to do, and the remembered layout.
 */
public final class Tables {

    private Tables() {
    }

    /** A read-only text column; a null value shows as empty. */
    public static <S> TableColumn<S, String> text(String id, String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setId("col-" + id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Objects.requireNonNullElse(value.apply(cell.getValue()), "")));
        return column;
    }

    /**
     * Columns, rows and placeholder; with {@code settings} and {@code memoryKey} the operator's
     * column order, widths, visibility and sort come back next time.
     */
    public static <S> void setUp(TableView<S> table, List<TableColumn<S, ?>> columns, ObservableList<S> rows,
                                 String placeholder, UiSettings settings, String memoryKey) {
        table.getColumns().setAll(columns);
        if (settings != null && memoryKey != null) {
            TableMemory.remember(table, settings, memoryKey);
        }
        table.setItems(rows);
        table.setPlaceholder(new Label(placeholder));
    }
}
