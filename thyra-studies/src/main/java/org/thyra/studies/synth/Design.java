package org.thyra.studies.synth;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four bundled designs, each with its synthetic-cohort generator and bundled protocol. */
public enum Design {
  /** Seed 000: thermal ablation of RAIR cervical lymph-node metastases, 5 centres. */
  ABLATION("ablation", "000", 183, "thermal ablation of RAIR cervical lymph-node metastases"),
  /** Seed 001: once versus multiple RAI therapy for RAI-avid pulmonary micrometastases. */
  RAI_CYCLES(
      "rai-cycles", "001", 117, "once versus multiple RAI therapy, pulmonary micrometastases"),
  /** Seed 003: RAIR lung metastases (RAIR subtypes, ps-Tg, PFS). */
  RAIR_LUNG("rair-lung", "003", 211, "RAIR classification and PFS of lung metastases"),
  /** Seed 004: nomograms for 131I-treated distant metastases. */
  NOMOGRAM("nomogram", "004", 451, "nomograms for OS and PFS after 131I, distant metastases");

  private final String id;
  private final String seed;
  private final int defaultN;
  private final String description;

  Design(String id, String seed, int defaultN, String description) {
    this.id = id;
    this.seed = seed;
    this.defaultN = defaultN;
    this.description = description;
  }

  /** The name {@code thyra synth --design} takes. */
  public String id() {
    return id;
  }

  /** The seed paper's number (000, 001, 003, 004). */
  public String seedPaper() {
    return seed;
  }

  /** The number of patients the seed screened (the default {@code --n}). */
  public int defaultN() {
    return defaultN;
  }

  /** One line. */
  public String description() {
    return description;
  }

  /** The bundled protocol's resource name. */
  public String protocolResource() {
    return "/org/thyra/studies/protocols/" + id + ".yaml";
  }

  /** Draws {@code n} screened patients with this seed. */
  public SyntheticTable generate(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("--n must be at least 1, not " + n);
    }
    Draws d = new Draws(seed);
    return switch (this) {
      case ABLATION -> AblationCohort.generate(n, d);
      case RAI_CYCLES -> RaiCyclesCohort.generate(n, d);
      case RAIR_LUNG -> RairLungCohort.generate(n, d);
      case NOMOGRAM -> NomogramCohort.generate(n, d);
    };
  }

  /** The design with this name, or an exception naming the designs. */
  public static Design of(String name) {
    for (Design d : values()) {
      if (d.id.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown design '"
            + name
            + "'; designs: "
            + Arrays.stream(values()).map(Design::id).collect(Collectors.joining(", ")));
  }
}
