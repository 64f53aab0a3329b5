package org.thyra.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.app.ThyraCli;
import picocli.CommandLine;

/** {@code thyra users add|list}: no default account, the password only from standard input. */
class UsersCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static synchronized Run run(String stdin, String... args) {
    CommandLine cli = ThyraCli.commandLineFor(args);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream savedOut = System.out;
    InputStream savedIn = System.in;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      int code = cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(savedOut);
      System.setIn(savedIn);
    }
  }

  @Test
  void addsListsAndRefusesBadAccounts() {
    String reg = dir.toString();
    Run list0 = run("", "users", "list", "--registry", reg);
    assertThat(list0.code()).isZero();
    assertThat(list0.out().lines()).hasSize(1); // header only: no default account

    Run noStdin = run("", "users", "add", "--registry", reg, "--user", "ana", "--role", "admin");
    assertThat(noStdin.code()).isEqualTo(2);
    assertThat(noStdin.err()).contains("--password-stdin");

    Run shortPw =
        run(
            "short\n",
            "users",
            "add",
            "--registry",
            reg,
            "--user",
            "ana",
            "--role",
            "admin",
            "--password-stdin");
    assertThat(shortPw.code()).isEqualTo(2);
    assertThat(shortPw.err()).contains("at least 12 characters");

    Run noSite =
        run(
            "a long password 1\n",
            "users",
            "add",
            "--registry",
            reg,
            "--user",
            "dm",
            "--role",
            "data-manager",
            "--password-stdin");
    assertThat(noSite.code()).isEqualTo(2);
    assertThat(noSite.err()).contains("--site");

    Run badRole =
        run(
            "a long password 1\n",
            "users",
            "add",
            "--registry",
            reg,
            "--user",
            "x",
            "--role",
            "boss",
            "--password-stdin");
    assertThat(badRole.code()).isEqualTo(2);
    assertThat(badRole.err()).contains("data-manager");

    Run ok =
        run(
            "a long password 1\n",
            "users",
            "add",
            "--registry",
            reg,
            "--user",
            "dm",
            "--role",
            "data-manager",
            "--site",
            "A",
            "--password-stdin");
    assertThat(ok.code()).as(ok.err()).isZero();
    Run again =
        run(
            "a long password 1\n",
            "users",
            "add",
            "--registry",
            reg,
            "--user",
            "dm",
            "--role",
            "data-manager",
            "--site",
            "A",
            "--password-stdin");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("exists");

    Run list = run("", "users", "list", "--registry", reg);
    assertThat(list.out()).contains("dm").contains("data-manager").contains("A");
    assertThat(list.out()).doesNotContain("argon2"); // never the hash
  }

  @Test
  void serveRefusesABadPort() {
    Run r = run("", "serve", "--registry", dir.toString(), "--port", "70000");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--port 70000");
  }
}
