package org.errata.notice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import org.errata.account.Account;
import org.errata.account.Me;

/**
 * The count in the desk's header ({inject:waiting.count}): what waits for the signed-in editor
 * (their {@link ToDo}) and the notices they have not seen, worked out once per request, and only
 * when a page shows it.
 */
@Named("waiting")
@RequestScoped
public class Waiting {

  @Inject Me me;

  private Integer count;

  public int getCount() {
    if (count == null) {
      count = 0;
      if (me.isSignedIn()) {
        Account account = me.account();
        count = ToDo.of(account).size() + Inbox.unread(account, Instant.now());
      }
    }
    return count;
  }

  /** For a page that worked out the to-do list and showed every notice (the dashboard). */
  public void knownAs(int count) {
    this.count = count;
  }
}
