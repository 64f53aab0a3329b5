package org.thyra.web.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Accounts in the {@code web_user} table (V100__web_users.sql). */
public final class AccountStore {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SITE = Pattern.compile("[A-Za-z0-9._ -]{1,64}");

  private final DataSource db;

  public AccountStore(DataSource db) {
    this.db = db;
  }

  /**
   * Adds an account.
   *
   * @throws IllegalArgumentException for a malformed user name or site, a data manager without a
   *     site, or a user name that exists
   */
  public void add(Account a) {
    if (!USERNAME.matcher(a.username()).matches()) {
      throw new IllegalArgumentException(
          "--user " + a.username() + ": a user name has 1 to 64 letters, digits, '.', '-' or '_'");
    }
    if (a.site() != null && !SITE.matcher(a.site()).matches()) {
      throw new IllegalArgumentException(
          "--site " + a.site() + ": a site has 1 to 64 letters, digits, spaces, '.', '-' or '_'");
    }
    if (a.role() == Role.DATA_MANAGER && a.site() == null) {
      throw new IllegalArgumentException("--site: a data manager works for one site; give --site");
    }
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO web_user (username, role, site, password_hash, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      if (find(c, a.username()).isPresent()) {
        throw new IllegalArgumentException("--user " + a.username() + ": the user exists");
      }
      p.setString(1, a.username());
      p.setString(2, a.role().cliName());
      p.setString(3, a.site());
      p.setString(4, a.passwordHash());
      p.setTimestamp(5, Timestamp.from(a.created()));
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add user " + a.username() + ": " + e.getMessage(), e);
    }
  }

  /** The account with this user name (exact match). */
  public Optional<Account> find(String username) {
    try (Connection c = db.getConnection()) {
      return find(c, username);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read users: " + e.getMessage(), e);
    }
  }

  /** Every account, by user name. */
  public List<Account> list() {
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT * FROM web_user ORDER BY username");
        ResultSet r = p.executeQuery()) {
      List<Account> out = new ArrayList<>();
      while (r.next()) {
        out.add(row(r));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read users: " + e.getMessage(), e);
    }
  }

  private static Optional<Account> find(Connection c, String username) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM web_user WHERE username = ?")) {
      p.setString(1, username);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    }
  }

  private static Account row(ResultSet r) throws SQLException {
    return new Account(
        r.getString("username"),
        Role.parse(r.getString("role")),
        r.getString("site"),
        r.getString("password_hash"),
        r.getTimestamp("created_at").toInstant());
  }
}
