package org.errata.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.errata.web.Cookies;
import org.errata.web.Paths;

/**
 * How Errata knows who is asking, by kind of address (see {@link Paths}): the desk and the rest of
 * the site read only the session cookie; the editors' API reads only the {@code Authorization}
 * header (never the cookie, so no other site can make a browser act through it); the public API
 * reads nothing. A missing or failed sign-in is answered by the desk with a redirect to the sign-in
 * page and by the API with 401 (429 when throttled) and a JSON sentence.
 */
@ApplicationScoped
public class EditorAuthentication implements HttpAuthenticationMechanism {

  public static final String CHALLENGE = "Basic realm=\"Errata\", charset=\"UTF-8\"";

  static final String MISSING =
      "Sign in with an API token (Authorization: Bearer) or HTTP Basic with the user name and"
          + " password of an Errata editor account.";
  static final String WRONG =
      "The user name or password is wrong, or the account is disabled; nothing was done.";
  static final String MALFORMED =
      "The Authorization header is neither \"Bearer\" with an API token nor HTTP Basic with a user"
          + " name and password; nothing was done.";
  static final String WRONG_TOKEN =
      "That API token is unknown or revoked, or its account is disabled; nothing was done.";
  static final String THROTTLED =
      "Too many failed sign-ins: wait the seconds in Retry-After before trying again.";

  private static final String FAILURE = "errata.auth-failure";

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identities) {
    String path = rc.normalizedPath();
    if (Paths.isPublicApi(path)) {
      return Uni.createFrom().nullItem();
    }
    if (Paths.isEditorApi(path)) {
      return fromHeader(rc, identities);
    }
    return fromCookie(rc, identities);
  }

  private static Uni<SecurityIdentity> fromHeader(RoutingContext rc, IdentityProviderManager ipm) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return Uni.createFrom().nullItem();
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      TokenRequest request = new TokenRequest(header.substring(7).strip());
      HttpSecurityUtils.setRoutingContextAttribute(request, rc);
      rc.put(FAILURE, WRONG_TOKEN);
      return ipm.authenticate(request);
    }
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      rc.put(FAILURE, MALFORMED);
      return Uni.createFrom().failure(new AuthenticationFailedException());
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = "";
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      rc.put(FAILURE, MALFORMED);
      return Uni.createFrom().failure(new AuthenticationFailedException());
    }
    AuthenticationRequest request =
        new UsernamePasswordAuthenticationRequest(
            decoded.substring(0, colon),
            new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
    HttpSecurityUtils.setRoutingContextAttribute(request, rc);
    rc.put(FAILURE, WRONG);
    return ipm.authenticate(request);
  }

  private static Uni<SecurityIdentity> fromCookie(RoutingContext rc, IdentityProviderManager ipm) {
    String value = Cookies.read(rc, SessionToken.COOKIE);
    if (value == null) {
      return Uni.createFrom().nullItem();
    }
    SessionToken.Token token = SessionToken.read(value);
    Instant now = Instant.now();
    if (token == null || !token.isCurrent(now)) {
      forget(rc);
      return Uni.createFrom().nullItem();
    }
    SessionRequest request = new SessionRequest(token);
    HttpSecurityUtils.setRoutingContextAttribute(request, rc);
    return ipm.authenticate(request)
        .onItem()
        .invoke(
            identity -> {
              if (token.wantsRenewal(now)) {
                rc.response()
                    .headers()
                    .add(
                        "Set-Cookie",
                        Cookies.session(SessionToken.COOKIE, token.renewed(now), rc.request()));
              }
            })
        .onFailure(AuthenticationFailedException.class)
        .recoverWithItem(
            () -> {
              // Signed out, disabled or reset: a reader like any other from now on.
              forget(rc);
              return null;
            });
  }

  private static void forget(RoutingContext rc) {
    rc.response().headers().add("Set-Cookie", Cookies.expired(SessionToken.COOKIE, rc.request()));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext rc) {
    if (Paths.isEditorApi(rc.normalizedPath())) {
      return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }
    return Uni.createFrom().item(new ChallengeData(303, "Location", signInAddress(rc)));
  }

  @Override
  public Uni<Boolean> sendChallenge(RoutingContext rc) {
    HttpServerResponse response = rc.response();
    if (response.ended() || response.headWritten()) {
      return Uni.createFrom().item(true);
    }
    response.headers().set("Cache-Control", "no-store");
    if (Paths.isEditorApi(rc.normalizedPath())) {
      Long retryAfter = rc.get(Identities.RETRY_AFTER);
      String sentence = rc.get(FAILURE);
      if (retryAfter != null) {
        response.setStatusCode(429).putHeader("Retry-After", String.valueOf(retryAfter));
        sentence = THROTTLED;
      } else {
        response.setStatusCode(401).putHeader("WWW-Authenticate", CHALLENGE);
      }
      response
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(new JsonObject().put("error", sentence == null ? MISSING : sentence).encode());
    } else {
      response.setStatusCode(303).putHeader("Location", signInAddress(rc)).end();
    }
    return Uni.createFrom().item(true);
  }

  /** The sign-in page, told where to come back to after a GET. */
  static String signInAddress(RoutingContext rc) {
    String back = rc.request().method().name().equals("GET") ? rc.request().uri() : null;
    if (back == null || !SignIn.isReturnAddress(back)) {
      return "/login";
    }
    return "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(
        UsernamePasswordAuthenticationRequest.class, SessionRequest.class, TokenRequest.class);
  }
}
