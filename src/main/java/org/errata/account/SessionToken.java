package org.errata.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The second cookie of a sign-in ({@code errata-session}): who, when, and a random id, signed with
 * a key derived from the session encryption key. Quarkus' own session cookie cannot be revoked;
 * this one can (sign-out revokes its id; disabling or resetting an account invalidates every token
 * issued before).
 */
public final class SessionToken {

  public static final String COOKIE = "errata-session";

  private static volatile byte[] key;

  private SessionToken() {}

  /** A parsed, correctly signed token. */
  public record Token(String id, String username, Instant issuedAt) {}

  public static String issue(String username, Instant now) {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                (username + "\n" + now.toEpochMilli() + "\n" + id)
                    .getBytes(StandardCharsets.UTF_8));
    return payload + "." + sign(payload);
  }

  /** The token in {@code value}, or null when it is malformed or not signed by this server. */
  public static Token read(String value) {
    if (value == null) {
      return null;
    }
    int dot = value.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    String payload = value.substring(0, dot);
    byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
    byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n");
      if (parts.length != 3) {
        return null;
      }
      return new Token(parts[2], parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] key() throws GeneralSecurityException {
    if (key == null) {
      String secret =
          ConfigProvider.getConfig()
              .getOptionalValue("quarkus.http.auth.session.encryption-key", String.class)
              .orElseThrow(() -> new IllegalStateException("no session encryption key"));
      key =
          MessageDigest.getInstance("SHA-256")
              .digest(("errata-session\n" + secret).getBytes(StandardCharsets.UTF_8));
    }
    return key;
  }
}
