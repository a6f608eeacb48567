package org.errata.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request to be let in on the strength of a signed session cookie. */
public class SessionRequest extends BaseAuthenticationRequest {

  public final SessionToken.Token token;

  public SessionRequest(SessionToken.Token token) {
    this.token = token;
  }
}
