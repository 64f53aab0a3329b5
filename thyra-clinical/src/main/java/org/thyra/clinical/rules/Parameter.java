package org.thyra.clinical.rules;

/**
 * A rule parameter that is the same for every row ({@code --param threshold=25}).
 *
 * @param name parameter name
 * @param defaultValue the value used when the parameter is not given
 * @param description what it changes
 */
public record Parameter(String name, String defaultValue, String description) {}
