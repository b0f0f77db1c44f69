package io.qmq.adapters.sqlstore;

import org.jooq.Field;

/**
 * Refuses text wider than its column instead of letting the database cut it: H2 casts MERGE inputs to
 * the column type, and MySQL outside strict mode truncates with a mere warning. Either way two long
 * names could silently become one. Widths are in characters, as both databases count them.
 */
final class ColumnWidths {

    private ColumnWidths() {
    }

    static String fitting(Field<String> column, String value) {
        int width = column.getDataType().length();
        if (value.codePointCount(0, value.length()) > width) {
            throw new MetaDataStoreException(column.getName() + " '" + value + "' is longer than the " + width
                    + " characters the meta-data database holds", null);
        }
        return value;
    }
}
