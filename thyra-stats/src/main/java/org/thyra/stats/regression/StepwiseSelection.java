package org.thyra.stats.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stepwise model selection by AIC exactly as {@code MASS::stepAIC} (k = 2): at each step every
 * allowed single-variable drop (backward/both) and addition (forward/both) is refitted; the
 * candidate with the smallest AIC is taken, the current model ("&lt;none&gt;") listed first so it
 * wins ties; the search stops when no change lowers the AIC. A variable enters or leaves with all
 * its design columns. Drops that remove no coefficient (aliased variables) are made first, as
 * {@code stepAIC} does. An added variable is appended to the model order.
 *
 * <p>Reference: Venables and Ripley (2002) Modern Applied Statistics with S, 4th ed., §6.8; Akaike
 * (1974).
 */
public final class StepwiseSelection {
  private StepwiseSelection() {}

  /**
   * Backward from all variables, forward from none, or both from all variables; scope is every
   * candidate variable, lower scope empty.
   */
  public static <F> StepwiseResult<F> select(
      ModelFitter<F> fitter, List<String> variables, StepDirection direction) {
    int[] all = new int[variables.size()];
    Arrays.setAll(all, i -> i);
    int[] start = direction == StepDirection.FORWARD ? new int[0] : all;
    return select(fitter, variables, direction, start, new int[0]);
  }

  /**
   * Full control.
   *
   * @param fitter fits a model on a set of variables
   * @param variables candidate variable names (the upper scope)
   * @param direction search direction
   * @param start variables of the starting model
   * @param keep variables that may never be dropped (the lower scope)
   */
  public static <F> StepwiseResult<F> select(
      ModelFitter<F> fitter,
      List<String> variables,
      StepDirection direction,
      int[] start,
      int[] keep) {
    int[] all = new int[variables == null ? 0 : variables.size()];
    Arrays.setAll(all, i -> i);
    return select(fitter, variables, direction, start, keep, all);
  }

  /**
   * As {@link #select(ModelFitter, List, StepDirection, int[], int[])} with an explicit upper
   * scope: only variables in {@code scope} (and the start model) may be added, e.g. the variables
   * that passed a univariable screen.
   */
  public static <F> StepwiseResult<F> select(
      ModelFitter<F> fitter,
      List<String> variables,
      StepDirection direction,
      int[] start,
      int[] keep,
      int[] scope) {
    if (fitter == null
        || variables == null
        || direction == null
        || start == null
        || keep == null
        || scope == null) {
      throw new IllegalArgumentException(
          "fitter, variables, direction, start, keep and scope must not be null");
    }
    for (int v : concat(concat(start, keep), scope)) {
      if (v < 0 || v >= variables.size()) {
        throw new IllegalArgumentException(
            "variable index " + v + " out of range 0.." + (variables.size() - 1));
      }
    }
    boolean backward = direction != StepDirection.FORWARD;
    boolean forward = direction != StepDirection.BACKWARD;
    List<Integer> current = new ArrayList<>();
    for (int v : start) {
      if (!current.contains(v)) {
        current.add(v);
      }
    }
    for (int v : keep) {
      if (!current.contains(v)) {
        throw new IllegalArgumentException(
            "kept variable " + variables.get(v) + " is not in the starting model");
      }
    }
    List<String> warnings = new ArrayList<>();
    ModelFit<F> fit = fitter.fit(toArray(current));
    List<StepwiseResult.Step> steps = new ArrayList<>();
    steps.add(new StepwiseResult.Step("", fit.aic(), fit.df()));
    for (int iteration = 0; iteration < 1000; iteration++) {
      double aic = fit.aic();
      List<String> changes = new ArrayList<>();
      List<List<Integer>> models = new ArrayList<>();
      List<ModelFit<F>> fits = new ArrayList<>();
      String zeroDfDrop = null;
      int zeroDfIndex = -1;
      if (backward) {
        for (int v : current) {
          if (contains(keep, v)) {
            continue;
          }
          List<Integer> m = new ArrayList<>(current);
          m.remove(Integer.valueOf(v));
          ModelFit<F> f = fitter.fit(toArray(m));
          if (f.df() == fit.df()) {
            if (Math.abs(f.aic() - aic) > 0.01) {
              warnings.add("0 df terms are changing AIC");
            } else {
              zeroDfDrop = "- " + variables.get(v); // stepAIC takes the last such term
              zeroDfIndex = models.size();
            }
          }
          changes.add("- " + variables.get(v));
          models.add(m);
          fits.add(f);
        }
      }
      int best = -1;
      if (zeroDfDrop != null) {
        best = zeroDfIndex;
      } else {
        if (forward) {
          for (int v : scope) {
            if (current.contains(v)) {
              continue;
            }
            List<Integer> m = new ArrayList<>(current);
            m.add(v);
            changes.add("+ " + variables.get(v));
            models.add(m);
            fits.add(fitter.fit(toArray(m)));
          }
        }
        double bestAic = aic; // "<none>" comes first and wins ties
        for (int c = 0; c < fits.size(); c++) {
          if (fits.get(c).df() == fit.df()) {
            continue; // stepAIC drops zero-df rows before ordering
          }
          if (fits.get(c).aic() < bestAic) {
            bestAic = fits.get(c).aic();
            best = c;
          }
        }
        if (best < 0) {
          break;
        }
      }
      ModelFit<F> next = fits.get(best);
      if (next.aic() >= aic + 1e-7) {
        break;
      }
      current = models.get(best);
      fit = next;
      steps.add(new StepwiseResult.Step(changes.get(best), fit.aic(), fit.df()));
    }
    List<String> names = new ArrayList<>();
    for (int v : current) {
      names.add(variables.get(v));
    }
    String method =
        "stepwise selection by AIC (k = 2) as MASS::stepAIC, direction "
            + direction.name().toLowerCase()
            + "; variables enter and leave with all their columns";
    return new StepwiseResult<>(names, toArray(current), fit, steps, direction, method, warnings);
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
