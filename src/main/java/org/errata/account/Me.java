package org.errata.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The person making this request, for resources (as an Account) and templates ({inject:me}). */
@Named("me")
@RequestScoped
public class Me {

  @Inject SecurityIdentity identity;

  private Account account;

  public boolean isSignedIn() {
    return !identity.isAnonymous();
  }

  public String getName() {
    return identity.isAnonymous() ? null : identity.getPrincipal().getName();
  }

  public boolean isAdmin() {
    return identity.hasRole(Account.ADMIN);
  }

  /** The signed-in account; only called on routes that require one. */
  public Account account() {
    if (account == null) {
      account =
          Account.findByUsername(getName())
              .orElseThrow(() -> new IllegalStateException("signed in without an account"));
    }
    return account;
  }
}
