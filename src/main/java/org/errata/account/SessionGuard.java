package org.errata.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.errata.system.ApiChallenge;
import org.errata.system.ApiError;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Makes sign-out and disabling real. At sign-in, a signed {@code errata-session} cookie is issued
 * beside Quarkus' session cookie; every request then checks that the account is enabled and, for a
 * browser session, that this token is present, not signed out, and newer than the account's last
 * reset. Anything else is treated as not signed in.
 */
@ApplicationScoped
public class SessionGuard {

  @Inject SecurityIdentity identity;

  /**
   * On the desk and the editors' API: the account must be enabled, and a browser session must carry
   * a valid, not signed-out token issued after the account's last reset; otherwise the request is
   * treated as not signed in. Public pages are left alone.
   */
  @ServerRequestFilter
  public Response check(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    boolean desk = path.equals("/editor") || path.startsWith("/editor/");
    boolean api = ApiChallenge.isEditorApi(path);
    if (identity.isAnonymous() || (!desk && !api)) {
      return null;
    }
    Account account = Account.findByUsername(identity.getPrincipal().getName()).orElse(null);
    boolean valid = account != null && account.enabled;
    if (valid && desk) {
      SessionToken.Token t = SessionToken.read(cookie(request, SessionToken.COOKIE));
      valid =
          t != null
              && t.username().equals(account.username)
              && RevokedSession.findById(t.id()) == null
              && (account.sessionsValidAfter == null
                  || t.issuedAt().isAfter(account.sessionsValidAfter));
    }
    if (!valid) {
      if (api) {
        return Response.status(401)
            .header("WWW-Authenticate", ApiChallenge.CHALLENGE)
            .type(MediaType.APPLICATION_JSON)
            .entity(ApiError.of("This account is disabled or its credentials no longer work."))
            .build();
      }
      return Response.seeOther(URI.create("/login"))
          .cookie(SignIn.expired(SignIn.SESSION_COOKIE), SignIn.expired(SessionToken.COOKIE))
          .build();
    }
    if (desk && account.mustChangePassword && !path.equals(AccountPages.PASSWORD_PAGE)) {
      return Response.seeOther(URI.create(AccountPages.PASSWORD_PAGE)).build();
    }
    return null;
  }

  private static String cookie(ContainerRequestContext request, String name) {
    jakarta.ws.rs.core.Cookie c = request.getCookies().get(name);
    return c == null ? null : c.getValue();
  }

  /** Signs the token in {@code value} out for good. */
  public static void revoke(String value) {
    SessionToken.Token t = SessionToken.read(value);
    if (t != null) {
      QuarkusTransaction.requiringNew().run(() -> RevokedSession.revoke(t.id(), Instant.now()));
    }
  }
}
