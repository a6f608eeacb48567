package org.errata.publicsite;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.errata.web.Secrets;

/**
 * Public answers that others fetch again and again (feeds, badges, the public API, charts): a
 * strong ETag from the bytes themselves and Last-Modified from the newest thing they show. Whether
 * the client already has them (304) is decided for every public answer in one place, {@link
 * ReaderCache}, which also says how long they may be kept.
 */
final class Conditional {

  private Conditional() {}

  static Response answer(byte[] body, Instant lastModified, String type) {
    Response.ResponseBuilder answer = Response.ok(body, type).tag(new EntityTag(digest(body)));
    Date modified = dateOf(lastModified);
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

  static String digest(byte[] body) {
    return Secrets.sha256(body).substring(0, 32);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
