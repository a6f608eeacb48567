package org.errata.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.errata.web.ClientAddress;
import org.errata.web.Cookies;
import org.errata.web.Csrf;
import org.errata.web.Links;
import org.errata.web.Redirect;
import org.errata.web.SiteKey;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Signing in and out. The sign-in form is an ordinary Errata form (with its CSRF token, so no other
 * site can sign a browser in to an account of its choosing); a right password starts a session
 * cookie ({@link SessionToken}) and a device cookie that keeps this browser clear of throttling
 * caused by guesses from elsewhere. Sign-out revokes the session for good.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignIn {

  static final String DEVICE_COOKIE = "errata-device";
  static final Duration DEVICE_LIFETIME = Duration.ofDays(365);
  static final int USERNAME_MAX = Account.USERNAME_MAX;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Authenticator authenticator;
  @Inject SecurityIdentity identity;
  @Inject RoutingContext rc;

  /** The sign-in form: where to go next, the name typed, and why the last attempt was refused. */
  public record Form(String next, String username, String error) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(Form form);
  }

  @GET
  @Path("login")
  public Response login(@RestQuery String next) {
    if (!identity.isAnonymous()) {
      return Redirect.seeOther(destination(next));
    }
    return Response.ok(Templates.login(new Form(returnAddress(next), "", null))).build();
  }

  @POST
  @Path("login")
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  public Response signIn(
      @RestForm String username, @RestForm String password, @RestForm String next) {
    String typed = username == null ? "" : username.strip();
    String device = device(typed);
    Authenticator.Outcome outcome =
        authenticator.check(
            typed, password, new SignInThrottle.Attempt(typed, ClientAddress.of(rc), device));
    Form again = new Form(returnAddress(next), shorten(typed), Authenticator.REFUSED);
    if (outcome instanceof Authenticator.Throttled t) {
      long seconds = Math.max(1, t.retryAfter().toSeconds());
      return Response.status(429)
          .header("Retry-After", seconds)
          .entity(
              Templates.login(
                  new Form(
                      again.next(),
                      again.username(),
                      "Too many failed sign-ins. Wait "
                          + (seconds == 1 ? "a second" : seconds + " seconds")
                          + " and try again.")))
          .build();
    }
    if (!(outcome instanceof Authenticator.SignedIn in)) {
      return Response.status(401).entity(Templates.login(again)).build();
    }
    Account account = in.account();
    Instant now = Instant.now();
    return Redirect.to(account.mustChangePassword ? AccountPages.PASSWORD_PAGE : destination(next))
        .header(
            "Set-Cookie",
            Cookies.session(
                SessionToken.COOKIE, SessionToken.issue(account.username, now), rc.request()))
        .header(
            "Set-Cookie",
            Cookies.lasting(
                DEVICE_COOKIE,
                device != null ? deviceCookieValue(rc) : newDevice(account.username),
                DEVICE_LIFETIME.toSeconds(),
                rc.request()))
        .header("Set-Cookie", Cookies.expired(Csrf.ANONYMOUS_COOKIE, rc.request()))
        .build();
  }

  /** Ends the session for real: its id is revoked, so the old cookie no longer works. */
  @POST
  @Path("logout")
  public Response logout() {
    SessionToken.Token t = SessionToken.read(Cookies.read(rc, SessionToken.COOKIE));
    if (t != null) {
      SessionGuard.revoke(t);
    }
    return Redirect.to("/")
        .header("Set-Cookie", Cookies.expired(SessionToken.COOKIE, rc.request()))
        .build();
  }

  /** Where to go after signing in: the page asked for, when it is on the desk. */
  static String destination(String next) {
    return isReturnAddress(next) ? next : Links.desk();
  }

  private static String returnAddress(String next) {
    return isReturnAddress(next) ? next : null;
  }

  /** Only the desk's own pages: never another site, whatever was put in the address. */
  static boolean isReturnAddress(String next) {
    return next != null
        && next.length() <= 2000
        && Redirect.isLocal(next)
        && (next.equals("/editor") || next.startsWith("/editor/") || next.startsWith("/editor?"));
  }

  private static String shorten(String typed) {
    return typed.length() <= USERNAME_MAX ? typed : typed.substring(0, USERNAME_MAX);
  }

  /** This browser's device id, when its cookie was issued for {@code username}. */
  private String device(String username) {
    String value = deviceCookieValue(rc);
    if (value == null) {
      return null;
    }
    int dot = value.lastIndexOf('.');
    if (dot <= 0 || !SiteKey.verify("device", value.substring(0, dot), value.substring(dot + 1))) {
      return null;
    }
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8)
              .split("\n");
    } catch (IllegalArgumentException e) {
      return null;
    }
    return parts.length == 2 && parts[0].equalsIgnoreCase(username) ? parts[1] : null;
  }

  private static String deviceCookieValue(RoutingContext rc) {
    return Cookies.read(rc, DEVICE_COOKIE);
  }

  private static String newDevice(String username) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((username + "\n" + id).getBytes(StandardCharsets.UTF_8));
    return payload + "." + SiteKey.sign("device", payload);
  }
}
