package org.errata.notice;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.db.DeskGeneration;
import org.errata.db.Remembered;

/**
 * The count in the desk's header ({inject:waiting.count}): what waits for the signed-in editor
 * (their {@link ToDo}) and the notices they have not seen, worked out once per request, only when a
 * page shows it, and again only when the desk changed ({@link DeskGeneration}, read once per
 * request).
 */
@Named("waiting")
@RequestScoped
public class Waiting {

  @Inject Me me;
  @Inject DeskGeneration desk;
  @Inject CurrentVertxRequest request;
  @Inject Counts counts;

  private Long generation;
  private Integer count;

  /** Each editor's count, kept while the desk does not change (and a minute at most). */
  @ApplicationScoped
  public static class Counts {
    private final Remembered<String, Integer> byEditor;

    Counts(@ConfigProperty(name = Remembered.LIFETIME) Duration keep) {
      byEditor = new Remembered<>(10_000, keep);
    }

    int of(String editor, long generation, Supplier<Integer> work) {
      return byEditor.get(editor, generation, work);
    }
  }

  /** The desk's generation, read once in this request (by signing in, if it did). */
  public long generation() {
    if (generation == null) {
      generation = desk.current(request.getCurrent());
    }
    return generation;
  }

  public int getCount() {
    if (count == null) {
      count = 0;
      if (me.isSignedIn()) {
        count =
            counts.of(
                me.getName(),
                generation(),
                () -> {
                  Account account = me.account();
                  return ToDo.of(account).size() + Inbox.unread(account, Instant.now());
                });
      }
    }
    return count;
  }

  /** For a page that worked out the to-do list and showed every notice (the dashboard). */
  public void knownAs(int count) {
    this.count = count;
  }
}
