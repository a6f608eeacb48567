package org.errata.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a user name and password, for the sign-in form and for HTTP Basic alike. Every refusal
 * looks the same and costs the same: an unknown name, a wrong password and a disabled account are
 * told apart neither by the answer nor by its time (an unknown name is checked against a stand-in
 * hash of the same cost). Too many failures are slowed down by {@link SignInThrottle} before any
 * password is checked.
 */
@ApplicationScoped
public class Authenticator {

  /** Longer passwords are refused unchecked: bcrypt reads only 72 bytes anyway. */
  static final int LONGEST_PASSWORD = 1024;

  @Inject SignInThrottle throttle;

  private volatile String standIn;

  /** What a sign-in attempt came to. */
  public sealed interface Outcome {}

  /** The right password of an enabled account. */
  public record SignedIn(Account account) implements Outcome {}

  /** Wrong, unknown or disabled: one answer for all three. */
  public record Refused() implements Outcome {}

  /** Too many failures: try again after {@code retryAfter}, nothing was checked. */
  public record Throttled(Duration retryAfter) implements Outcome {}

  /** The one sentence every refused sign-in gets. */
  public static final String REFUSED =
      "That user name and password do not match an account that may sign in. Check both and try"
          + " again.";

  public Outcome check(String username, String password, SignInThrottle.Attempt attempt) {
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      return new Refused();
    }
    Instant now = Instant.now();
    Duration wait = throttle.waitFor(attempt, now);
    if (!wait.isZero()) {
      return new Throttled(wait);
    }
    Account account =
        username.length() > 100
            ? null
            : QuarkusTransaction.requiringNew()
                .call(() -> Account.findByUsername(username.strip()).orElse(null));
    boolean matches =
        password.length() <= LONGEST_PASSWORD
            && BcryptUtil.matches(password, account == null ? standIn() : account.passwordHash);
    if (account != null && matches && account.enabled) {
      throttle.succeeded(attempt);
      return new SignedIn(account);
    }
    throttle.failed(attempt, now);
    return new Refused();
  }

  /** A hash of the same cost as real ones, for names that have no account. */
  private String standIn() {
    String s = standIn;
    if (s == null) {
      s =
          BcryptUtil.bcryptHash(
              "no account has this password " + System.nanoTime(), Accounts.BCRYPT_COST);
      standIn = s;
    }
    return s;
  }
}
