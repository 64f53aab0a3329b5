/**
 * Time-to-event endpoints derived from a course: PFS, OS, time to new nodal metastasis, time to
 * disappearance.
 */
package org.thyra.clinical.endpoint;
