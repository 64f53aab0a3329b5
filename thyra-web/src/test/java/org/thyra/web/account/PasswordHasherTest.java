package org.thyra.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  static final PasswordHasher HASHER = new PasswordHasher();

  @Test
  void hashIsArgon2idWithAtLeastOwaspParameters() {
    String h = HASHER.hash("correct horse battery");
    Matcher m =
        Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([^$]+)\\$([^$]+)$")
            .matcher(h);
    assertThat(m.matches()).as(h).isTrue();
    // OWASP Password Storage Cheat Sheet: Argon2id, m >= 19 MiB, t >= 2, p = 1
    assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(19 * 1024);
    assertThat(Integer.parseInt(m.group(2))).isGreaterThanOrEqualTo(2);
    assertThat(Integer.parseInt(m.group(3))).isEqualTo(1);
    // 16-byte salt and 32-byte tag, base64 without padding
    assertThat(m.group(4)).hasSize(22);
    assertThat(m.group(5)).hasSize(43);
  }

  @Test
  void verifiesTheRightPasswordOnly() {
    String h = HASHER.hash("correct horse battery");
    assertThat(HASHER.verify("correct horse battery", h)).isTrue();
    assertThat(HASHER.verify("correct horse batterY", h)).isFalse();
    assertThat(HASHER.verify("", h)).isFalse();
  }

  @Test
  void eachHashHasItsOwnSalt() {
    assertThat(HASHER.hash("same password")).isNotEqualTo(HASHER.hash("same password"));
  }

  @Test
  void refusesHashesThatAreNotArgon2id() {
    // e.g. a weaker algorithm's hash placed in the table by hand
    assertThat(HASHER.verify("x", "$argon2i$v=19$m=16,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
    assertThat(HASHER.verify("x", null)).isFalse();
    assertThat(HASHER.verify("x", "plain")).isFalse();
  }

  @Test
  void aHashMadeWithOtherParametersStillVerifies() {
    // parameters raised later: old hashes carry their own parameters in the PHC string
    String old =
        com.password4j.Password.hash("pw-of-old")
            .addRandomSalt(16)
            .with(
                com.password4j.Argon2Function.getInstance(
                    8192, 3, 1, 32, com.password4j.types.Argon2.ID, 0x13))
            .getResult();
    assertThat(HASHER.verify("pw-of-old", old)).isTrue();
    assertThat(HASHER.verify("pw-of-new", old)).isFalse();
  }
}
