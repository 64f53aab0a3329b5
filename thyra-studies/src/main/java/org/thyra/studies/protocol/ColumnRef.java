package org.thyra.studies.protocol;

/**
 * A column a protocol entry names, with the YAML key that names it (for messages).
 *
 * @param key the key, e.g. {@code time} or {@code formula}
 * @param index the position in a list value, or -1
 * @param column the column name
 * @param levels whether the column must be categorical (its levels are used)
 */
public record ColumnRef(String key, int index, String column, boolean levels) {}
