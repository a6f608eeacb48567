package org.errata.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Sizes Errata refuses before reading a byte of the body: an address longer than {@value #MAX_URI}
 * characters (414), a NUL character in the address (400), headers over {@value #MAX_HEADERS} bytes
 * (431) and a declared body over {@value #MAX_BODY} bytes (413), each answered like any other
 * error, with a sentence and the usual headers. The server's own hard limits (quarkus.http.limits)
 * sit well above these, so only a request far past them gets the bare answer of the HTTP layer.
 */
@ApplicationScoped
public class RequestLimits {

  public static final int MAX_URI = 8 * 1024;
  public static final int MAX_HEADERS = 16 * 1024;
  public static final long MAX_BODY = 2 * 1024 * 1024;

  @Inject LastResort lastResort;

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
  }

  void check(RoutingContext rc) {
    int status = 0;
    if (rc.request().uri().length() > MAX_URI) {
      status = 414;
    } else if (rc.request().uri().contains("%00")) {
      // No address of Errata's holds a NUL character, and no database query should see one.
      status = 400;
    } else if (headerBytes(rc.request().headers()) > MAX_HEADERS) {
      status = 431;
    } else {
      String length = rc.request().getHeader("Content-Length");
      if (length != null) {
        try {
          if (Long.parseLong(length.strip()) > MAX_BODY) {
            status = 413;
          }
        } catch (NumberFormatException e) {
          status = 400;
        }
      }
    }
    if (status == 0) {
      rc.next();
      return;
    }
    // The body is not wanted: answer and close, rather than read megabytes for nothing.
    rc.response().putHeader("Connection", "close");
    lastResort.answer(rc, status);
  }

  private static long headerBytes(MultiMap headers) {
    long total = 0;
    for (var e : headers) {
      total += e.getKey().length() + e.getValue().length() + 4;
    }
    return total;
  }
}
