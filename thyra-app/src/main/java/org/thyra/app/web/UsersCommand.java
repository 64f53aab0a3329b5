package org.thyra.app.web;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.thyra.web.account.Account;
import org.thyra.web.account.AccountAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thyra users add|list}: accounts of the web application (SPEC §5). */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Accounts of the web application (there is no default account).",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
public final class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code thyra users add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Creates an account. The password is the first line of standard input (at least 12"
            + " characters), e.g. printf '%%s\\n' \"$PW\" | thyra users add --user ana --role"
            + " data-manager --site A --password-stdin",
        "Roles: admin (every site), data-manager (one site, --site required), clinician (one"
            + " site, or every site without --site; reads only), analyst (de-identified cohort"
            + " counts only)."
      })
  static final class Add implements Callable<Integer> {
    @Option(
        names = "--registry",
        paramLabel = "LOCATION",
        description =
            "registry directory or jdbc:postgresql:// URL (THYRA_DB_USER, THYRA_DB_PASSWORD)")
    String registry;

    @Option(names = "--user", required = true, paramLabel = "U", description = "user name")
    String user;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, data-manager, clinician or analyst")
    String role;

    @Option(names = "--site", paramLabel = "S", description = "the one site the user works for")
    String site;

    @Option(
        names = "--password-stdin",
        description = "read the password from standard input (required)")
    boolean passwordStdin;

    @Override
    public Integer call() throws Exception {
      if (!passwordStdin) {
        throw new IllegalArgumentException(
            "give --password-stdin and the password on standard input (a password is never taken"
                + " from the command line)");
      }
      AccountAdmin.add(
          registry, user, role, site, new InputStreamReader(System.in, StandardCharsets.UTF_8));
      System.out.println("users add: " + user + " (" + role + ") created");
      return 0;
    }
  }

  /** {@code thyra users list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Option(
        names = "--registry",
        paramLabel = "LOCATION",
        description =
            "registry directory or jdbc:postgresql:// URL (THYRA_DB_USER, THYRA_DB_PASSWORD)")
    String registry;

    @Override
    public Integer call() throws Exception {
      System.out.printf("%-24s %-13s %-16s %s%n", "user", "role", "site", "created");
      for (Account a : AccountAdmin.list(registry)) {
        System.out.printf(
            "%-24s %-13s %-16s %s%n",
            a.username(),
            a.role().cliName(),
            a.site() == null ? "(all sites)" : a.site(),
            a.created().toString());
      }
      return 0;
    }
  }
}
