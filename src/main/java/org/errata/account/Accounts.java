package org.errata.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Creates accounts with properly hashed passwords. */
@ApplicationScoped
public class Accounts {

  /** bcrypt cost: 2^12 rounds, about a quarter of a second on this class of machine. */
  static final int BCRYPT_COST = 12;

  public static final int MIN_PASSWORD_CHARS = 12;

  /** bcrypt ignores everything after 72 bytes, so longer passwords would be silently cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,39}";

  /** Why a password is refused, or null when it is acceptable. */
  public static String passwordProblem(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
      return "The password must be at least " + MIN_PASSWORD_CHARS + " characters long.";
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      return "The password must be at most "
          + MAX_PASSWORD_BYTES
          + " bytes long (about 72 plain letters, fewer with accents or symbols).";
    }
    return null;
  }

  @Transactional
  public Account create(String username, String password, boolean admin) {
    String problem = passwordProblem(password);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return store(username, password, admin);
  }

  /**
   * For the demo accounts only, whose password "errata-demo" is published in the README and so is
   * shorter than the policy for chosen passwords.
   */
  @Transactional
  public Account createWithKnownPassword(String username, String password, boolean admin) {
    return store(username, password, admin);
  }

  private Account store(String username, String password, boolean admin) {
    if (username == null || !username.matches(USERNAME_PATTERN)) {
      throw new IllegalArgumentException(
          "A user name is 2 to 40 lower-case letters, digits, dots, dashes or underscores.");
    }
    if (Account.findByUsername(username).isPresent()) {
      throw new IllegalArgumentException("There is already an account named " + username + ".");
    }
    Account account =
        Account.of(username, BcryptUtil.bcryptHash(password, BCRYPT_COST), admin, Instant.now());
    account.persist();
    return account;
  }

  public long count() {
    return Account.count();
  }
}
