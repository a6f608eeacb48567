package org.errata.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates accounts with properly hashed passwords. */
@ApplicationScoped
public class Accounts {

  /** bcrypt cost: 2^12 rounds, about a quarter of a second on this class of machine. */
  static final int BCRYPT_COST = 12;

  public static final int MIN_PASSWORD_CHARS = 12;
  public static final int MAX_PASSWORD_CHARS = 64;

  private static final Set<String> COMMON = common();

  private static Set<String> common() {
    try (var in =
        Accounts.class.getClassLoader().getResourceAsStream("account/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("the list of common passwords is missing from the build");
      }
      Set<String> set = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String p = line.strip();
        if (!p.isEmpty() && !p.startsWith("#")) {
          set.add(p.toLowerCase(Locale.ROOT));
        }
      }
      return set;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** bcrypt ignores everything after 72 bytes, so longer passwords would be silently cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  /** The longest address SMTP can carry (RFC 5321). */
  public static final int MAX_EMAIL_CHARS = 254;

  // One local part, an @, and a domain with a dot; nothing that could start another header or
  // recipient (spaces, line breaks, commas, angle brackets, quotes).
  private static final String SPECIAL = "\\s\\p{Cntrl}\\p{Z}@<>,;:\"()\\[\\]\\\\";
  private static final Pattern EMAIL =
      Pattern.compile("[^" + SPECIAL + "]+@[^" + SPECIAL + ".]+(\\.[^" + SPECIAL + ".]+)+");

  /**
   * The address to store for what a person typed: null for none (empty), or the trimmed address.
   *
   * @throws Refused (field "email") when it is not an address or too long
   */
  public static String email(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String email = typed.strip();
    if (email.length() > MAX_EMAIL_CHARS) {
      throw new Refused(
          "email", "An e-mail address can be at most " + MAX_EMAIL_CHARS + " characters long.");
    }
    if (!EMAIL.matcher(email).matches()) {
      throw new Refused(
          "email",
          "That is not an e-mail address; write one like ada@newsroom.example, or leave the field"
              + " empty for no e-mail.");
    }
    return email;
  }

  public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,39}";

  /**
   * Why a password a person chose is refused, or null when it is acceptable: 12 to 64 characters,
   * not on the list of common passwords, not the user name. No composition rules.
   */
  public static String passwordProblem(String password, String username) {
    String problem = passwordProblem(password);
    if (problem != null) {
      return problem;
    }
    if (password.codePointCount(0, password.length()) > MAX_PASSWORD_CHARS) {
      return "The password can be at most " + MAX_PASSWORD_CHARS + " characters long.";
    }
    if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
      return "That password is one of the most common ones; choose one nobody would guess.";
    }
    if (username != null
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      return "The password must not contain your user name.";
    }
    return null;
  }

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

  /** The demo accounts' password, published in the README. */
  public static final String DEMO_PASSWORD = "errata-demo";

  /**
   * For the demo accounts only, whose password "errata-demo" is published in the README and so is
   * shorter than the policy for chosen passwords. They are marked, so a production start can refuse
   * to serve them ({@link #withDemoPassword}).
   */
  @Transactional
  public Account createDemoAccount(String username, boolean admin) {
    Account account = store(username, DEMO_PASSWORD, admin);
    account.demoPassword = true;
    return account;
  }

  /**
   * The enabled accounts whose password is the published demo one. Accounts stored before Errata
   * kept track of it are checked once (a bcrypt comparison each) and marked.
   */
  @Transactional
  public List<String> withDemoPassword() {
    for (Account a : Account.<Account>list("demoPasswordChecked = false")) {
      a.demoPassword = BcryptUtil.matches(DEMO_PASSWORD, a.passwordHash);
      a.demoPasswordChecked = true;
    }
    return Account.<Account>list("demoPassword = true and enabled = true order by username")
        .stream()
        .map(a -> a.username)
        .toList();
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

  /** A refusal of an account change, with the sentence to show. */
  public static class Refused extends RuntimeException {
    public final String field;

    public Refused(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }

  /** A password for an admin to hand over; its holder must replace it at first sign-in. */
  static String temporaryPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * An admin creates an editor (or admin), with an optional e-mail address for notices; returns the
   * temporary password, shown once.
   */
  @Transactional
  public String createForSomeone(String username, boolean admin, String typedEmail, Account by) {
    String password = temporaryPassword();
    String email = email(typedEmail);
    Account account;
    try {
      account = store(username == null ? null : username.strip(), password, admin);
      account.mustChangePassword = true;
      account.email = email;
    } catch (IllegalArgumentException e) {
      throw new Refused("username", e.getMessage());
    }
    logged(by, Change.CREATED, account, admin ? "Admin" : "Editor");
    return password;
  }

  /** What an admin did to an account. */
  public enum Change {
    CREATED,
    DISABLED,
    ENABLED,
    PASSWORD_RESET,
    ROLE_CHANGED
  }

  /**
   * An admin changed an account, told within the change's transaction (the activity log records it,
   * and so is written with the change or not at all).
   */
  public record Changed(Account by, Change change, Account account, String detail, Instant at) {}

  @Inject Event<Changed> changed;

  private void logged(Account by, Change change, Account account, String detail) {
    changed.fire(new Changed(by, change, account, detail, Instant.now()));
  }

  /** Sets (or, when empty, removes) the address an account's notices are e-mailed to. */
  @Transactional
  public void setEmail(long id, String typedEmail) {
    get(id).email = email(typedEmail);
  }

  /** An admin resets a password: every session ends, and the holder must choose a new one. */
  @Transactional
  public String reset(long id, Account by) {
    Account account = get(id);
    logged(by, Change.PASSWORD_RESET, account, null);
    String password = temporaryPassword();
    account.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
    account.demoPassword = false;
    account.mustChangePassword = true;
    account.sessionsValidAfter = Instant.now();
    return password;
  }

  /** Disabling ends every session at once; enabling lets the person sign in again. */
  @Transactional
  public void setEnabled(long id, boolean enabled, Account by) {
    Account account = get(id);
    if (!enabled && account.disableRefusal(by) != null) {
      throw new Refused("account", account.disableRefusal(by));
    }
    if (account.enabled != enabled) {
      logged(by, enabled ? Change.ENABLED : Change.DISABLED, account, null);
    }
    account.enabled = enabled;
    if (!enabled) {
      account.sessionsValidAfter = Instant.now();
    }
  }

  @Transactional
  public void setAdmin(long id, boolean admin, Account by) {
    Account account = get(id);
    if (!admin && account.demoteRefusal(by) != null) {
      throw new Refused("account", account.demoteRefusal(by));
    }
    if (account.isAdmin() != admin) {
      logged(by, Change.ROLE_CHANGED, account, admin ? "Editor → Admin" : "Admin → Editor");
    }
    account.roles = admin ? EDITOR_ADMIN : Account.EDITOR;
  }

  private static final String EDITOR_ADMIN = Account.EDITOR + "," + Account.ADMIN;

  /** An editor changes their own password, proving they know the current one. */
  @Transactional
  public void changeOwnPassword(Account who, String current, String next, String confirm) {
    Account account = get(who.id);
    if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
      throw new Refused("current", "That is not your current password.");
    }
    String problem = passwordProblem(next, account.username);
    if (problem != null) {
      throw new Refused("password", problem);
    }
    if (!next.equals(confirm)) {
      throw new Refused("confirm", "The two new passwords differ; type the same one twice.");
    }
    if (BcryptUtil.matches(next, account.passwordHash)) {
      throw new Refused("password", "Choose a password different from the current one.");
    }
    account.passwordHash = BcryptUtil.bcryptHash(next, BCRYPT_COST);
    account.demoPassword = false;
    account.mustChangePassword = false;
  }

  private static Account get(long id) {
    Account account = Account.findById(id);
    if (account == null) {
      throw new Refused("account", "There is no such account.");
    }
    return account;
  }
}
