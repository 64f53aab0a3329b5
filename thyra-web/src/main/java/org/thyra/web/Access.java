package org.thyra.web;

import io.javalin.security.RouteRole;
import java.util.Set;
import org.thyra.web.account.Role;

/** The role sets routes are declared with. */
final class Access {
  /** A route anyone may reach (the login form). */
  enum Public implements RouteRole {
    ANYONE
  }

  static final RouteRole[] PUBLIC = {Public.ANYONE};
  static final RouteRole[] SIGNED_IN = Role.values();
  static final RouteRole[] READ_PATIENTS = {Role.ADMIN, Role.DATA_MANAGER, Role.CLINICIAN};
  static final RouteRole[] EDIT_PATIENTS = {Role.ADMIN, Role.DATA_MANAGER};
  static final RouteRole[] COHORT = {Role.ADMIN, Role.CLINICIAN, Role.ANALYST};

  /** The nomogram calculator: a clinical tool, for the roles that see patients. */
  static final RouteRole[] NOMOGRAM = {Role.ADMIN, Role.CLINICIAN, Role.DATA_MANAGER};

  /** Running bundled studies on the de-identified registry frame. */
  static final RouteRole[] STUDIES = {Role.ADMIN, Role.ANALYST};

  static boolean isPublic(Set<RouteRole> roles) {
    return roles.contains(Public.ANYONE);
  }

  private Access() {}
}
