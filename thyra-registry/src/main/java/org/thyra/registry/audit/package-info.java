/**
 * The append-only audit trail: who changed which entry of which patient, when, from what to what,
 * and why (an import names its file and the file's SHA-256).
 */
package org.thyra.registry.audit;
