package org.thyra.web.session;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.thyra.web.account.Account;

/**
 * Sessions in memory. A session ends when idle for longer than the idle timeout, when older than
 * the absolute lifetime, or at logout; signing in always creates a new id (no session fixation).
 * Anonymous sessions (login form only) are capped so that requests for the login page cannot fill
 * the heap; the oldest is dropped first.
 */
public final class SessionStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Anonymous sessions kept at most. */
  static final int MAX_ANONYMOUS = 10_000;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;

  /**
   * @param clock time source
   * @param idle idle timeout (e.g. 15 minutes)
   * @param lifetime absolute lifetime (e.g. 8 hours)
   */
  public SessionStore(Clock clock, Duration idle, Duration lifetime) {
    this.clock = clock;
    this.idle = idle;
    this.lifetime = lifetime;
  }

  /** The idle timeout. */
  public Duration idleTimeout() {
    return idle;
  }

  /** A new anonymous session carrying a CSRF token for the login form. */
  public Session anonymous() {
    Instant now = clock.instant();
    long anonymous = sessions.values().stream().filter(s -> !s.authenticated()).count();
    if (anonymous >= MAX_ANONYMOUS) {
      sessions.values().stream()
          .filter(s -> !s.authenticated())
          .min(Comparator.comparing(Session::lastSeen))
          .ifPresent(s -> sessions.remove(s.id()));
    }
    Session s = new Session(token(), token(), null, null, null, now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** Replaces {@code previous} (if any) by a new authenticated session for {@code a}. */
  public Session signIn(String previous, Account a) {
    if (previous != null) {
      sessions.remove(previous);
    }
    Instant now = clock.instant();
    Session s = new Session(token(), token(), a.username(), a.role(), a.site(), now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /**
   * The live session with this id, its last-seen time moved to now; an expired one is removed and
   * not returned.
   */
  public Optional<Session> touch(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(s, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session t = s.touched(now);
    sessions.replace(id, s, t);
    return Optional.of(t);
  }

  /** Ends a session. */
  public void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** Removes every expired session (called periodically). */
  public void sweep() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
  }

  /** Live sessions of signed-in users. */
  public long signedIn() {
    return sessions.values().stream().filter(Session::authenticated).count();
  }

  private boolean expired(Session s, Instant now) {
    return now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.created().plus(lifetime));
  }

  /** Constant-time comparison of a submitted CSRF token with the session's. */
  public static boolean csrfMatches(Session s, String submitted) {
    if (s == null || submitted == null) {
      return false;
    }
    return MessageDigest.isEqual(
        s.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        submitted.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static String token() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
