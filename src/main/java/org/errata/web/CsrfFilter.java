package org.errata.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses every state-changing request outside the JSON API (POST, PUT, DELETE, PATCH and anything
 * else that is not GET, HEAD or OPTIONS) unless it is a form that carries the token {@link Csrf}
 * gave the page it came from: whatever its body or Content-Type, with or without a body. The API
 * never accepts the session cookie, so it needs no token.
 */
public class CsrfFilter {

  static final String REFUSED =
      "This form was not accepted: it did not come from a page of this Errata, or the page is older"
          + " than your sign-in. Go back, reload the page and send it again.";

  private static final List<String> SAFE = List.of("GET", "HEAD", "OPTIONS");

  // After the body is read (forms and multipart alike, files included), for every matched resource
  // method; the API's paths are left alone.
  @ServerRequestFilter(readBody = true, priority = 100)
  public Response verify(ResteasyReactiveContainerRequestContext request, RoutingContext rc) {
    if (SAFE.contains(request.getMethod()) || Paths.isApi(rc.normalizedPath())) {
      return null;
    }
    String sent = null;
    if (isForm(request.getMediaType())
        && request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) {
      Object value = context.getFormParameter(Csrf.FIELD, true, false);
      if (value instanceof String s) {
        sent = s;
      } else if (value instanceof FormValue v && !v.isFileItem()) {
        sent = v.getValue();
      }
    }
    if (sent != null && accepts(rc, sent)) {
      return null;
    }
    return ErrorPage.html(403, ErrorPage.title(403), REFUSED);
  }

  /** Whether {@code sent} is the token of this person's session or of their anonymous form. */
  static boolean accepts(RoutingContext rc, String sent) {
    SecurityIdentity identity =
        rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    String session = identity == null ? null : identity.getAttribute(Csrf.SESSION_ATTRIBUTE);
    if (session != null && SiteKey.verify(Csrf.PURPOSE_SESSION, session, sent)) {
      return true;
    }
    String anonymous = Cookies.read(rc, Csrf.ANONYMOUS_COOKIE);
    return anonymous != null && SiteKey.verify(Csrf.PURPOSE_ANONYMOUS, anonymous, sent);
  }

  private static boolean isForm(MediaType type) {
    return type != null
        && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
            || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))
        && !type.isWildcardType()
        && !type.isWildcardSubtype();
  }
}
