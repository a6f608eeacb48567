package org.errata.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The sign-in page (the form posts to Quarkus' {@code /j_security_check}) and sign-out. The session
 * is the encrypted {@code quarkus-credential} cookie.
 */
@Path("/")
@PermitAll
public class SignIn {

  static final String SESSION_COOKIE = "quarkus-credential";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(boolean failed);
  }

  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance login(@RestQuery String error) {
    return Templates.login(error != null);
  }

  /** Ends the session for real: its token is revoked, so the old cookies no longer work. */
  @POST
  @Path("logout")
  public Response logout(@CookieParam(SessionToken.COOKIE) String token) {
    if (token != null) {
      SessionGuard.revoke(token);
    }
    return Response.seeOther(URI.create("/"))
        .cookie(expired(SESSION_COOKIE), expired(SessionToken.COOKIE))
        .build();
  }

  static NewCookie expired(String name) {
    return new NewCookie.Builder(name)
        .value("")
        .path("/")
        .maxAge(0)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
