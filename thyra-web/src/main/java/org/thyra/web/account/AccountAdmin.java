package org.thyra.web.account;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.thyra.web.store.WebDatabase;

/**
 * {@code thyra users add} and {@code thyra users list}: accounts are created only here, with a
 * password read from standard input (never from the command line, where other users of the machine
 * could read it in the process list), so there is no default account or password.
 */
public final class AccountAdmin {
  private AccountAdmin() {}

  /**
   * Reads the password (the first line of {@code in}, without its line end), hashes it and adds the
   * account.
   *
   * @throws IllegalArgumentException with a message naming the option at fault
   */
  public static void add(String location, String user, String role, String site, Reader in)
      throws IOException {
    Role r = Role.parse(role);
    char[] password = firstLine(in);
    try {
      if (password.length < PasswordHasher.MIN_PASSWORD_LENGTH) {
        throw new IllegalArgumentException(
            "--password-stdin: the password must have at least "
                + PasswordHasher.MIN_PASSWORD_LENGTH
                + " characters");
      }
      String s = site == null || site.isBlank() ? null : site.strip();
      try (WebDatabase db = WebDatabase.open(location)) {
        String hash = new PasswordHasher().hash(java.nio.CharBuffer.wrap(password));
        new AccountStore(db.dataSource())
            .add(new Account(user, r, s, hash, Clock.systemUTC().instant()));
      }
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** Every account (without its hash). */
  public static List<Account> list(String location) throws IOException {
    try (WebDatabase db = WebDatabase.open(location)) {
      return new AccountStore(db.dataSource()).list();
    }
  }

  private static char[] firstLine(Reader in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      b.append((char) c);
    }
    if (b.length() > 0 && b.charAt(b.length() - 1) == '\r') {
      b.setLength(b.length() - 1);
    }
    char[] out = new char[b.length()];
    b.getChars(0, b.length(), out, 0);
    b.setLength(0);
    return out;
  }
}
