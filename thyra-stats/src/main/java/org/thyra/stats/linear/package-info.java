/** Small dense linear algebra the models need (Cholesky with R's aliasing rule). */
package org.thyra.stats.linear;
