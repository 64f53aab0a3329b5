package org.thyra.registry.export;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.clinical.course.ProgressionType;
import org.thyra.clinical.endpoint.EndpointDeriver;
import org.thyra.clinical.endpoint.Origin;
import org.thyra.clinical.endpoint.TimeToEvent;
import org.thyra.registry.RegistryException;

/**
 * An endpoint column pair ({@code NAME_months}, {@code NAME_status}) from a specification {@code
 * KIND[:origin=ORIGIN][:events=EVENTS]}: {@code os}, {@code pfs}, {@code new-nodal-metastasis};
 * origins {@code diagnosis} (default), {@code first-rai}, {@code first-ablation}, {@code
 * first-lung-metastasis}, {@code first-distant-metastasis}; PFS events {@code structural} (default:
 * every progression but biochemical) or {@code seed000} (local, new nodal, distant), death being an
 * event of PFS (EndpointDeriver).
 *
 * @param spec the specification as given
 * @param kind os, pfs or new-nodal-metastasis
 * @param origin time zero
 * @param events PFS events
 * @param name the column prefix
 */
public record Endpoint(
    String spec, String kind, Origin origin, Set<ProgressionType> events, String name) {

  /** Parses a specification. */
  public static Endpoint parse(String spec) {
    String[] parts = spec.trim().split(":");
    String kind = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!Set.of("os", "pfs", "new-nodal-metastasis").contains(kind)) {
      throw new RegistryException(
          "--endpoint " + spec + ": '" + kind + "' is not one of os, pfs, new-nodal-metastasis");
    }
    Origin origin = Origin.DIAGNOSIS;
    boolean originGiven = false;
    Set<ProgressionType> events = EndpointDeriver.STRUCTURAL_EVENTS;
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      String key = kv[0].trim();
      String value = kv.length == 2 ? kv[1].trim() : "";
      switch (key) {
        case "origin" -> {
          try {
            origin = Origin.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
            originGiven = true;
          } catch (IllegalArgumentException e) {
            throw new RegistryException(
                "--endpoint "
                    + spec
                    + ": origin '"
                    + value
                    + "' is not one of diagnosis, first-rai, first-ablation,"
                    + " first-lung-metastasis, first-distant-metastasis");
          }
        }
        case "events" -> {
          events =
              switch (value) {
                case "structural" -> EndpointDeriver.STRUCTURAL_EVENTS;
                case "seed000" -> EndpointDeriver.SEED_000_EVENTS;
                default ->
                    throw new RegistryException(
                        "--endpoint "
                            + spec
                            + ": events '"
                            + value
                            + "' is not one of structural, seed000");
              };
        }
        default ->
            throw new RegistryException(
                "--endpoint " + spec + ": unknown setting '" + key + "' (origin=, events=)");
      }
    }
    String name = kind.replace('-', '_');
    if (originGiven && origin != Origin.DIAGNOSIS) {
      name += "_" + origin.name().toLowerCase(Locale.ROOT);
    }
    return new Endpoint(spec, kind, origin, EnumSet.copyOf(events), name);
  }

  /** The endpoint of one course; throws a CourseException when the course lacks the origin. */
  public TimeToEvent of(PatientCourse c) {
    return switch (kind) {
      case "os" -> EndpointDeriver.overall(c, origin);
      case "pfs" -> EndpointDeriver.progressionFree(c, origin, events, true);
      default -> EndpointDeriver.newNodalMetastasis(c, origin);
    };
  }

  /** The method text, or the reason the course has no value. */
  static String describe(Endpoint e, PatientCourse sample) {
    try {
      return e.of(sample).method();
    } catch (CourseException ex) {
      return e.spec;
    }
  }
}
