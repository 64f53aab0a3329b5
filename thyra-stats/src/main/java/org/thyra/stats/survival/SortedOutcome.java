package org.thyra.stats.survival;

/**
 * A right-censored outcome sorted once, so that many predictors can be evaluated on it without
 * sorting the times again: Harrell's C ({@link Concordance}) and the coefficient of a Cox model
 * with the predictor as its only covariate (the calibration slope of a linear predictor). The
 * bootstrap validation of a Cox model evaluates every replicate's linear predictor on the same
 * original data this way ({@code rms::validate.cph}).
 *
 * <p>Times are merged as {@code coxph(timefix = TRUE)} does ({@link CoxTimeFix}), so both results
 * equal those of {@link Concordance#compute} and {@link CoxModel#fit} on the same data.
 *
 * <p>The one-covariate fit is {@code coxph.fit}'s Newton–Raphson (start 0, step-halving when the
 * log partial likelihood decreases, converged when {@code |1 - loglik_old / loglik_new| <= eps}, at
 * most {@code maxIterations}) on the centred covariate, each pass O(n) over the presorted times:
 * with {@code S_k = Σ_{T_j >= t} exp(β z_j) z_j^k} and, over the d deaths at t, {@code E_k},
 * Efron's approximation uses {@code S_k - (r/d) E_k} for r = 0..d-1 (Breslow: r = 0).
 *
 * <p>References: Therneau TM, Grambsch PM (2000) Modeling Survival Data, Springer, §3.3; survival
 * package, coxfit6.c.
 */
public final class SortedOutcome {
  private final double[] time;
  private final int[] status;
  private final CoxOrdering.Ranks ranks;

  /** subjects by time descending; within a time, in reverse input order */
  private final int[] descending;

  /** start of each distinct-time group in {@code descending}; one extra entry n */
  private final int[] groupStart;

  private SortedOutcome(double[] time, int[] status, CoxOrdering.Ranks ranks) {
    this.time = time;
    this.status = status;
    this.ranks = ranks;
    final int n = time.length;
    final int[] order = ranks.order();
    descending = new int[n];
    for (int k = 0; k < n; k++) {
      descending[k] = order[n - 1 - k];
    }
    final int[] rank = ranks.rank();
    final int[] starts = new int[ranks.count() + 1];
    int g = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || rank[descending[k]] != rank[descending[k - 1]]) {
        starts[g++] = k;
      }
    }
    starts[g] = n;
    groupStart = java.util.Arrays.copyOf(starts, g + 1);
  }

  /**
   * Sorts the outcome.
   *
   * @param time follow-up times, finite and >= 0
   * @param status 1 = event, 0 = censored
   * @return the sorted outcome (the arrays are copied)
   * @throws IllegalArgumentException for mismatched lengths or invalid values
   */
  public static SortedOutcome of(double[] time, int[] status) {
    if (time == null || status == null) {
      throw new IllegalArgumentException("time and status must not be null");
    }
    if (time.length != status.length) {
      throw new IllegalArgumentException(
          "time ("
              + time.length
              + ") and status ("
              + status.length
              + ") must have the same length");
    }
    SurvivalInput.checkValues(time, status);
    final CoxTimeFix.Ranked times = CoxTimeFix.ranked(time, true);
    return new SortedOutcome(
        times.time() == time ? time.clone() : times.time(), status.clone(), times.ranks());
  }

  /**
   * @return the number of subjects
   */
  public int size() {
    return time.length;
  }

  /**
   * Harrell's C of a predictor, as {@link Concordance#compute} without strata.
   *
   * @param predictor one finite value per subject
   * @param reverse true when larger predictor values mean shorter survival
   * @return the statistic, SE and pair counts
   * @throws IllegalArgumentException for a wrong length or non-finite values
   */
  public ConcordanceResult concordance(double[] predictor, boolean reverse) {
    checkPredictor(predictor);
    return Concordance.computeFixed(time, ranks, status, predictor, null, reverse);
  }

  /**
   * Harrell's C alone, without its standard error: the same value as {@code concordance(predictor,
   * reverse).c()}, counted with a Fenwick tree over the predictor ranks while walking the times
   * from the last: for each event at t, the comparable subjects are those with a longer time and
   * those censored at t. O(n log n), no per-subject arrays.
   *
   * @param predictor one finite value per subject
   * @param reverse true when larger predictor values mean shorter survival
   * @return C, or NaN without comparable pairs
   * @throws IllegalArgumentException for a wrong length or non-finite values
   */
  public double harrellC(double[] predictor, boolean reverse) {
    checkPredictor(predictor);
    final CoxOrdering.Ranks xr = CoxOrdering.ranks(predictor);
    final int[] xRank = xr.rank();
    final int m = xr.count();
    final int[] tree = new int[m + 1]; // Fenwick tree of counts by predictor rank (1-based)
    int inserted = 0;
    long larger = 0;
    long smaller = 0;
    long tied = 0;
    for (int g = 0; g + 1 < groupStart.length; g++) {
      final int from = groupStart[g];
      final int to = groupStart[g + 1];
      // censored at this time outlive its events: into the tree first
      for (int k = from; k < to; k++) {
        final int i = descending[k];
        if (status[i] == 0) {
          add(tree, xRank[i] + 1);
          inserted++;
        }
      }
      for (int k = from; k < to; k++) {
        final int i = descending[k];
        if (status[i] == 1 && inserted > 0) {
          final int below = prefix(tree, xRank[i]);
          final int atOrBelow = prefix(tree, xRank[i] + 1);
          smaller += below;
          tied += atOrBelow - below;
          larger += inserted - atOrBelow;
        }
      }
      for (int k = from; k < to; k++) {
        final int i = descending[k];
        if (status[i] == 1) {
          add(tree, xRank[i] + 1);
          inserted++;
        }
      }
    }
    // as Concordance: concordant = the longer survivor has the larger predictor
    final double concordant = larger;
    final double discordant = smaller;
    final double npair = concordant + discordant + tied;
    if (npair == 0) {
      return Double.NaN;
    }
    final double somers = (concordant - discordant) / npair;
    final double c = (somers + 1) / 2;
    return reverse ? 1 - c : c;
  }

  private static void add(int[] tree, int position) {
    for (int k = position; k < tree.length; k += k & -k) {
      tree[k]++;
    }
  }

  /** Count at ranks 1..position. */
  private static int prefix(int[] tree, int position) {
    int sum = 0;
    for (int k = position; k > 0; k -= k & -k) {
      sum += tree[k];
    }
    return sum;
  }

  /**
   * Coefficient of the Cox model {@code Surv(time, status) ~ z}, as {@code coef(coxph(Surv(time,
   * status) ~ z, ties = ...))}.
   *
   * @param z the covariate, finite
   * @param ties Efron or Breslow
   * @param epsilon convergence criterion ({@link CoxOptions#DEFAULT_EPSILON})
   * @param maxIterations at most this many Newton–Raphson iterations (coxph: 20)
   * @return the coefficient; NaN when z is constant (aliased) or there are no events; the last
   *     accepted value when the iterations run out (as coxph, which then warns)
   * @throws IllegalArgumentException for a wrong length or non-finite values
   */
  public double coxCoefficient(double[] z, Ties ties, double epsilon, int maxIterations) {
    checkPredictor(z);
    final int n = z.length;
    double mean = 0;
    for (double v : z) {
      mean += v;
    }
    mean /= n;
    // centred covariate in processing order
    final double[] zc = new double[n];
    final boolean[] dead = new boolean[n];
    int events = 0;
    for (int k = 0; k < n; k++) {
      zc[k] = z[descending[k]] - mean;
      dead[k] = status[descending[k]] == 1;
      events += dead[k] ? 1 : 0;
    }
    if (events == 0) {
      return Double.NaN;
    }
    final boolean efron = ties == Ties.EFRON;
    final double[] out = new double[3]; // loglik, u, imat
    double beta = 0;
    pass(zc, dead, beta, efron, out);
    double loglik = out[0];
    if (!(out[2] > 0)) {
      return Double.NaN; // constant covariate: singular information, NA as coxph
    }
    double newBeta = beta + out[1] / out[2];
    int halving = 0;
    for (int iter = 1; iter <= maxIterations; iter++) {
      pass(zc, dead, newBeta, efron, out);
      final double newLoglik = out[0];
      final boolean finite =
          Double.isFinite(newLoglik) && Double.isFinite(out[1]) && Double.isFinite(out[2]);
      if (finite && Math.abs(1 - loglik / newLoglik) <= epsilon) {
        return newBeta;
      }
      if (!finite || newLoglik < loglik) {
        halving++;
        newBeta = (newBeta + halving * beta) / (halving + 1.0);
      } else {
        halving = 0;
        loglik = newLoglik;
        beta = newBeta;
        newBeta = newBeta + out[1] / out[2];
      }
    }
    return beta;
  }

  /** Log partial likelihood, score and information at beta, in one pass over the sorted times. */
  private void pass(double[] zc, boolean[] dead, double beta, boolean efron, double[] out) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double loglik = 0;
    double u = 0;
    double imat = 0;
    for (int g = 0; g + 1 < groupStart.length; g++) {
      double e0 = 0;
      double e1 = 0;
      double e2 = 0;
      int d = 0;
      for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
        final double eta = beta * zc[k];
        final double r = Math.exp(eta);
        final double rz = r * zc[k];
        s0 += r;
        s1 += rz;
        s2 += rz * zc[k];
        if (dead[k]) {
          d++;
          e0 += r;
          e1 += rz;
          e2 += rz * zc[k];
          loglik += eta;
          u += zc[k];
        }
      }
      for (int r = 0; r < d; r++) {
        final double f = efron ? (double) r / d : 0;
        final double den = s0 - f * e0;
        final double m1 = (s1 - f * e1) / den;
        loglik -= Math.log(den);
        u -= m1;
        imat += (s2 - f * e2) / den - m1 * m1;
      }
    }
    out[0] = loglik;
    out[1] = u;
    out[2] = imat;
  }

  private void checkPredictor(double[] predictor) {
    if (predictor == null || predictor.length != time.length) {
      throw new IllegalArgumentException(
          "predictor must have one value per subject ("
              + time.length
              + "), got "
              + (predictor == null ? "null" : predictor.length));
    }
    for (int i = 0; i < predictor.length; i++) {
      if (!Double.isFinite(predictor[i])) {
        throw new IllegalArgumentException(
            "predictor must be finite, got " + predictor[i] + " at index " + i);
      }
    }
  }
}
