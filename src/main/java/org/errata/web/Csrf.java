package org.errata.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The token every form carries ({@code {#csrf /}}), for templates as {@code inject:csrf}. A
 * signed-in person's token is derived from their session, so it changes at every sign-in and needs
 * no cookie of its own. Before sign-in (the sign-in form), it is derived from a random {@code
 * errata-form} cookie, set only on a page that shows such a form. {@link CsrfFilter} checks it.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

  public static final String FIELD = "csrf-token";
  public static final String ANONYMOUS_COOKIE = "errata-form";

  /** Where a signed-in identity keeps its session's id (set by the session mechanism). */
  public static final String SESSION_ATTRIBUTE = "errata.session-id";

  static final String PURPOSE_SESSION = "csrf-session";
  static final String PURPOSE_ANONYMOUS = "csrf-anonymous";

  @Inject SecurityIdentity identity;
  @Inject CurrentVertxRequest current;

  private String token;

  public String getParameterName() {
    return FIELD;
  }

  public String getToken() {
    if (token == null) {
      token = make();
    }
    return token;
  }

  private String make() {
    String session = identity.getAttribute(SESSION_ATTRIBUTE);
    if (session != null) {
      return forSession(session);
    }
    RoutingContext rc = current.getCurrent();
    String value = Cookies.read(rc, ANONYMOUS_COOKIE);
    if (value == null || value.length() != 22) {
      value = Secrets.random(16);
      rc.response()
          .headers()
          .add("Set-Cookie", Cookies.session(ANONYMOUS_COOKIE, value, rc.request()));
    }
    return forAnonymous(value);
  }

  static String forSession(String sessionId) {
    return SiteKey.sign(PURPOSE_SESSION, sessionId);
  }

  static String forAnonymous(String cookie) {
    return SiteKey.sign(PURPOSE_ANONYMOUS, cookie);
  }
}
