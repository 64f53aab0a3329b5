/**
 * {@code thyra registry init|import|check|export|audit|backup|restore}: the command line of the
 * registry (thyra-registry); parsing options and printing only.
 */
package org.thyra.app.registry;
