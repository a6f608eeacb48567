package org.errata.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request gets an id: the proxy's {@code X-Request-Id} when it sent a sensible one, else a
 * new one. It is answered in the same header, written in every log line made while serving the
 * request ({@code [%X{request.id}]} in the log format, also in JSON logs), and printed on error
 * pages, so that a reader's "it failed" can be matched to the log.
 */
@ApplicationScoped
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  static final String KEY = "request.id";
  private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(RequestIds::begin);
  }

  static void begin(RoutingContext rc) {
    String given = rc.request().getHeader(HEADER);
    String id = given != null && SENSIBLE.matcher(given).matches() ? given : fresh();
    MDC.put(KEY, id);
    rc.put(KEY, id);
    rc.response().putHeader(HEADER, id);
    rc.next();
  }

  static String fresh() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The id of the request being served on this thread, or an empty string outside one. */
  public static String current() {
    Object id = MDC.get(KEY);
    return id == null ? "" : id.toString();
  }

  /** The id of {@code rc}'s request. */
  public static String of(RoutingContext rc) {
    Object id = rc.get(KEY);
    return id == null ? "" : id.toString();
  }
}
