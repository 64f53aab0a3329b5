package org.thyra.clinical.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.thyra.clinical.Derived;

/**
 * The RECIST 1.1 result at one follow-up assessment.
 *
 * @param date imaging date
 * @param sumMm sum of target diameters (mm)
 * @param baselineSumMm the baseline sum
 * @param nadirSumMm the smallest sum before this assessment, baseline included
 * @param changeFromBaselinePercent (sum − baseline) / baseline × 100
 * @param changeFromNadirPercent (sum − nadir) / nadir × 100 (NaN when the nadir is 0)
 * @param target the target response with its reason
 * @param overall the overall response with its reason
 */
public record RecistTimepoint(
    LocalDate date,
    BigDecimal sumMm,
    BigDecimal baselineSumMm,
    BigDecimal nadirSumMm,
    double changeFromBaselinePercent,
    double changeFromNadirPercent,
    Derived<RecistResponse> target,
    Derived<RecistResponse> overall) {}
