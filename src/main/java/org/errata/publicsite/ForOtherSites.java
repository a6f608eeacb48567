package org.errata.publicsite;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * What other sites may read from a reader's browser (api.md, "Public reading, for other sites"):
 * the public API, the feeds, the exports, the badge and the embed script allow any origin to GET
 * and HEAD them, without credentials, and these answers never set a cookie. Preflight requests are
 * answered here; every other method gets no CORS headers, so browsers keep other sites from
 * writing.
 */
@ApplicationScoped
public class ForOtherSites {

  private static final Pattern SHARED =
      Pattern.compile(
          "/api/public(/.*)?|/feeds/.*|/badge\\.svg|/embed\\.js|/embed/.*|/corrections/[0-9]+\\.txt"
              + "|/articles\\.txt");

  static final String EXPOSED = "ETag, Last-Modified, Retry-After";

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 1).handler(ForOtherSites::handle);
  }

  static boolean isShared(String path) {
    return path != null && SHARED.matcher(path).matches();
  }

  static void handle(RoutingContext rc) {
    String path = rc.normalizedPath();
    if (!isShared(path)) {
      rc.next();
      return;
    }
    HttpMethod method = rc.request().method();
    boolean reading = method == HttpMethod.GET || method == HttpMethod.HEAD;
    if (method == HttpMethod.OPTIONS
        && rc.request().getHeader("Origin") != null
        && rc.request().getHeader("Access-Control-Request-Method") != null) {
      String asked = rc.request().getHeader("Access-Control-Request-Method");
      MultiMap h = rc.response().headers();
      if (asked.equals("GET") || asked.equals("HEAD")) {
        h.set("Access-Control-Allow-Origin", "*");
        h.set("Access-Control-Allow-Methods", "GET, HEAD");
        h.set("Access-Control-Allow-Headers", "Accept, If-None-Match, If-Modified-Since");
        h.set("Access-Control-Max-Age", "86400");
      }
      rc.response().setStatusCode(204).end();
      return;
    }
    rc.addHeadersEndHandler(
        v -> {
          MultiMap h = rc.response().headers();
          h.remove("Set-Cookie");
          if (reading) {
            h.set("Access-Control-Allow-Origin", "*");
            h.set("Access-Control-Expose-Headers", EXPOSED);
          }
        });
    rc.next();
  }
}
