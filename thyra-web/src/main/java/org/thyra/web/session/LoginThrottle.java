package org.thyra.web.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #FREE_ATTEMPTS} consecutive failed logins for a user name
 * (or from one client address), further attempts are refused without checking the password for a
 * lock-out that starts at one minute and doubles with every further failure, up to 15 minutes
 * (OWASP Authentication Cheat Sheet: lock-out with exponential back-off rather than a permanent
 * lock an attacker could use to deny service). A successful login clears the user name's count. The
 * client address gets ten times the allowance, so that a ward sharing one NAT address is not locked
 * out by one user.
 */
public final class LoginThrottle {
  /** Failures allowed before the first lock-out. */
  public static final int FREE_ATTEMPTS = 5;

  static final Duration FIRST_LOCK = Duration.ofMinutes(1);
  static final Duration MAX_LOCK = Duration.ofMinutes(15);

  private record Failures(int count, Instant lockedUntil) {}

  private final Map<String, Failures> byKey = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must wait, or empty when an attempt is allowed now. */
  public Optional<Duration> locked(String username, String address) {
    Instant now = clock.instant();
    Optional<Duration> u = wait(userKey(username), now);
    Optional<Duration> a = wait(addressKey(address), now);
    if (u.isPresent() && a.isPresent()) {
      return Optional.of(u.get().compareTo(a.get()) > 0 ? u.get() : a.get());
    }
    return u.isPresent() ? u : a;
  }

  /** Records a failed attempt. */
  public void failed(String username, String address) {
    Instant now = clock.instant();
    byKey.merge(userKey(username), new Failures(1, null), (o, n) -> next(o, now, FREE_ATTEMPTS));
    byKey.compute(
        addressKey(address),
        (k, o) -> o == null ? new Failures(1, null) : next(o, now, 10 * FREE_ATTEMPTS));
    // first failure of a user name: merge put (1, null); apply the threshold uniformly
  }

  /** Clears the user name's failures after a successful login. */
  public void succeeded(String username) {
    byKey.remove(userKey(username));
  }

  private static Failures next(Failures o, Instant now, int free) {
    int count = o.count() + 1;
    if (count < free) {
      return new Failures(count, null);
    }
    long doublings = Math.min(count - free, 4); // 1, 2, 4, 8, then 15 minutes
    Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
    if (lock.compareTo(MAX_LOCK) > 0) {
      lock = MAX_LOCK;
    }
    return new Failures(count, now.plus(lock));
  }

  private Optional<Duration> wait(String key, Instant now) {
    Failures f = byKey.get(key);
    if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, f.lockedUntil()));
  }

  private static String userKey(String username) {
    return "u:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
