package org.errata.desk;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.errata.account.Account;
import org.errata.correction.Action;
import org.errata.correction.AuditEvent;
import org.errata.correction.CheckTarget;
import org.errata.correction.Correction;
import org.errata.correction.Field;
import org.errata.correction.Finding;
import org.errata.correction.Offer;
import org.errata.correction.ReviewComment;
import org.errata.correction.Revision;
import org.errata.correction.Status;
import org.errata.publicsite.CorrectionView;
import org.errata.source.QuotedSource;
import org.errata.web.Links;

/**
 * A correction's page on the desk, built in one place ({@link #of}) from the correction and the
 * person looking: who wrote and approved what, the actions the domain offers this person (and only
 * those, each with what it needs), the discussion, the evidence, the preview readers will get and
 * the history. A form that came back refused carries its sentence and the text typed ({@link
 * Typed}); every form reads its own with {@link #typed}.
 */
@TemplateData(target = Action.class, namespace = "Action")
public record PageView(
    Header header,
    String error,
    EventView openRequest,
    List<String> notes,
    Actions actions,
    Discussion discussion,
    Evidence evidence,
    CorrectionView preview,
    List<EventView> history,
    Typed typed,
    List<Duplicate> duplicates) {

  /** A correction of the same article, live or under way, this one may repeat. */
  public record Duplicate(long id, String status, String passage, String link) {
    static List<Duplicate> of(Correction c) {
      return c.possibleDuplicateCorrections().stream()
          .map(
              d ->
                  new Duplicate(
                      d.id,
                      d.status().label.toLowerCase(),
                      d.current.passage,
                      Links.correction(d.id)))
          .toList();
    }
  }

  /** The spots of the page where a form can come back refused. */
  public static final String CHANGE_REQUEST = "comment";

  public static final String OVERRIDE = "override";
  public static final String CHANGE_NOTE = "changeNote";
  public static final String WITHDRAWAL = "reason";
  public static final String NEW_COMMENT = "comment-new";
  public static final String REVIEWER = "reviewer";

  /** The spot of a check's form: "passage", "source-2". */
  public static String spot(CheckTarget target) {
    return target.isPassage() ? "passage" : "source-" + (target.sourceIndex() + 1);
  }

  /** A refused form: where, the sentence (null when it is shown at the top), the text kept. */
  public record Typed(String spot, String message, String text, boolean unreachable) {}

  /**
   * When a check could not fetch its page: said at the top of the page as well, where the reloaded
   * page opens, linked to the box its text can be pasted into. Null otherwise.
   */
  public Typed unreachable() {
    return typed != null && typed.unreachable() ? typed : null;
  }

  /** The sentence beside the form at {@code spot}, or null. */
  public String refusalAt(String spot) {
    return typed != null && typed.spot().equals(spot) ? typed.message() : null;
  }

  /** What was typed into the form at {@code spot} when it came back, or null. */
  public String textAt(String spot) {
    return typed != null && typed.spot().equals(spot) ? typed.text() : null;
  }

  /** Who wrote, edited and approved the revision under way, and where it stands. */
  public record Header(
      long id,
      long version,
      Status status,
      int revision,
      String author,
      List<String> otherEditors,
      String approvedBy,
      boolean published,
      Integer openAmendmentOf,
      String changeNote,
      String changeRequestedBy,
      int revisionCount,
      String approvalOverride,
      String articleLink) {}

  /** The actions offered to this person, and the form state they need. */
  public record Actions(
      long id,
      long version,
      List<Offer> offers,
      String passageStatusLabel,
      List<String> reviewers,
      String askedReviewer) {

    public boolean offers(Action action) {
      return offer(action) != null;
    }

    /** The offer of {@code action}, or null when it is not offered. */
    public Offer offer(Action action) {
      return offers.stream().filter(o -> o.action() == action).findFirst().orElse(null);
    }

    /** Approval without anything more than the click. */
    public boolean approveAsIs() {
      Offer o = offer(Action.APPROVE);
      return o != null && !o.needs(Offer.Need.OVERRIDE);
    }

    /** Approval that needs an override reason, and why. */
    public boolean approveWithOverride() {
      Offer o = offer(Action.APPROVE);
      return o != null && o.needs(Offer.Need.OVERRIDE);
    }

    /** Whether any of the buttons of the "What you can do" section apply. */
    public boolean any() {
      return offers.stream()
          .anyMatch(o -> o.action() != Action.COMMENT && o.action() != Action.CHECK);
    }
  }

  /** The revision's review thread and its comment form. */
  public record Discussion(List<CommentView> thread, boolean open, List<Field.Part> parts) {
    public long unresolved() {
      return thread.stream().filter(c -> !c.resolved()).count();
    }
  }

  /** One comment of the review thread. */
  public record CommentView(
      long id,
      String author,
      String body,
      String where,
      Instant createdAt,
      boolean resolved,
      String resolvedBy,
      Instant resolvedAt) {
    static CommentView of(ReviewComment c) {
      return new CommentView(
          c.id,
          c.author.username,
          c.body,
          c.where(),
          c.createdAt,
          c.isResolved(),
          c.resolvedBy == null ? null : c.resolvedBy.username,
          c.resolvedAt);
    }
  }

  /** The checks of the passage and every quote, and what checking the live text again found. */
  public record Evidence(boolean open, List<CheckView> checks, List<FindingRow> findings) {}

  /** One finding beside a live correction. */
  public record FindingRow(
      long id, String target, String status, boolean open, Instant at, String by, String link) {
    static FindingRow of(Finding f) {
      return new FindingRow(
          f.id,
          f.describe(),
          f.failure != null ? f.failure : f.newStatus.label(),
          f.isOpen(),
          f.detectedAt,
          f.foundBy == null ? "the drift watch" : f.foundBy.username,
          Links.finding(f.correction.id, f.id));
    }
  }

  /** One line of history. */
  public record EventView(
      Instant at, String actor, String description, Status from, Status to, String comment) {
    static EventView of(AuditEvent e) {
      return new EventView(
          e.at, e.actor.username, e.action.description, e.fromStatus, e.toStatus, e.comment);
    }
  }

  public static PageView of(Correction c, Account viewer, boolean canFetch) {
    return of(c, viewer, canFetch, null, null);
  }

  /**
   * The page for {@code viewer}; {@code error} is a refusal shown at the top, {@code typed} a form
   * that came back with its text (and its sentence, when it is about what was typed).
   */
  public static PageView of(
      Correction c, Account viewer, boolean canFetch, String error, Typed typed) {
    Revision r = c.current;
    List<Offer> offers = c.offersFor(viewer);
    List<String> notes = new ArrayList<>();
    // Say why review buttons are missing, in the domain's own words (once, not again at the top).
    if (r.status == Status.IN_REVIEW) {
      c.refusal(Action.APPROVE, viewer)
          .map(RuntimeException::getMessage)
          .filter(m -> !m.equals(error))
          .ifPresent(notes::add);
    }
    boolean checkable = offers.stream().anyMatch(o -> o.action() == Action.CHECK);
    return new PageView(
        new Header(
            c.id,
            c.version,
            c.status(),
            r.number,
            r.author.username,
            r.editors.stream()
                .map(a -> a.username)
                .filter(name -> !name.equals(r.author.username))
                .toList(),
            r.approvedBy == null ? null : r.approvedBy.username,
            c.isPublished(),
            c.openAmendment() == null ? null : c.published.number,
            r.changeNote,
            // "What changed since the request" matters while the revision is still under review.
            c.status() == Status.DRAFT || c.status() == Status.IN_REVIEW
                ? c.lastChangeRequest().map(e -> e.actor.username).orElse(null)
                : null,
            c.revisions.size(),
            r.approvalOverride,
            Links.deskArticle(c.article.id)),
        error,
        c.openChangeRequest().map(EventView::of).orElse(null),
        notes,
        new Actions(
            c.id,
            c.version,
            offers,
            r.passageCheck().statusOrUnchecked().label(),
            offers.stream().anyMatch(o -> o.action() == Action.SUBMIT)
                ? Account.<Account>list("enabled = true order by username").stream()
                    .filter(a -> c.reviewerRefusal(a, viewer).isEmpty())
                    .map(a -> a.username)
                    .toList()
                : List.of(),
            r.status == Status.IN_REVIEW && r.requestedReviewer != null
                ? r.requestedReviewer.username
                : null),
        new Discussion(
            c.thread().stream().map(CommentView::of).toList(),
            offers.stream().anyMatch(o -> o.action() == Action.COMMENT),
            Field.Part.all(r.sources.size())),
        new Evidence(
            checkable,
            checkable ? checks(c, canFetch, typed) : List.of(),
            c.findings.stream()
                .sorted((a, b) -> b.detectedAt.compareTo(a.detectedAt))
                .map(FindingRow::of)
                .toList()),
        CorrectionView.of(c, r),
        c.history.stream().map(EventView::of).toList(),
        typed,
        Duplicate.of(c));
  }

  private static List<CheckView> checks(Correction c, boolean canFetch, Typed typed) {
    Revision r = c.current;
    List<CheckView> checks = new ArrayList<>();
    checks.add(
        CheckView.of(
            spot(CheckTarget.PASSAGE),
            "The passage, in the article",
            Links.passageCheck(c.id),
            "Article text",
            "Fetch article",
            canFetch,
            r.passageCheck(),
            r.passage,
            typed,
            r.status == Status.PUBLISHED));
    for (int i = 0; i < r.sources.size(); i++) {
      QuotedSource source = r.sources.get(i);
      checks.add(
          CheckView.of(
              spot(CheckTarget.source(i)),
              "Source " + (i + 1) + ": " + source.heading(),
              Links.quoteCheck(c.id, i + 1),
              "Page text of source " + (i + 1),
              "Fetch source",
              canFetch && source.url != null,
              source.check(),
              source.quote,
              typed,
              r.status == Status.PUBLISHED));
    }
    return checks;
  }
}
