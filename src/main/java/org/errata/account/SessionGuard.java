package org.errata.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.errata.web.ApiError;
import org.errata.web.ErrorPage;
import org.errata.web.Paths;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An account with a temporary password (new, or reset by an admin) may do one thing until it
 * chooses its own: choose it. The desk sends it to the password page; the editors' API refuses it.
 * And a read-only API token may only read.
 */
@ApplicationScoped
public class SessionGuard {

  static final String TEMPORARY =
      "This account still has the temporary password an admin gave it. Sign in on the desk and"
          + " choose your own password; then the API will answer.";

  static final String READ_ONLY =
      "This API token is read-only: it may read, but not change anything. Use a token that is not"
          + " read-only for this.";

  @Inject SecurityIdentity identity;

  /** A read-only token reads: every method that changes something is refused. */
  @ServerRequestFilter(priority = 50)
  public Response readOnly(ContainerRequestContext request) {
    if (identity.isAnonymous()
        || !Boolean.TRUE.equals(identity.getAttribute(Identities.READ_ONLY))) {
      return null;
    }
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return null;
    }
    return ErrorPage.json(403, ApiError.of(READ_ONLY));
  }

  @ServerRequestFilter
  public Response check(ContainerRequestContext request) {
    if (identity.isAnonymous()
        || !Boolean.TRUE.equals(identity.getAttribute(Identities.MUST_CHANGE_PASSWORD))) {
      return null;
    }
    String path = request.getUriInfo().getPath();
    if (Paths.isEditorApi(path)) {
      return ErrorPage.json(403, ApiError.of(TEMPORARY));
    }
    if (Paths.isDesk(path) && !path.equals(AccountPages.PASSWORD_PAGE)) {
      return Redirect.seeOther(AccountPages.PASSWORD_PAGE);
    }
    return null;
  }

  /** Signs the session {@code t} out for good. */
  public static void revoke(SessionToken.Token t) {
    QuarkusTransaction.requiringNew().run(() -> RevokedSession.revoke(t.id(), Instant.now()));
  }
}
