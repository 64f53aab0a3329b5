package org.thyra.clinical.comorbidity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.thyra.clinical.Derived;

/**
 * Age-adjusted Charlson comorbidity index (Charlson ME et al., J Clin Epidemiol 1994;47:1245–1251):
 * the sum of the condition weights ({@link CharlsonCondition}) plus one point per decade from 50:
 * &lt; 50 years 0, 50–59 1, 60–69 2, 70–79 3, ≥ 80 4.
 *
 * <p>Age is taken in completed years: <em>exactly 50 scores 1 point, 49.99 scores 0</em>; likewise
 * 60, 70 and 80 start their bands. Within a hierarchy (liver, diabetes, tumour) only the heavier
 * condition counts. Whether the index thyroid cancer itself counts as a tumour is the caller's
 * choice: list it in the conditions only if the study counts it (seed 000 does not say).
 */
public final class AgeAdjustedCharlson {

  /** The convention this rule applies, as its results state it in {@code method}. */
  public static final String METHOD =
      "Charlson 1987 weights + age points (Charlson 1994): 1 per decade from 50 (exactly 50 scores 1), at most 4";

  private AgeAdjustedCharlson() {}

  /** Age points: 0 below 50, then one per decade, capped at 4 from 80. */
  public static int agePoints(double ageYears) {
    if (!(ageYears >= 0) || !Double.isFinite(ageYears)) {
      throw new IllegalArgumentException(
          "age must be a finite, non-negative number of years: " + ageYears);
    }
    int completed = (int) Math.floor(ageYears);
    if (completed < 50) {
      return 0;
    }
    return Math.min(4, (completed - 40) / 10);
  }

  /** The age-adjusted index with its breakdown. */
  public static Derived<Integer> score(double ageYears, Collection<CharlsonCondition> conditions) {
    return scoreDecided(ageYears, conditions).withMethod(METHOD);
  }

  private static Derived<Integer> scoreDecided(
      double ageYears, Collection<CharlsonCondition> conditions) {
    int age = agePoints(ageYears);
    Set<CharlsonCondition> set =
        conditions.isEmpty() ? EnumSet.noneOf(CharlsonCondition.class) : EnumSet.copyOf(conditions);
    int total = age;
    List<String> parts = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (CharlsonCondition c : set) {
      CharlsonCondition heavier = heavierInHierarchy(c, set);
      if (heavier != null) {
        warnings.add(
            c.code() + " not counted: " + heavier.code() + " (same hierarchy) counts instead");
        continue;
      }
      total += c.weight();
      parts.add(c.code() + " " + c.weight());
    }
    String reason =
        "age "
            + (int) Math.floor(ageYears)
            + " → "
            + age
            + (parts.isEmpty() ? "" : "; " + String.join(", ", parts))
            + " → "
            + total;
    return new Derived<>(total, reason, warnings);
  }

  private static CharlsonCondition heavierInHierarchy(
      CharlsonCondition c, Set<CharlsonCondition> set) {
    if (c.hierarchy() == null) {
      return null;
    }
    for (CharlsonCondition o : set) {
      if (o != c && c.hierarchy().equals(o.hierarchy()) && o.weight() > c.weight()) {
        return o;
      }
    }
    return null;
  }
}
