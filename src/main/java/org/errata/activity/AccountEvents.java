package org.errata.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.errata.account.Accounts;
import org.errata.correction.AuditEvent;

/** Writes what admins do to accounts into the activity log, in the same transaction. */
@ApplicationScoped
public class AccountEvents {

  void record(@Observes Accounts.Changed c) {
    AuditEvent.onAccount(c.by(), kind(c.change()), c.account(), c.detail(), c.at()).persist();
  }

  static AuditEvent.Kind kind(Accounts.Change change) {
    return switch (change) {
      case CREATED -> AuditEvent.Kind.ACCOUNT_CREATED;
      case DISABLED -> AuditEvent.Kind.ACCOUNT_DISABLED;
      case ENABLED -> AuditEvent.Kind.ACCOUNT_ENABLED;
      case PASSWORD_RESET -> AuditEvent.Kind.PASSWORD_RESET;
      case ROLE_CHANGED -> AuditEvent.Kind.ROLE_CHANGED;
    };
  }
}
