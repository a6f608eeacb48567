package org.errata.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A person who signs in: an editor, or an admin (who is an editor too). */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

  public static final String EDITOR = "editor";
  public static final String ADMIN = "admin";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public static final int USERNAME_MAX = 40;

  @Column(nullable = false, unique = true, length = USERNAME_MAX)
  public String username;

  @Column(name = "password_hash", nullable = false, length = 100)
  public String passwordHash;

  /** Comma-separated: "editor" or "editor,admin". */
  @Column(nullable = false, length = 100)
  public String roles;

  @Column(nullable = false)
  public boolean enabled = true;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** Set by an admin's reset: the next sign-in must choose a new password. */
  @Column(name = "must_change_password", nullable = false)
  public boolean mustChangePassword;

  /** Sessions that started before this no longer work (reset password, disabled account). */
  @Column(name = "sessions_valid_after")
  public Instant sessionsValidAfter;

  /** Where the inbox's notices are e-mailed, or null for no e-mail. */
  @Column(length = Accounts.MAX_EMAIL_CHARS)
  public String email;

  /** The account's password is the published demo one (errata-demo). */
  @Column(name = "demo_password", nullable = false)
  public boolean demoPassword;

  /** Whether {@link #demoPassword} is known (accounts from before it existed are checked once). */
  @Column(name = "demo_password_checked", nullable = false)
  public boolean demoPasswordChecked = true;

  protected Account() {}

  /** An account that is not stored yet; {@link Accounts} hashes passwords and persists. */
  public static Account of(String username, String passwordHash, boolean admin, Instant now) {
    Account account = new Account();
    account.username = username;
    account.passwordHash = passwordHash;
    account.roles = admin ? EDITOR + "," + ADMIN : EDITOR;
    account.createdAt = now;
    return account;
  }

  public boolean isAdmin() {
    return Arrays.asList(roles.split(",")).contains(ADMIN);
  }

  /** Why {@code by} may not disable this account, or null when they may. */
  public String disableRefusal(Account by) {
    return sameAs(by) ? "You cannot disable your own account." : null;
  }

  /** Why {@code by} may not take this account's admin role away, or null when they may. */
  public String demoteRefusal(Account by) {
    return sameAs(by) ? "You cannot take away your own admin role; ask another admin." : null;
  }

  /** Accounts are the same person when they have the same user name (stored or not). */
  public boolean sameAs(Account other) {
    return other != null && Objects.equals(username, other.username);
  }

  /**
   * A new account: it must choose a password and nobody has reset it or ended its sessions since an
   * admin created it, so its first sign-in is a welcome rather than news of a reset.
   */
  public boolean isNew() {
    return mustChangePassword && sessionsValidAfter == null;
  }

  /** The newest history event id whose notice this person has seen (null: none yet). */
  @Column(name = "notices_read_to")
  public Long noticesReadTo;

  /**
   * The account whose name a person typed (spaces around it ignored), or why there is none, in a
   * sentence for beside the field.
   */
  public static Named named(String typed) {
    String name = typed == null ? "" : typed.strip();
    if (name.length() > USERNAME_MAX) {
      return new Named(null, "An account name is at most 40 characters.");
    }
    return findByUsername(name)
        .map(a -> new Named(a, null))
        .orElseGet(() -> new Named(null, "No account is named “" + name + "”."));
  }

  /** An account found by a typed name, or the sentence saying why none was. */
  public record Named(Account account, String problem) {}

  public static Optional<Account> findByUsername(String username) {
    if (username.indexOf('\0') >= 0) {
      return Optional.empty(); // no name holds a NUL, and PostgreSQL will not even compare one
    }
    return find("username", username).firstResultOptional();
  }

  @Override
  public String toString() {
    return username;
  }
}
