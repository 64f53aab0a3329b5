/** ATA 2015 initial risk of structural disease recurrence. */
package org.thyra.clinical.risk;
