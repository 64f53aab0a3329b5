/** AJCC 8th and 7th edition T, N, M and stage groups for differentiated thyroid carcinoma. */
package org.thyra.clinical.staging;
