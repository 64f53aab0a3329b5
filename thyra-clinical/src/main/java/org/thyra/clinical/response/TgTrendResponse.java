package org.thyra.clinical.response;

/** Biochemical response by the relative change of thyroglobulin (seeds 001 and 004). */
public enum TgTrendResponse {
  /** Partial response: Tg fell by at least the threshold. */
  PR,
  /** Stable disease: the change is within the threshold. */
  SD,
  /** Progressive disease: Tg rose by at least the threshold. */
  PD
}
