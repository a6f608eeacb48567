package org.errata.account;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Issues the revocable {@code errata-session} token beside Quarkus' session cookie when a form
 * sign-in succeeds ({@link SessionGuard} checks it on every desk request).
 */
@ApplicationScoped
public class SessionCookieIssuer {

  /** Issues the token when Quarkus' form sign-in succeeds. */
  public void register(@Observes Router router) {
    // Before Quarkus' own handling of the sign-in form, so the end-of-headers hook is in place.
    router
        .post("/j_security_check")
        .order(Integer.MIN_VALUE)
        .handler(
            rc -> {
              rc.addHeadersEndHandler(v -> issueOnSuccess(rc));
              rc.next();
            });
  }

  // Quarkus answers a successful sign-in with a redirect to the landing (or the page first asked
  // for), and a failed one with a redirect to the error page.
  private static void issueOnSuccess(RoutingContext rc) {
    String location = rc.response().headers().get("Location");
    String username = rc.request().getFormAttribute("j_username");
    if (rc.response().getStatusCode() != 302
        || location == null
        || location.contains("/login")
        || username == null) {
      return;
    }
    rc.response()
        .headers()
        .add(
            "Set-Cookie",
            SessionToken.COOKIE
                + "="
                + SessionToken.issue(username.strip(), Instant.now())
                + "; Path=/; HttpOnly; SameSite=Strict");
  }
}
