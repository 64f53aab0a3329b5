package org.thyra.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thyra.clinical.response.AtaResponse;
import org.thyra.clinical.response.RecistResponse;

/**
 * The order of an ordered categorical response in tables and figures (rows of a paired table, the
 * bands of a Sankey diagram), where the sorted order of SPEC §5 would put "BIR" before "ER" or "PD"
 * before "PR". In order of precedence:
 *
 * <ol>
 *   <li>an order the user gives (e.g. {@code --levels ER,IDR,BIR,SIR}); every level present in the
 *       data must be named, and named levels absent from the data are left out;
 *   <li>a recognised response scale, when every level is one of its categories (case, spaces,
 *       underscores and hyphens ignored): the ATA 2015 response to therapy from best to worst
 *       (Haugen BR et al., Thyroid 2016;26:1–133: excellent, indeterminate, biochemical incomplete,
 *       structural incomplete; also ER, IDR, BIR, SIR and the words thyra's own {@code
 *       ata_response} column holds) and RECIST 1.1 (Eisenhauer EA et al., Eur J Cancer
 *       2009;45:228–247: CR, PR, SD, PD, NE, or the words);
 *   <li>otherwise the levels as given (sorted as SPEC §5 sorts levels).
 * </ol>
 */
public final class ResponseOrder {
  /** Label (normalised) → rank, per recognised scale. */
  private static final List<Map<String, Integer>> SCALES = List.of(ata(), recist());

  private ResponseOrder() {}

  private static Map<String, Integer> ata() {
    Map<String, Integer> m = new LinkedHashMap<>();
    String[][] words = {
      {"er", "excellent", "excellent response"},
      {"idr", "ir", "indeterminate", "indeterminate response"},
      {
        "bir",
        "biochemical incomplete",
        "biochemically incomplete",
        "biochemical incomplete response"
      },
      {"sir", "structural incomplete", "structurally incomplete", "structural incomplete response"}
    };
    for (AtaResponse r : AtaResponse.values()) {
      for (String w : words[r.ordinal()]) {
        m.put(w, r.ordinal());
      }
      m.put(normalise(r.name()), r.ordinal());
    }
    return m;
  }

  private static Map<String, Integer> recist() {
    Map<String, Integer> m = new LinkedHashMap<>();
    String[][] words = {
      {"complete response"},
      {"partial response"},
      {"stable disease"},
      {"progressive disease", "progression"},
      {"non cr non pd", "non cr/non pd"},
      {"not evaluable", "not evaluated"}
    };
    for (RecistResponse r : RecistResponse.values()) {
      m.put(normalise(r.label()), r.ordinal());
      m.put(normalise(r.name()), r.ordinal());
      for (String w : words[r.ordinal()]) {
        m.put(normalise(w), r.ordinal());
      }
    }
    return m;
  }

  static String normalise(String level) {
    return level.trim().toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]+", " ");
  }

  /**
   * The levels of a recognised response scale in the scale's order, or empty when the levels are
   * not all of one scale (fewer than two levels are never reordered).
   */
  public static Optional<List<String>> recognised(Collection<String> levels) {
    if (levels.size() < 2) {
      return Optional.empty();
    }
    for (Map<String, Integer> scale : SCALES) {
      if (levels.stream().allMatch(l -> scale.containsKey(normalise(l)))) {
        List<String> out = new ArrayList<>(levels);
        out.sort(
            (a, b) -> {
              int c = Integer.compare(scale.get(normalise(a)), scale.get(normalise(b)));
              return c != 0 ? c : a.compareTo(b);
            });
        return Optional.of(out);
      }
    }
    return Optional.empty();
  }

  /**
   * The display order of {@code levels}.
   *
   * @param levels the levels present in the data, sorted as SPEC §5 sorts them
   * @param given the user's order, or null
   * @return the levels in display order
   * @throws IllegalArgumentException naming the first level present in the data but not in {@code
   *     given}, or a level named twice
   */
  public static List<String> order(List<String> levels, List<String> given) {
    if (given == null || given.isEmpty()) {
      return recognised(levels).orElse(List.copyOf(levels));
    }
    List<String> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String g : given) {
      if (!seen.add(g)) {
        throw new IllegalArgumentException("the level \"" + g + "\" is named twice");
      }
      if (levels.contains(g)) {
        out.add(g); // a level named but absent from the data is left out
      }
    }
    for (String l : levels) {
      if (!given.contains(l)) {
        throw new IllegalArgumentException(
            "the data hold the level \"" + l + "\", which is not among the levels given " + given);
      }
    }
    return out;
  }
}
