package org.thyra.web.session;

import java.time.Instant;
import org.thyra.web.account.Role;

/**
 * A server-side session. The browser holds only its random id (cookie); the CSRF token lives here
 * and is sent with every form. An anonymous session (user {@code null}) exists only to carry the
 * login form's CSRF token.
 *
 * @param id 256-bit random id, base64url
 * @param csrfToken 256-bit random token, base64url, checked on every state-changing request
 * @param username the signed-in user, or {@code null}
 * @param role the user's role, or {@code null}
 * @param site the user's site, or {@code null} for every site (or anonymous)
 * @param created when the session was created
 * @param lastSeen the last request
 */
public record Session(
    String id,
    String csrfToken,
    String username,
    Role role,
    String site,
    Instant created,
    Instant lastSeen) {

  /** True once a user has signed in. */
  public boolean authenticated() {
    return username != null;
  }

  Session touched(Instant now) {
    return new Session(id, csrfToken, username, role, site, created, now);
  }
}
