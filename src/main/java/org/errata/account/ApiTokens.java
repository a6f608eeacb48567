package org.errata.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.errata.text.TextRules;
import org.errata.web.FieldRefusal;
import org.errata.web.NotFoundHere;
import org.errata.web.Secrets;

/**
 * Editors' personal API tokens: made, listed and revoked by their owner, and checked on every
 * editors'-API call that presents one. A check is one lookup by the token's SHA-256 digest: no
 * bcrypt, so an integrator's call costs what the work it asks for costs.
 */
@ApplicationScoped
public class ApiTokens {

  public static final int MAX_NAME_CHARS = 100;

  /** Enough for every integration a person runs; more is a leak waiting to happen. */
  public static final int MAX_PER_ACCOUNT = 20;

  /** How every token starts, so that a leaked one is recognisable (and secret scanners find it). */
  static final String PREFIX = "errata_";

  /** 32 random bytes, base64url without padding. */
  static final int SECRET_CHARS = 43;

  /** Last use is written at most this often per token, so reads do not each cost a write. */
  static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);

  /** A token refused for what was asked ({@code field} is at fault). */
  public static class Refused extends FieldRefusal {
    public Refused(String field, String message) {
      super(field, message);
    }
  }

  /** No token with that id belongs to the caller. */
  public static class NotFound extends NotFoundHere {
    public NotFound(long id) {
      super("You have no API token " + id + ".");
    }
  }

  /** A token just made: the stored row, and the token itself, which is never shown again. */
  public record Made(ApiToken token, String secret) {}

  @Transactional
  public Made create(long accountId, String name, boolean readOnly) {
    Account account = Account.findById(accountId);
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new Refused("name", "Give the token a name, such as the program that will use it.");
    }
    if (n.length() > MAX_NAME_CHARS) {
      throw new Refused(
          "name", "A token's name can be at most " + MAX_NAME_CHARS + " characters long.");
    }
    if (n.contains("\n") || n.contains("\r")) {
      throw new Refused("name", "A token's name is one line.");
    }
    String problem = TextRules.problem(n, "The name", true);
    if (problem != null) {
      throw new Refused("name", problem);
    }
    if (ApiToken.count("account", account) >= MAX_PER_ACCOUNT) {
      throw new Refused(
          "name",
          "You already have "
              + MAX_PER_ACCOUNT
              + " API tokens: revoke one you no longer use before making another.");
    }
    String secret = PREFIX + Secrets.random(32);
    ApiToken token = ApiToken.of(account, n, digest(secret), readOnly, Instant.now());
    token.persist();
    return new Made(token, secret);
  }

  @Transactional
  public List<ApiToken> list(long accountId) {
    return ApiToken.of((Account) Account.findById(accountId));
  }

  /** Deletes the caller's token {@code id}: it stops working with the next request. */
  @Transactional
  public void revoke(long accountId, long id) {
    ApiToken token = ApiToken.findById(id);
    if (token == null || !token.account.id.equals(accountId)) {
      throw new NotFound(id);
    }
    token.delete();
  }

  /**
   * The token's row when {@code secret} is a current token of an enabled account, else null; notes
   * when it was used (to the minute).
   */
  @Transactional
  public ApiToken check(String secret, Instant now) {
    if (secret == null
        || secret.length() != PREFIX.length() + SECRET_CHARS
        || !secret.startsWith(PREFIX)) {
      return null;
    }
    ApiToken token = ApiToken.byDigest(digest(secret)).orElse(null);
    if (token == null || !token.account.enabled) {
      return null;
    }
    if (token.lastUsedAt == null || token.lastUsedAt.plus(LAST_USE_GRAIN).isBefore(now)) {
      token.lastUsedAt = now;
    }
    return token;
  }

  static String digest(String secret) {
    return Secrets.sha256(secret);
  }
}
