/**
 * The study protocol (issue 13, SPEC §3): one YAML file bound to typed records — data source,
 * labelled inclusion and exclusion steps, derivations, analyses (with the command line's option
 * names) and the report layout — and the checks that report every problem with its YAML line and
 * column.
 */
package org.thyra.studies.protocol;
