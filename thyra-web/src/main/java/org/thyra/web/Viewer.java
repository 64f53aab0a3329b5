package org.thyra.web;

import org.thyra.web.account.Role;

/**
 * Who is looking at a page, as the templates need it.
 *
 * @param username signed-in user, or {@code null} on the login page
 * @param role the user's role, or {@code null}
 * @param site the user's site, or {@code null} for every site
 * @param csrfToken the session's CSRF token, put in every form
 */
public record Viewer(String username, Role role, String site, String csrfToken) {

  /** True when signed in. */
  public boolean signedIn() {
    return username != null;
  }

  /** True when the user may change patients. */
  public boolean mayEdit() {
    return role != null && role.mayEdit();
  }

  /** True when the user sees patient pages. */
  public boolean seesPatients() {
    return role != null && role.seesPatients();
  }

  /** True when the user sees the de-identified cohort pages. */
  public boolean seesCohort() {
    return role == Role.ANALYST || role == Role.ADMIN || role == Role.CLINICIAN;
  }

  /** True when the user may use the nomogram calculators. */
  public boolean seesNomograms() {
    return role == Role.ADMIN || role == Role.CLINICIAN || role == Role.DATA_MANAGER;
  }

  /** True when the user may run bundled studies on the de-identified registry frame. */
  public boolean runsStudies() {
    return role == Role.ADMIN || role == Role.ANALYST;
  }

  /** "all sites" or the site. */
  public String siteLabel() {
    return site == null ? "all sites" : "site " + site;
  }
}
