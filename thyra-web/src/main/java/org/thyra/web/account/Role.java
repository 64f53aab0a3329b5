package org.thyra.web.account;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an account may do (issue 15): an administrator sees and changes every site; a data manager
 * sees and changes one site; a clinician reads one site or all; an analyst sees de-identified
 * cohort data only, never a patient page.
 */
public enum Role implements RouteRole {
  ADMIN("admin"),
  DATA_MANAGER("data-manager"),
  CLINICIAN("clinician"),
  ANALYST("analyst");

  private final String cliName;

  Role(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and stored in the database. */
  public String cliName() {
    return cliName;
  }

  /** True for the roles that may change a patient's course. */
  public boolean mayEdit() {
    return this == ADMIN || this == DATA_MANAGER;
  }

  /** True for the roles that see identified patient pages (and so only their site's). */
  public boolean seesPatients() {
    return this != ANALYST;
  }

  /**
   * Parses a role by its command-line name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Role parse(String s) {
    String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (Role r : values()) {
      if (r.cliName.equals(v)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '"
            + s
            + "' (expected "
            + Arrays.stream(values()).map(Role::cliName).collect(Collectors.joining(", "))
            + ")");
  }
}
