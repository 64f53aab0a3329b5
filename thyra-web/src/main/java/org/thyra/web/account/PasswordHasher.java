package org.thyra.web.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;

/**
 * Argon2id password hashing through password4j with explicit parameters (password4j's defaults are
 * far too weak; SPEC §6). The parameters are OWASP's Password Storage Cheat Sheet minimum for
 * Argon2id: m = 19 MiB (19 456 KiB), t = 2 iterations, p = 1, with a 16-byte salt and a 32-byte
 * tag; RFC 9106 version 0x13. Each hash is stored in PHC format ({@code $argon2id$v=19$m=...}), so
 * raising the parameters later still verifies old hashes with the parameters they were made with.
 *
 * <p>Hashing is deliberately expensive in memory: at most {@link #CONCURRENT} hashes run at once,
 * so that a burst of login attempts cannot exhaust the heap (50 concurrent logins would otherwise
 * need about 1 GB).
 */
public final class PasswordHasher {
  /** Memory cost in KiB (19 MiB). */
  public static final int MEMORY_KIB = 19_456;

  /** Number of passes over memory. */
  public static final int ITERATIONS = 2;

  /** Lanes. */
  public static final int PARALLELISM = 1;

  /** Tag length in bytes. */
  public static final int OUTPUT_BYTES = 32;

  /** Salt length in bytes. */
  public static final int SALT_BYTES = 16;

  /** Hashes computed at the same time. */
  public static final int CONCURRENT = 4;

  /** Minimum password length accepted by {@code thyra users add} (NIST SP 800-63B: 8). */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(
          MEMORY_KIB,
          ITERATIONS,
          PARALLELISM,
          OUTPUT_BYTES,
          Argon2.ID,
          Argon2Function.ARGON2_VERSION_13);

  private final Semaphore slots = new Semaphore(CONCURRENT, true);

  /**
   * A hash of a password nobody knows, verified when the user name does not exist so that a login
   * for an unknown user takes as long as one for a known user.
   */
  private final String decoy;

  public PasswordHasher() {
    this.decoy = hash(java.util.UUID.randomUUID().toString());
  }

  /** Hashes a password with a fresh random salt; returns the PHC string. */
  public String hash(CharSequence password) {
    return guarded(
        () -> Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult());
  }

  /**
   * Checks a password against a stored hash (constant time in the tag comparison); the hash's own
   * parameters are used.
   */
  public boolean verify(CharSequence password, String storedHash) {
    if (storedHash == null || !storedHash.startsWith("$argon2id$")) {
      return false;
    }
    return guarded(
        () ->
            Password.check(password, storedHash)
                .with(Argon2Function.getInstanceFromHash(storedHash)));
  }

  /** Spends the same time as {@link #verify} on a hash that matches nothing. */
  public void verifyDecoy(CharSequence password) {
    verify(password, decoy);
  }

  private <T> T guarded(java.util.function.Supplier<T> work) {
    slots.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }
}
