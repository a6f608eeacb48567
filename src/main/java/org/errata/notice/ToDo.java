package org.errata.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  /**
   * Everything waiting for {@code me}, the longest-waiting first within each kind. A fixed number
   * of queries whatever the lists hold, and never a correction's whole history (one may hold many
   * thousands of events): what the history tells is asked of the database.
   */
  public static List<Item> of(Account me) {
    List<Item> items = new ArrayList<>();
    List<Correction> toReview =
        Correction.awaitingReviewBy(me).stream()
            .filter(c -> c.refusal(Action.REQUEST_CHANGES, me).isEmpty())
            .toList();
    List<Correction> underWay = Correction.underWayBy(me);
    List<Correction> drafts = Correction.draftsOf(me);
    List<Correction> submittedOnes = new ArrayList<>(toReview);
    submittedOnes.addAll(underWay);
    Map<Long, Instant> submitted = Correction.lastSubmissions(submittedOnes);
    for (Correction c : toReview) {
      items.add(
          new Item(
              Kind.REVIEW,
              c.current.author.username
                  + (c.current.requestedReviewer != null
                      ? " asks you by name for a review of "
                      : " asks for a review of ")
                  + quoted(c),
              Links.correction(c.id),
              submitted.getOrDefault(c.id, c.updatedAt)));
    }
    List<Correction> draftsAndUnderWay = new ArrayList<>(drafts);
    draftsAndUnderWay.addAll(underWay);
    Map<Long, AuditEvent> requests = Correction.openChangeRequests(draftsAndUnderWay);
    for (Correction c : drafts) {
      AuditEvent e = requests.get(c.id);
      if (e != null) {
        items.add(
            new Item(
                Kind.CHANGES,
                e.actor.username + " requested changes on " + quoted(c) + ": " + e.comment,
                Links.correction(c.id),
                e.at));
      }
    }
    for (Correction c : underWay) {
      if (requests.containsKey(c.id)) {
        continue; // the request for changes says it already
      }
      // Comments made since the work was last submitted: those before it were made on the
      // words the author has since changed, and are the reviewer's to resolve.
      Instant since = submitted.get(c.id);
      List<ReviewComment> open =
          c.unresolvedComments().stream()
              .filter(rc -> !rc.author.sameAs(me))
              .filter(rc -> since == null || rc.createdAt.isAfter(since))
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
      if (mine && c.refusal(Action.PUBLISH, me).isEmpty()) {
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

  private static String quoted(Correction c) {
    return "“" + Inbox.shorten(c.current.passage) + "”";
  }
}
