package org.thyra.clinical;

import java.util.Locale;

/**
 * The edition of the American Thyroid Association guidelines a rule applies. Registries and papers
 * report both for years (as they report AJCC 7th and 8th), so the edition is a choice, 2015 by
 * default, and every result's method names it.
 */
public enum AtaEdition {
  /**
   * Haugen BR et al., 2015 American Thyroid Association Management Guidelines for Adult Patients
   * with Thyroid Nodules and Differentiated Thyroid Cancer, Thyroid 2016;26(1):1–133
   * (doi:10.1089/thy.2015.0020), read in its PMC full text (PMC4739132), which carries the table
   * numbers but not the print page numbers.
   */
  ATA_2015("2015", "ATA 2015 (Haugen 2016)"),
  /**
   * Ringel MD, Sosa JA et al., 2025 American Thyroid Association Management Guidelines for Adult
   * Patients with Differentiated Thyroid Cancer, Thyroid 2025;35(8):841–985
   * (doi:10.1177/10507256251363120). The full text could not be read for Thyra; what is implemented
   * comes from the ATA's own quick-reference pocket guide ("Adults with Differentiated Thyroid
   * Cancer – 2025 Update", Guideline Central), whose page numbers are cited.
   */
  ATA_2025("2025", "ATA 2025 (Ringel 2025)");

  private final String code;
  private final String label;

  AtaEdition(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** {@code 2015} or {@code 2025}. */
  public String code() {
    return code;
  }

  /** As a method text names it, e.g. "ATA 2015 (Haugen 2016)". */
  public String label() {
    return label;
  }

  /** Reads {@code 2015} or {@code 2025} (also {@code ata2015}, {@code ata_2025}, any case). */
  public static AtaEdition parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return switch (t) {
      case "2015", "ata2015" -> ATA_2015;
      case "2025", "ata2025" -> ATA_2025;
      default ->
          throw new IllegalArgumentException("'" + text + "' is not an edition (2015, 2025)");
    };
  }
}
