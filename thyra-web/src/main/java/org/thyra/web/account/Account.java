package org.thyra.web.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A web account.
 *
 * @param username login name (letters, digits, '.', '-', '_'; 1–64 characters)
 * @param role what the account may do
 * @param site the one site the account is limited to, or {@code null} for every site (only
 *     administrators, clinicians and analysts may have no site)
 * @param passwordHash the Argon2id hash in PHC string format
 * @param created when the account was created
 */
public record Account(
    String username, Role role, String site, String passwordHash, Instant created) {

  public Account {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(created, "created");
  }

  /** True when the account may see a patient of {@code patientSite}. */
  public boolean seesSite(String patientSite) {
    return role.seesPatients() && (site == null || site.equals(patientSite));
  }
}
