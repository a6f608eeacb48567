package org.errata.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request to be let in on the strength of an API token ({@code Authorization: Bearer}). */
public class TokenRequest extends BaseAuthenticationRequest {

  public final String secret;

  public TokenRequest(String secret) {
    this.secret = secret;
  }
}
