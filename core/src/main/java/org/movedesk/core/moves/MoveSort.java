package org.movedesk.core.moves;

/**
 * How {@link MoveQueries#list(MoveFilter, MoveSort, int, int)} orders the whole filtered list
 * before it cuts a page, so a sort by column covers every page, not only the one shown. Ties
 * fall back to date, time due, reference and id, so paging stays stable.
 */
public record MoveSort(Column column, boolean descending) {

    /** The columns of the move list that can be sorted. */
    public enum Column {
        DATE("m.move_date %s, m.time_due %<s nulls last"),
        TIME("m.time_due %s nulls last"),
        REFERENCE("m.reference %s nulls last"),
        STATUS("case m.status when 'PROPOSED' then 0 when 'REQUESTED' then 1 when 'BOOKED' then 2"
                + " when 'IN_TRANSIT' then 3 when 'COMPLETED' then 4 else 5 end %s"),
        TYPE("m.move_type %s"),
        PRISON_NUMBER("pe.prison_number %s nulls last"),
        NAME("pe.last_name %s, pe.first_names %<s"),
        FROM("fl.title %s"),
        TO("tl.title %s nulls last"),
        SYNC("pending_sync %s");

        private final String orderBy;

        Column(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** Date and time due, earliest first: the list's order when no column is chosen. */
    public static final MoveSort DEFAULT = new MoveSort(Column.DATE, false);

    public MoveSort {
        column = column == null ? Column.DATE : column;
    }

    public static MoveSort ascending(Column column) {
        return new MoveSort(column, false);
    }

    public static MoveSort descending(Column column) {
        return new MoveSort(column, true);
    }

    /** The SQL order-by list: the chosen column, then the stable tie-breakers. Only fixed text, never user input. */
    String orderBy() {
        return String.format(column.orderBy, descending ? "desc" : "asc")
                + ", m.move_date, m.time_due nulls last, m.reference nulls last, m.id";
    }
}
