package org.errata.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.errata.account.Account;
import org.errata.correction.Action;
import org.errata.correction.AuditEvent;
import org.errata.correction.Correction;
import org.errata.correction.ReviewComment;
import org.errata.correction.Status;
import org.errata.suggestion.Suggestion;
import org.errata.web.Links;

/**
 * What still waits for one editor, read from the state of the work (not from its history), so each
 * item leaves the list when it is done, by them or anyone: a review they may do, changes requested
 * on their work, comments on their work nobody has resolved, their approved work not yet published,
 * and readers' suggestions nobody has triaged.
 */
public final class ToDo {

  private ToDo() {}

  /** What is to be done. */
  public enum Kind {
    REVIEW("Review"),
    CHANGES("Make changes"),
    COMMENTS("Answer comments"),
    PUBLISH("Publish"),
    SUGGESTION("Triage");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One thing to do: what, on which passage, and where to do it. */
  public record Item(Kind kind, String text, String link, Instant since) {}

  /** Everything waiting for {@code me}, the longest-waiting first within each kind. */
  public static List<Item> of(Account me) {
    List<Item> items = new ArrayList<>();
    for (Correction c : Correction.awaitingReviewBy(me)) {
      if (c.actionsFor(me).contains(Action.APPROVE)
          || c.actionsFor(me).contains(Action.REQUEST_CHANGES)) {
        items.add(
            new Item(
                Kind.REVIEW,
                c.current.author.username
                    + (c.current.requestedReviewer != null
                        ? " asks you by name for a review of "
                        : " asks for a review of ")
                    + quoted(c),
                Links.correction(c.id),
                submittedAt(c)));
      }
    }
    for (Correction c : Correction.draftsOf(me)) {
      c.openChangeRequest()
          .ifPresent(
              e ->
                  items.add(
                      new Item(
                          Kind.CHANGES,
                          e.actor.username
                              + " requested changes on "
                              + quoted(c)
                              + ": "
                              + e.comment,
                          Links.correction(c.id),
                          e.at)));
    }
    for (Correction c : Correction.underWayBy(me)) {
      if (c.openChangeRequest().isPresent()) {
        continue; // the request for changes says it already
      }
      // Comments made since the work was last submitted: those before it were made on the
      // words the author has since changed, and are the reviewer's to resolve.
      Instant submitted = lastSubmitted(c);
      List<ReviewComment> open =
          c.unresolvedComments().stream()
              .filter(rc -> !rc.author.sameAs(me))
              .filter(rc -> submitted == null || rc.createdAt.isAfter(submitted))
              .toList();
      if (!open.isEmpty()) {
        items.add(
            new Item(
                Kind.COMMENTS,
                (open.size() == 1
                        ? open.get(0).author.username + " commented on "
                        : open.size() + " comments nobody has resolved on ")
                    + quoted(c),
                Links.correction(c.id, "discussion"),
                open.get(0).createdAt));
      }
    }
    for (Correction c : Correction.inStatus(Status.REVIEWED)) {
      boolean mine =
          c.current.wasWrittenBy(me)
              || (c.current.approvedBy != null && c.current.approvedBy.sameAs(me));
      if (mine && c.actionsFor(me).contains(Action.PUBLISH)) {
        items.add(
            new Item(
                Kind.PUBLISH,
                c.current.approvedBy.username + " approved " + quoted(c) + "; it is not published",
                Links.correction(c.id),
                c.current.approvedAt));
      }
    }
    for (Suggestion s : Suggestion.waiting(SUGGESTIONS_SHOWN)) {
      items.add(
          new Item(
              Kind.SUGGESTION,
              "A reader suggests a correction to " + s.articleUrl,
              "/editor/suggestions#suggestion-" + s.id,
              s.createdAt));
    }
    items.sort(
        Comparator.comparing((Item i) -> i.kind().ordinal())
            .thenComparing(Item::since, Comparator.nullsLast(Comparator.naturalOrder())));
    return items;
  }

  static final int SUGGESTIONS_SHOWN = 20;

  private static Instant submittedAt(Correction c) {
    Instant at = lastSubmitted(c);
    return at == null ? c.updatedAt : at;
  }

  /** When the working revision was last submitted for review, or null if it never was. */
  private static Instant lastSubmitted(Correction c) {
    Instant at = null;
    for (AuditEvent e : c.history) {
      if (e.action == AuditEvent.Kind.SUBMITTED && e.revisionNumber == c.current.number) {
        at = e.at;
      }
    }
    return at;
  }

  private static String quoted(Correction c) {
    return "“" + Inbox.shorten(c.current.passage) + "”";
  }
}
