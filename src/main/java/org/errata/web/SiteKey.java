package org.errata.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signatures made with this site's secret (the session encryption key, shared by every instance),
 * one derived key per purpose, so a value signed for one use is worthless for another.
 */
public final class SiteKey {

  static final String CONFIG = "quarkus.http.auth.session.encryption-key";

  private static volatile byte[] secret;

  private SiteKey() {}

  /** A URL-safe HMAC-SHA256 of {@code data} under the key for {@code purpose}. */
  public static String sign(String purpose, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(derived(purpose), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code signature} is {@link #sign}'s for {@code data}, compared in constant time. */
  public static boolean verify(String purpose, String data, String signature) {
    if (signature == null || data == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(purpose, data).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] derived(String purpose) {
    return KEYS.computeIfAbsent(
        purpose,
        p -> {
          try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("errata:" + p + "\n").getBytes(StandardCharsets.UTF_8));
            return sha.digest(secret());
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();

  private static byte[] secret() {
    byte[] s = secret;
    if (s == null) {
      String configured =
          ConfigProvider.getConfig()
              .getOptionalValue(CONFIG, String.class)
              .orElseThrow(() -> new IllegalStateException("no session encryption key"));
      s = configured.getBytes(StandardCharsets.UTF_8);
      secret = s;
    }
    return s;
  }
}
