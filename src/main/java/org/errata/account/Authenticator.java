package org.errata.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks a user name and password, for the sign-in form and for HTTP Basic alike. Every refusal
 * looks the same and costs the same: an unknown name, a wrong password and a disabled account are
 * told apart neither by the answer nor by its time (an unknown name is checked against a stand-in
 * hash of the same cost). Too many failures are slowed down by {@link SignInThrottle} before any
 * password is checked.
 */
@ApplicationScoped
public class Authenticator {

  private static final Logger LOG = Logger.getLogger(Authenticator.class);

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
    boolean matches = password.length() <= LONGEST_PASSWORD && matches(account, password);
    if (account != null && matches && account.enabled) {
      throttle.succeeded(attempt);
      return new SignedIn(account);
    }
    throttle.failed(attempt, now);
    // For the operator (and tools such as fail2ban): who was tried, from where. Never the password.
    LOG.infof("Sign-in refused for \"%s\" from %s", printable(username), attempt.address());
    return new Refused();
  }

  /** A typed name as it may go into a log line: printable, at most 64 characters. */
  static String printable(String typed) {
    String s = typed.length() > 64 ? typed.substring(0, 64) + "…" : typed;
    return s.codePoints()
        .map(c -> Character.isISOControl(c) || c == '"' ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /**
   * Whether {@code password} is the account's, by bcrypt; a pair that matched in the last few
   * minutes, against the very same stored hash, is not hashed again. Only a keyed digest of the
   * pair is kept, so the cache holds no password, and a wrong password never matches from it.
   */
  private boolean matches(Account account, String password) {
    if (account == null) {
      BcryptUtil.matches(password, standIn());
      return false;
    }
    String key = recentKey(account.username, password, account.passwordHash);
    if (recent().getIfPresent(key) != null) {
      return true;
    }
    boolean matches = BcryptUtil.matches(password, account.passwordHash);
    if (matches) {
      recent().put(key, Boolean.TRUE);
    }
    return matches;
  }

  /** How long a matched pair is remembered (0: every Basic call is a bcrypt check). */
  @ConfigProperty(name = "errata.sign-in.remember-match", defaultValue = "5m")
  Duration rememberMatch;

  private volatile Cache<String, Boolean> recent;

  private Cache<String, Boolean> recent() {
    Cache<String, Boolean> c = recent;
    if (c == null) {
      c = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(rememberMatch).build();
      recent = c;
    }
    return c;
  }

  private final byte[] recentKeySecret = randomBytes();

  private String recentKey(String username, String password, String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(recentKeySecret, "HmacSHA256"));
      for (String part : new String[] {username, password, hash}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        mac.update(bytes);
      }
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
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
