package org.thyra.report.discrimination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.thyra.report.output.Json;
import org.thyra.stats.cutpoint.MaxSelectedRankResult;

/**
 * The JSON of a maximally selected log-rank cut-point, the one place its keys are spelled: {@code
 * cutpoint, statistic, p_adjusted: {method, p}}, in {@code thyra cutpoint} and in {@code thyra
 * validate}'s risk groups alike.
 */
public final class MaxSelectedRankJson {
  private MaxSelectedRankJson() {}

  /** Adds {@code cutpoint}, {@code statistic} and {@code p_adjusted} to {@code o}. */
  public static void put(ObjectNode o, MaxSelectedRankResult r) {
    o.set("cutpoint", Json.number(r.cutpoint()));
    o.set("statistic", Json.number(r.statistic()));
    ObjectNode p = o.putObject("p_adjusted");
    p.put("method", r.pMethod());
    p.set("p", Json.number(r.pAdjusted()));
  }
}
