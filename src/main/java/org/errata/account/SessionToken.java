package org.errata.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.errata.web.SiteKey;

/**
 * The session cookie ({@code errata-session}): who, when the session began, its random id, and when
 * it was last renewed, signed with this site's key. It is the whole of a sign-in: any instance that
 * shares the key can read it, and it can be revoked (sign-out revokes its id; disabling or
 * resetting an account invalidates every session begun before).
 */
public final class SessionToken {

  public static final String COOKIE = "errata-session";

  /** A session nobody uses for this long is over. */
  public static final Duration IDLE = Duration.ofHours(8);

  /** No session lasts longer than this, however busy. */
  public static final Duration MAX_AGE = Duration.ofDays(7);

  /** A session's cookie is renewed (its idle clock restarted) at most this often. */
  static final Duration RENEW_AFTER = Duration.ofMinutes(5);

  static final String PURPOSE = "session";

  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionToken() {}

  /** A parsed, correctly signed token. */
  public record Token(String id, String username, Instant issuedAt, Instant renewedAt) {

    /** Still within its idle time and its maximum age at {@code now}. */
    public boolean isCurrent(Instant now) {
      return renewedAt.plus(IDLE).isAfter(now) && issuedAt.plus(MAX_AGE).isAfter(now);
    }

    /** Old enough that its cookie should be renewed. */
    public boolean wantsRenewal(Instant now) {
      return renewedAt.plus(RENEW_AFTER).isBefore(now);
    }

    /** The same session, renewed at {@code now}. */
    public String renewed(Instant now) {
      return encode(new Token(id, username, issuedAt, now));
    }
  }

  /** A new session for {@code username}. */
  public static String issue(String username, Instant now) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    return encode(new Token(id, username, now, now));
  }

  static String encode(Token t) {
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                (t.username()
                        + "\n"
                        + t.issuedAt().toEpochMilli()
                        + "\n"
                        + t.id()
                        + "\n"
                        + t.renewedAt().toEpochMilli())
                    .getBytes(StandardCharsets.UTF_8));
    return payload + "." + SiteKey.sign(PURPOSE, payload);
  }

  /** The token in {@code value}, or null when it is malformed or not signed by this site. */
  public static Token read(String value) {
    if (value == null || value.length() > 1000) {
      return null;
    }
    int dot = value.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    String payload = value.substring(0, dot);
    if (!SiteKey.verify(PURPOSE, payload, value.substring(dot + 1))) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n");
      if (parts.length != 4) {
        return null;
      }
      return new Token(
          parts[2],
          parts[0],
          Instant.ofEpochMilli(Long.parseLong(parts[1])),
          Instant.ofEpochMilli(Long.parseLong(parts[3])));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
