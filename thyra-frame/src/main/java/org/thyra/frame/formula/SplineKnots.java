package org.thyra.frame.formula;

import java.util.Arrays;
import java.util.List;
import org.thyra.frame.DecimalText;

/**
 * Restricted cubic splines as {@code rms::rcs} makes them: knots at Hmisc's default quantiles
 * ({@code Hmisc::rcspline.eval}, {@code fractied = 0.05}) and the basis with {@code norm = 2}.
 *
 * <p>Default knot quantiles (Harrell, Regression Modeling Strategies, 2nd ed., Table 2.3): 3 knots
 * .10 .50 .90; 4 knots .05 .35 .65 .95; 5 knots .05 .275 .50 .725 .95; 6 knots .05 .23 .41 .59 .77
 * .95; 7 knots .025 .1833 .3417 .50 .6583 .8167 .975 (quantile type 7). With fewer than 100 values
 * the outer knots move to the 5th smallest and 5th largest value; a value holding 5 % or more of
 * the rows at either end (when no inner value does) becomes its own knot region, as Hmisc does.
 *
 * <p>Basis for knots t<sub>1</sub> &lt; ... &lt; t<sub>k</sub>: x itself, and for j = 1..k-2
 *
 * <pre>
 *   (x - t_j)+^3 - (x - t_{k-1})+^3 (t_k - t_j)/(t_k - t_{k-1})
 *                + (x - t_k)+^3 (t_{k-1} - t_j)/(t_k - t_{k-1}),   all over (t_k - t_1)^2
 * </pre>
 *
 * linear beyond the outer knots.
 */
final class SplineKnots {
  private SplineKnots() {}

  /**
   * @param values the non-missing values of the column
   * @param k the number of knots asked for
   * @param warnings where a note goes when fewer knots could be placed (as Hmisc's warning)
   * @param term the term, for messages
   * @return the knots, ascending and distinct (3 or more)
   * @throws IllegalArgumentException with a message for the user when no spline can be placed
   */
  static double[] place(double[] values, int k, List<String> warnings, Term term) {
    int n = values.length;
    double[] xx = values.clone();
    Arrays.sort(xx);
    double[] xu = ModelFrame.distinctSorted(xx);
    int nxu = xu.length;
    if (n < 6) {
      throw new IllegalArgumentException(
          term
              + " needs at least 6 non-missing values of \""
              + term.variable()
              + "\" to place its knots; it has "
              + n);
    }
    if (nxu < k || nxu < 5) {
      // Hmisc needs 3 distinct inner values at least; fewer values than knots is a mistake
      throw new IllegalArgumentException(
          term
              + ": \""
              + term.variable()
              + "\" has "
              + nxu
              + " distinct values, fewer than "
              + (nxu < k ? "the " + k + " knots asked for" : "the 5 a spline needs")
              + "; "
              + (nxu >= 5
                  ? "use fewer knots (e.g. rcs(" + Formula.quote(term.variable()) + ", 3)), "
                  : "")
              + "enter it linearly or as factor("
              + Formula.quote(term.variable())
              + ")");
    }
    double[] knots;
    if (nxu - 2 <= k) {
      knots = Arrays.copyOfRange(xu, 1, nxu - 1);
      warnings.add(
          term
              + ": "
              + k
              + " knots asked for with "
              + nxu
              + " distinct values of \""
              + term.variable()
              + "\"; the knots are the "
              + (nxu - 2)
              + " inner values (as Hmisc::rcspline.eval)");
    } else {
      double outer = k > 3 ? 0.05 : 0.1;
      if (k > 6) {
        outer = 0.025;
      }
      int nke = k;
      boolean overrideFirst = false;
      boolean overrideLast = false;
      double[] firstKnot = new double[0];
      double[] lastKnot = new double[0];
      double fractied = 0.05;
      int[] counts = counts(xx, xu);
      double maxInner = Double.NEGATIVE_INFINITY;
      for (int i = 1; i < nxu - 1; i++) {
        maxInner = Math.max(maxInner, (double) counts[i] / n);
      }
      double[] cur = xx;
      if (maxInner < fractied) {
        if ((double) counts[0] / n >= fractied) {
          double fk = xu[1];
          firstKnot = new double[] {fk};
          cur = Arrays.stream(cur).filter(v -> v > fk).toArray();
          nke--;
          overrideFirst = true;
        }
        if ((double) counts[nxu - 1] / n >= fractied) {
          double lk = xu[nxu - 2];
          lastKnot = new double[] {lk};
          cur = Arrays.stream(cur).filter(v -> v < lk).toArray();
          nke--;
          overrideLast = true;
        }
      }
      double[] mid;
      if (nke == 1) {
        mid = new double[] {quantile(cur, 0.5)};
      } else {
        double[] p = nke == 2 ? seq(0.5, 1 - outer, nke) : seq(outer, 1 - outer, nke);
        mid = quantiles(cur, p);
        if (ModelFrame.distinctSorted(mid).length < Math.min(nke, 3)) {
          mid = quantiles(cur, seq(outer, 1 - outer, 2 * nke));
          if (firstKnot.length > 0 && ModelFrame.distinctSorted(mid).length < 3) {
            double midval =
                lastKnot.length > 0 ? (firstKnot[0] + lastKnot[0]) / 2 : quantile(cur, 0.5);
            mid =
                lastKnot.length > 0
                    ? new double[] {firstKnot[0], midval, lastKnot[0]}
                    : new double[] {firstKnot[0], midval, quantile(cur, 1 - outer)};
            Arrays.sort(mid);
          }
          int nu = ModelFrame.distinctSorted(mid).length;
          if (nu < 3) {
            throw fewerThanThree(term);
          }
          warnings.add(
              term
                  + ": could not place "
                  + nke
                  + " knots at the default quantiles of \""
                  + term.variable()
                  + "\"; used Hmisc's alternate algorithm, "
                  + nu
                  + " knots");
        }
        if (cur.length < 100) {
          // cur is sorted: the filters above keep the order
          if (!overrideFirst) {
            mid[0] = cur[4];
          }
          if (!overrideLast) {
            mid[nke - 1] = cur[cur.length - 5];
          }
        }
      }
      knots = new double[firstKnot.length + mid.length + lastKnot.length];
      System.arraycopy(firstKnot, 0, knots, 0, firstKnot.length);
      System.arraycopy(mid, 0, knots, firstKnot.length, mid.length);
      System.arraycopy(lastKnot, 0, knots, firstKnot.length + mid.length, lastKnot.length);
    }
    knots = ModelFrame.distinctSorted(knots);
    if (knots.length < 3) {
      throw fewerThanThree(term);
    }
    if (knots.length < k && nxu - 2 > k) {
      warnings.add(
          term
              + ": "
              + knots.length
              + " distinct knots of the "
              + k
              + " asked for (tied quantiles of \""
              + term.variable()
              + "\")");
    }
    return knots;
  }

  private static IllegalArgumentException fewerThanThree(Term term) {
    return new IllegalArgumentException(
        term
            + ": fewer than 3 distinct knots can be placed on \""
            + term.variable()
            + "\" (too few distinct values); enter it linearly or as factor("
            + Formula.quote(term.variable())
            + ")");
  }

  /**
   * @param x values
   * @param knots 3 or more ascending knots
   * @return the k - 1 basis columns: x, then the k - 2 nonlinear ones
   */
  static double[][] basis(double[] x, double[] knots) {
    int nk = knots.length;
    double knot1 = knots[0];
    double knotnk = knots[nk - 1];
    double knotnk1 = knots[nk - 2];
    double kd = Math.pow(knotnk - knot1, 2.0 / 3.0);
    double[][] out = new double[nk - 1][x.length];
    out[0] = x.clone();
    for (int j = 0; j < nk - 2; j++) {
      double tj = knots[j];
      double[] col = out[j + 1];
      for (int i = 0; i < x.length; i++) {
        double v = x[i];
        col[i] =
            cube(Math.max((v - tj) / kd, 0))
                + ((knotnk1 - tj) * cube(Math.max((v - knotnk) / kd, 0))
                        - (knotnk - tj) * cube(Math.max((v - knotnk1) / kd, 0)))
                    / (knotnk - knotnk1);
      }
    }
    return out;
  }

  /**
   * @return the spline's basis at one value (for axes and new data)
   */
  static double[] basisAt(double x, double[] knots) {
    double[][] b = basis(new double[] {x}, knots);
    double[] row = new double[b.length];
    for (int c = 0; c < b.length; c++) {
      row[c] = b[c][0];
    }
    return row;
  }

  private static double cube(double v) {
    return Math.pow(v, 3);
  }

  private static int[] counts(double[] sorted, double[] distinct) {
    int[] c = new int[distinct.length];
    int j = 0;
    for (double v : sorted) {
      while (distinct[j] != (v == 0 ? 0.0 : v)) {
        j++;
      }
      c[j]++;
    }
    return c;
  }

  /** R's {@code seq(from, to, length.out = n)}: the last value is {@code to} exactly. */
  static double[] seq(double from, double to, int n) {
    if (n == 1) {
      return new double[] {from};
    }
    double[] s = new double[n];
    int n1 = n - 1;
    double by = (to - from) / n1;
    s[0] = from;
    for (int i = 1; i < n1; i++) {
      s[i] = from + i * by;
    }
    s[n1] = to;
    return s;
  }

  private static double[] quantiles(double[] sorted, double[] p) {
    double[] q = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      q[i] = quantile(sorted, p[i]);
    }
    return q;
  }

  /** R's {@code quantile(x, p, type = 7)} of sorted values. */
  static double quantile(double[] sorted, double p) {
    int n = sorted.length;
    double index = 1 + (n - 1) * p;
    int lo = (int) Math.floor(index);
    int hi = (int) Math.ceil(index);
    double qs = sorted[lo - 1];
    double h = index - lo;
    if (index > lo && sorted[hi - 1] != qs) {
      qs = (1 - h) * qs + h * sorted[hi - 1];
    }
    return qs;
  }

  /** For messages: knots as R prints them. */
  static String format(double[] knots) {
    StringBuilder sb = new StringBuilder("c(");
    for (int i = 0; i < knots.length; i++) {
      sb.append(i > 0 ? ", " : "").append(DecimalText.format(knots[i]));
    }
    return sb.append(')').toString();
  }
}
