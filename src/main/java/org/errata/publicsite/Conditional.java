package org.errata.publicsite;

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

  static Response answer(Request request, byte[] body, Instant lastModified, String type) {
    EntityTag tag = new EntityTag(digest(body));
    Date modified = dateOf(lastModified);
    Response.ResponseBuilder notModified = notModified(request, modified, tag);
    Response.ResponseBuilder answer =
        notModified != null ? notModified.tag(tag) : Response.ok(body, type).tag(tag);
    // How long others may keep it: ReaderCache, for every public answer.
    return (modified == null ? answer : answer.lastModified(modified)).build();
  }

  /**
   * The Last-Modified an answer made now may carry for a change at {@code changed}: none while that
   * change is less than a second old. HTTP dates have whole seconds, so a date sent within the
   * second of a change could also be the date of a second change in that same second, and a client
   * asking If-Modified-Since would be told wrongly that it has it; a date sent a second later is
   * earlier than any change still to come. (The ETag always tells versions apart.)
   */
  static Date dateOf(Instant changed) {
    Instant second = changed.truncatedTo(ChronoUnit.SECONDS);
    return Instant.now().isBefore(second.plusSeconds(1)) ? null : Date.from(second);
  }

  /**
   * 304 when the client's validators match. A date that cannot be read is ignored, as HTTP says
   * (then only the ETag counts); validators that cannot be read at all get the full answer.
   */
  private static Response.ResponseBuilder notModified(
      Request request, Date modified, EntityTag tag) {
    if (modified == null) {
      return request.evaluatePreconditions(tag);
    }
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
