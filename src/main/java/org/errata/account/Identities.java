package org.errata.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.db.DeskGeneration;
import org.errata.db.Remembered;
import org.errata.web.ClientAddress;
import org.errata.web.Csrf;

/**
 * Who a request is: from a session cookie (the desk) or from HTTP Basic credentials (the editors'
 * API). Both end in the same identity, an account's name and roles, with whether it must still
 * choose its own password.
 */
public final class Identities {

  /** The identity attribute that says the account has a temporary password. */
  public static final String MUST_CHANGE_PASSWORD = "errata.must-change-password";

  /** Where a throttled attempt leaves its wait, for the 429 answer. */
  public static final String RETRY_AFTER = "errata.retry-after";

  /** The identity attribute that says the caller came with a read-only API token. */
  public static final String READ_ONLY = "errata.read-only";

  private Identities() {}

  static SecurityIdentity of(Account account, String sessionId) {
    QuarkusSecurityIdentity.Builder b = builder(account);
    if (sessionId != null) {
      b.addAttribute(Csrf.SESSION_ATTRIBUTE, sessionId);
    }
    return b.build();
  }

  /** The account's name and roles, and whether it must still choose its own password. */
  private static QuarkusSecurityIdentity.Builder builder(Account account) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.username))
        .addRoles(new HashSet<>(Arrays.asList(account.roles.split(","))))
        .addAttribute(MUST_CHANGE_PASSWORD, account.mustChangePassword);
  }

  /**
   * A session cookie's holder: enabled, not signed out, begun after the last reset. Checked in the
   * database once, then known while the {@link DeskGeneration} stays where it was (signing out,
   * disabling, resetting or changing a role moves it, on any instance).
   */
  @ApplicationScoped
  public static class FromSession implements IdentityProvider<SessionRequest> {

    @Inject DeskGeneration desk;

    private final Remembered<String, SecurityIdentity> known;

    FromSession(@ConfigProperty(name = Remembered.LIFETIME) Duration keep) {
      known = new Remembered<>(10_000, keep);
    }

    @Override
    public Class<SessionRequest> getRequestType() {
      return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        SessionRequest request, AuthenticationRequestContext context) {
      SessionToken.Token t = request.token;
      RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
      return context.runBlocking(
          () -> {
            long generation = desk.current();
            DeskGeneration.readFor(rc, generation);
            return known.get(
                t.id() + " " + t.username() + " " + t.issuedAt(),
                generation,
                () -> QuarkusTransaction.requiringNew().call(() -> check(request)));
          });
    }

    private static SecurityIdentity check(SessionRequest request) {
      SessionToken.Token t = request.token;
      Account account = Account.findByUsername(t.username()).orElse(null);
      boolean valid =
          account != null
              && account.enabled
              && t.isCurrent(Instant.now())
              && (account.sessionsValidAfter == null
                  || t.issuedAt().isAfter(account.sessionsValidAfter))
              && RevokedSession.findById(t.id()) == null;
      if (!valid) {
        throw new AuthenticationFailedException();
      }
      return of(account, t.id());
    }
  }

  /** An API token: its account, within the token's scope; no password, so no bcrypt. */
  @ApplicationScoped
  public static class FromToken implements IdentityProvider<TokenRequest> {

    @Inject ApiTokens tokens;

    @Override
    public Class<TokenRequest> getRequestType() {
      return TokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        TokenRequest request, AuthenticationRequestContext context) {
      return context.runBlocking(
          () -> {
            ApiToken token = tokens.check(request.secret, Instant.now());
            if (token == null) {
              throw new AuthenticationFailedException();
            }
            return builder(token.account).addAttribute(READ_ONLY, token.readOnly).build();
          });
    }
  }

  /** HTTP Basic: the same check as the sign-in form, throttled the same way. */
  @ApplicationScoped
  public static class FromPassword
      implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject Authenticator authenticator;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
      return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
      RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
      return context.runBlocking(
          () -> {
            Authenticator.Outcome outcome =
                authenticator.check(
                    request.getUsername(),
                    new String(request.getPassword().getPassword()),
                    new SignInThrottle.Attempt(request.getUsername(), ClientAddress.of(rc), null));
            if (outcome instanceof Authenticator.SignedIn in) {
              return of(in.account(), null);
            }
            if (outcome instanceof Authenticator.Throttled t && rc != null) {
              rc.put(RETRY_AFTER, Math.max(1, t.retryAfter().toSeconds()));
            }
            throw new AuthenticationFailedException();
          });
    }
  }
}
