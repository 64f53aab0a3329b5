package org.thyra.studies.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run wrote.
 *
 * @param folder the report folder
 * @param files the files in it, relative
 * @param notRun ids of analyses this runner version does not run yet (named in the report)
 */
public record StudyResult(Path folder, List<String> files, List<String> notRun) {}
