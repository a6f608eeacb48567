package org.errata.publicsite;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.errata.web.Secrets;

/**
 * Public answers that others fetch again and again (feeds, badges, the public API): a strong ETag
 * from the bytes themselves, Last-Modified from the newest thing they show, and 304 Not Modified
 * when the client already has them.
 */
final class Conditional {

  private Conditional() {}

  /** How long a cache may reuse a public answer without asking again. */
  static final int MAX_AGE_SECONDS = 300;

  static Response answer(Request request, byte[] body, Instant lastModified, String type) {
    EntityTag tag = new EntityTag(digest(body));
    // HTTP dates have whole seconds; the ETag tells apart two versions within one second.
    Date modified = Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS));
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE_SECONDS);
    Response.ResponseBuilder notModified = notModified(request, modified, tag);
    if (notModified != null) {
      return notModified.cacheControl(cache).tag(tag).lastModified(modified).build();
    }
    return Response.ok(body, type).tag(tag).lastModified(modified).cacheControl(cache).build();
  }

  /**
   * 304 when the client's validators match. A date that cannot be read is ignored, as HTTP says
   * (then only the ETag counts); validators that cannot be read at all get the full answer.
   */
  private static Response.ResponseBuilder notModified(
      Request request, Date modified, EntityTag tag) {
    try {
      return request.evaluatePreconditions(modified, tag);
    } catch (RuntimeException unreadableDate) {
      try {
        return request.evaluatePreconditions(tag);
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }

  static String digest(byte[] body) {
    return Secrets.sha256(body).substring(0, 32);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
