package org.thyra.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.thyra.web.account.Account;
import org.thyra.web.account.AccountStore;
import org.thyra.web.account.PasswordHasher;
import org.thyra.web.account.Role;
import org.thyra.web.session.LoginThrottle;
import org.thyra.web.session.Session;
import org.thyra.web.session.SessionStore;

/** {@code GET /login}, {@code POST /login}, {@code POST /logout}. */
final class LoginHandlers {
  private final AccountStore accounts;
  private final PasswordHasher hasher;
  private final SessionStore sessions;
  private final LoginThrottle throttle;
  private final Pages pages;

  LoginHandlers(
      AccountStore accounts,
      PasswordHasher hasher,
      SessionStore sessions,
      LoginThrottle throttle,
      Pages pages) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.sessions = sessions;
    this.throttle = throttle;
    this.pages = pages;
  }

  void form(Context ctx) {
    Optional<Session> s = Security.session(ctx);
    if (s.isPresent() && s.get().authenticated()) {
      ctx.redirect(home(s.get().role()), HttpStatus.SEE_OTHER);
      return;
    }
    Session anon = s.orElseGet(sessions::anonymous);
    if (s.isEmpty()) {
      Security.setCookie(ctx, anon.id(), false);
      ctx.attribute(Security.SESSION, anon);
    }
    show(ctx, 200, "", null);
  }

  void login(Context ctx) {
    Optional<Session> s = Security.session(ctx);
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    if (s.isEmpty() || !Security.csrfOk(ctx, s.get())) {
      // no session (expired form, or a cross-site post): start a fresh login form
      Session anon = sessions.anonymous();
      Security.setCookie(ctx, anon.id(), false);
      ctx.attribute(Security.SESSION, anon);
      show(
          ctx,
          403,
          username,
          "The sign-in form had expired or was not sent by this site; try again.");
      return;
    }
    String address = ctx.ip();
    Optional<Duration> wait = throttle.locked(username, address);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      ctx.header("Retry-After", Long.toString(wait.get().toSeconds() + 1));
      show(ctx, 429, username, "Too many failed sign-ins. Try again in " + minutes + " minute(s).");
      return;
    }
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Optional<Account> a = username.isEmpty() ? Optional.empty() : accounts.find(username);
    boolean ok;
    if (a.isPresent()) {
      ok = hasher.verify(password, a.get().passwordHash());
    } else {
      hasher.verifyDecoy(password); // same time as for an existing user
      ok = false;
    }
    if (!ok) {
      throttle.failed(username, address);
      show(ctx, 401, username, "Wrong user name or password.");
      return;
    }
    throttle.succeeded(username);
    Session signed = sessions.signIn(s.get().id(), a.get());
    Security.setCookie(ctx, signed.id(), false);
    ctx.redirect(home(signed.role()), HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    Security.session(ctx).ifPresent(s -> sessions.end(s.id()));
    Security.setCookie(ctx, "", true);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  void home(Context ctx) {
    Session s = Security.required(ctx);
    ctx.redirect(home(s.role()), HttpStatus.SEE_OTHER);
  }

  static String home(Role role) {
    return role.seesPatients() ? "/patients" : "/cohort";
  }

  private void show(Context ctx, int status, String username, String message) {
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("username", username);
    m.put("message", message);
    pages.show(ctx, status, "login.jte", m);
  }
}
