package org.errata.system;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers the editors' API's 401s as api.md promises every error: JSON {@code {"error"}} with a
 * sentence, beside the usual {@code WWW-Authenticate} challenge. Quarkus' own Basic challenge has
 * an empty body.
 */
@ApplicationScoped
public class ApiChallenge {

  /** The paths that need an editor's HTTP Basic credentials (see application.properties). */
  static final String EDITOR_API = "/api/(corrections|reports)(/.*)?";

  private static final java.util.regex.Pattern EDITOR_API_PATH =
      java.util.regex.Pattern.compile(EDITOR_API);

  /** The challenge every 401 of the editors' API carries. */
  public static final String CHALLENGE = "Basic realm=\"Errata\", charset=\"UTF-8\"";

  /** Whether {@code path} is one of the editors' API, which takes HTTP Basic only. */
  public static boolean isEditorApi(String path) {
    return EDITOR_API_PATH.matcher(path).matches();
  }

  static final String MISSING =
      "Sign in with HTTP Basic: the user name and password of an Errata editor account.";
  static final String WRONG =
      "The user name or password is wrong, or the account is disabled; nothing was done.";

  void register(@Observes Router router) {
    // Before Quarkus' authentication, so requests without credentials are answered here.
    router
        .routeWithRegex(EDITOR_API)
        .order(Integer.MIN_VALUE)
        .handler(
            rc -> {
              String auth = rc.request().getHeader("Authorization");
              if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                unauthorized(rc, MISSING);
              } else {
                rc.next();
              }
            })
        .failureHandler(
            rc -> {
              if (rc.failure() instanceof AuthenticationFailedException && !rc.response().ended()) {
                unauthorized(rc, WRONG);
              } else {
                rc.next();
              }
            });
  }

  private static void unauthorized(RoutingContext rc, String sentence) {
    rc.response()
        .setStatusCode(401)
        .putHeader("WWW-Authenticate", CHALLENGE)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", sentence).encode());
  }
}
