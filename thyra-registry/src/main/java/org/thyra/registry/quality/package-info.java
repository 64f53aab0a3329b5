/** Data-quality rules run over the whole registry ({@code thyra registry check}). */
package org.thyra.registry.quality;
