package org.errata.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way Errata writes a cookie: HttpOnly, SameSite=Strict, for the whole site, and Secure
 * whenever the request came over HTTPS (directly, or through a proxy Errata is told to trust).
 */
public final class Cookies {

  private Cookies() {}

  /** A {@code Set-Cookie} value that lives as long as the browser session. */
  public static String session(String name, String value, HttpServerRequest request) {
    return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + secure(request);
  }

  /** A {@code Set-Cookie} value that lives {@code seconds}. */
  public static String lasting(String name, String value, long seconds, HttpServerRequest request) {
    return session(name, value, request) + "; Max-Age=" + seconds;
  }

  /** A {@code Set-Cookie} value that removes the cookie. */
  public static String expired(String name, HttpServerRequest request) {
    return name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure(request);
  }

  /** The value of cookie {@code name} in the request, or null. */
  public static String read(RoutingContext rc, String name) {
    Cookie c = rc.request().getCookie(name);
    return c == null || c.getValue().isEmpty() ? null : c.getValue();
  }

  /** Whether the request came over HTTPS. */
  public static boolean isHttps(HttpServerRequest request) {
    return "https".equalsIgnoreCase(request.scheme());
  }

  private static String secure(HttpServerRequest request) {
    return request != null && isHttps(request) ? "; Secure" : "";
  }
}
