package org.thyra.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.thyra.web.session.Session;
import org.thyra.web.session.SessionStore;

/**
 * The checks every request passes before its handler (installed as {@code before} and {@code
 * beforeMatched}): security headers on every response; the session from its cookie; for every route
 * not declared public, a signed-in user whose role is among the route's roles (otherwise a request
 * about a patient answers 404, as if the patient did not exist, and any other 403); and on every
 * state-changing request a CSRF token equal to the session's, from the form field {@value
 * #CSRF_FIELD} or the header {@value #CSRF_HEADER}.
 */
final class Security {
  static final String COOKIE = "thyra_session";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String SESSION = "thyra.session";

  /**
   * No inline script or style at all (htmx is loaded from the jar and configured by a meta tag); no
   * framing; forms post only here.
   */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final SessionStore sessions;

  Security(SessionStore sessions) {
    this.sessions = sessions;
  }

  /** Security headers and the session, on every request (matched or not). */
  void before(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (ctx.req().isSecure()) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
    if (!ctx.path().startsWith("/webjars/") && !ctx.path().startsWith("/static/")) {
      // patient data must not stay in a shared computer's cache
      ctx.header("Cache-Control", "no-store");
    }
    sessions.touch(ctx.cookie(COOKIE)).ifPresent(s -> ctx.attribute(SESSION, s));
  }

  /** Authentication, role and CSRF checks for a matched route. */
  void beforeMatched(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (Access.isPublic(roles)) {
      return; // the login handler checks its own (pre-session) CSRF token
    }
    if (roles.isEmpty()
        && ctx.method() == HandlerType.GET
        && (ctx.path().startsWith("/webjars/") || ctx.path().startsWith("/static/"))) {
      return; // htmx and the stylesheet; any other route without roles is refused below
    }
    Optional<Session> s = session(ctx).filter(Session::authenticated);
    if (s.isEmpty()) {
      if (ctx.header("HX-Request") != null) {
        ctx.header("HX-Redirect", "/login");
        ctx.status(401);
      } else if (ctx.method() == HandlerType.GET) {
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
      } else {
        ctx.status(401).result("Sign in first");
      }
      ctx.skipRemainingHandlers();
      return;
    }
    if (!roles.contains(s.get().role())) {
      if (ctx.pathParamMap().containsKey("patientId")) {
        throw new NotFoundResponse("No such patient");
      }
      throw new ForbiddenResponse("Your role (" + s.get().role().cliName() + ") may not do this");
    }
    if (stateChanging(ctx) && !csrfOk(ctx, s.get())) {
      throw new ForbiddenResponse(
          "The form's security token is missing or out of date; reload the page and try again");
    }
  }

  static boolean stateChanging(Context ctx) {
    HandlerType m = ctx.method();
    return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
  }

  static boolean csrfOk(Context ctx, Session s) {
    String token = ctx.header(CSRF_HEADER);
    if (token == null) {
      token = ctx.formParam(CSRF_FIELD);
    }
    return SessionStore.csrfMatches(s, token);
  }

  static Optional<Session> session(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION));
  }

  /** The signed-in session (after {@link #beforeMatched} let the request through). */
  static Session required(Context ctx) {
    return session(ctx)
        .filter(Session::authenticated)
        .orElseThrow(() -> new ForbiddenResponse("Sign in first"));
  }

  static Viewer viewer(Context ctx) {
    return session(ctx)
        .map(s -> new Viewer(s.username(), s.role(), s.site(), s.csrfToken()))
        .orElse(new Viewer(null, null, null, ""));
  }

  /** Sets the session cookie: HttpOnly, SameSite=Strict, Secure when the request came over TLS. */
  static void setCookie(Context ctx, String id, boolean clear) {
    StringBuilder c = new StringBuilder(COOKIE).append('=').append(clear ? "" : id);
    c.append("; Path=/; HttpOnly; SameSite=Strict");
    if (clear) {
      c.append("; Max-Age=0");
    }
    if (ctx.req().isSecure()) {
      c.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", c.toString());
  }
}
