/** Backup of a whole registry to one file, and restore into an empty registry. */
package org.thyra.registry.backup;
