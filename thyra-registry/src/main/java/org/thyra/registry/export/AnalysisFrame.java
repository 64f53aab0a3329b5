package org.thyra.registry.export;

import java.util.List;

/**
 * A table ready to write: column names and rows of cells ({@code null} = missing), with the
 * conventions used and the warnings raised while building it.
 *
 * @param columns column names
 * @param rows rows, each as long as {@code columns}
 * @param method how dates, endpoints and derived columns were computed
 * @param warnings e.g. patients without the chosen endpoint origin (their cells are missing)
 */
public record AnalysisFrame(
    List<String> columns, List<List<String>> rows, String method, List<String> warnings) {}
