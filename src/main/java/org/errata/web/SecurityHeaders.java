package org.errata.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * The headers every response carries, whoever answers it (a page, the API, a challenge, an error):
 * the content security policy and its companions; {@code Cache-Control: no-store} for everything
 * about a signed-in person; HSTS over HTTPS; and {@code charset=UTF-8} on every text response.
 */
@ApplicationScoped
public class SecurityHeaders {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  static final String HSTS = "max-age=31536000";

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(SecurityHeaders::install);
  }

  static void install(RoutingContext rc) {
    rc.addHeadersEndHandler(v -> apply(rc));
    rc.next();
  }

  /**
   * The browsable API description exists in dev mode only and runs its own inline scripts and
   * styles; it gets a policy that lets it, and nothing else does.
   */
  static final String DEV_UI_CSP =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  static void apply(RoutingContext rc) {
    MultiMap h = rc.response().headers();
    boolean devUi = rc.normalizedPath().startsWith("/q/swagger-ui");
    setIfAbsent(h, "Content-Security-Policy", devUi ? DEV_UI_CSP : CSP);
    setIfAbsent(h, "X-Content-Type-Options", "nosniff");
    if (!rc.normalizedPath().startsWith("/embed/")) {
      // The notice publishers frame (/embed/notice) says who may frame it in its own policy.
      setIfAbsent(h, "X-Frame-Options", "DENY");
    }
    setIfAbsent(h, "Referrer-Policy", "strict-origin-when-cross-origin");
    if (Cookies.isHttps(rc.request())) {
      setIfAbsent(h, "Strict-Transport-Security", HSTS);
    }
    String path = rc.normalizedPath();
    boolean personal = Paths.isDesk(path) || Paths.isEditorApi(path) || path.equals("/login");
    if (personal) {
      h.set("Cache-Control", "no-store");
    }
    if (personal || path.startsWith("/suggest")) {
      // Secrets (CSRF tokens, new API tokens) beside what a person typed: never compressed, so
      // that the size of an answer gives nothing away (BREACH).
      h.set("Content-Encoding", "identity");
    }
    String type = h.get("Content-Type");
    if (type != null) {
      String lower = type.toLowerCase(Locale.ROOT);
      if ((lower.startsWith("text/") || lower.startsWith("application/json"))
          && !lower.contains("charset")) {
        h.set("Content-Type", type + ";charset=UTF-8");
      }
    }
  }

  private static void setIfAbsent(MultiMap headers, String name, String value) {
    if (!headers.contains(name)) {
      headers.set(name, value);
    }
  }
}
