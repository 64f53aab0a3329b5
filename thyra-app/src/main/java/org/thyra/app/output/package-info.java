/** The output options every command shares ({@code --format}, {@code --out}). */
package org.thyra.app.output;
