package org.errata.correction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.errata.account.Account;

/**
 * A correction's page on the desk: the content as readers will see it, its state and history, and
 * only the actions the domain allows this editor.
 */
public record PageView(
    long id,
    long version,
    Status status,
    int revision,
    String author,
    List<String> editors,
    String approvedBy,
    boolean published,
    CorrectionView content,
    EnumSet<Action> actions,
    List<String> notes,
    EventView openRequest,
    List<EventView> history,
    String error,
    String comment,
    String commentError,
    List<CheckView> checks,
    List<String> unverified,
    String approvalOverride,
    Integer openAmendmentOf,
    String changeNoteOfRevision,
    CheckProblem problem,
    List<CommentView> thread,
    boolean canComment,
    int sourceCount,
    String changeRequestedBy,
    int revisionCount) {

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

  public long unresolved() {
    return thread.stream().filter(c -> !c.resolved()).count();
  }

  /** The numbers of the sources, for the "on source N" choice. */
  public List<Integer> sourceNumbers() {
    return java.util.stream.IntStream.rangeClosed(1, sourceCount).boxed().toList();
  }

  public String commentText() {
    return typed("comment-new");
  }

  public String commentNewError() {
    return refusal("comment-new");
  }

  /** What was typed into the amend form, when it comes back refused. */
  public String changeNote() {
    return typed("changeNote");
  }

  public String changeNoteError() {
    return refusal("changeNote");
  }

  /** What was typed into the withdraw form, when it comes back refused. */
  public String reason() {
    return typed("reason");
  }

  public String reasonError() {
    return refusal("reason");
  }

  private String typed(String target) {
    return problem == null ? null : problem.textFor(target);
  }

  private String refusal(String target) {
    return problem == null ? null : problem.messageFor(target);
  }

  /** A refusal from one of the page's forms, shown beside that form with the text kept. */
  public record CheckProblem(String target, String message, String text) {
    String messageFor(String form) {
      return target.equals(form) ? message : null;
    }

    String textFor(String form) {
      return target.equals(form) ? text : null;
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
    return of(c, viewer, null, null, null, canFetch, null);
  }

  public static PageView of(
      Correction c,
      Account viewer,
      String error,
      String comment,
      String commentError,
      boolean canFetch,
      CheckProblem problem) {
    Revision r = c.current;
    List<String> notes = new ArrayList<>();
    // Say why review buttons are missing, in the domain's own words.
    if (r.status == Status.IN_REVIEW) {
      c.refusal(Action.APPROVE, viewer).ifPresent(refusal -> notes.add(refusal.getMessage()));
    }
    return new PageView(
        c.id,
        c.version,
        c.status(),
        r.number,
        r.author.username,
        r.editors.stream().map(a -> a.username).toList(),
        r.approvedBy == null ? null : r.approvedBy.username,
        c.isPublished(),
        CorrectionView.of(c, r),
        c.actionsFor(viewer),
        notes,
        c.openChangeRequest().map(EventView::of).orElse(null),
        c.history.stream().map(EventView::of).toList(),
        error,
        comment,
        commentError,
        checks(c, canFetch, problem),
        r.status == Status.IN_REVIEW ? c.unverified() : List.of(),
        r.approvalOverride,
        c.openAmendment() == null ? null : c.published.number,
        r.changeNote,
        problem,
        c.thread().stream().map(CommentView::of).toList(),
        c.canComment(),
        r.sources.size(),
        // "What changed since the request" matters while the revision is still under review.
        c.status() == Status.DRAFT || c.status() == Status.IN_REVIEW
            ? c.lastChangeRequest().map(e -> e.actor.username).orElse(null)
            : null,
        c.revisions.size());
  }

  private static List<CheckView> checks(Correction c, boolean canFetch, CheckProblem problem) {
    Revision r = c.current;
    String base = "/editor/corrections/" + c.id;
    List<CheckView> checks = new ArrayList<>();
    checks.add(
        CheckView.of(
            "passage",
            "The passage, in the article",
            base + "/passage-check",
            "Article text",
            "Fetch article",
            canFetch,
            r.passageCheck(),
            problem == null ? null : problem.messageFor("passage"),
            problem == null ? null : problem.textFor("passage")));
    for (int i = 0; i < r.sources.size(); i++) {
      var source = r.sources.get(i);
      String target = "source-" + (i + 1);
      checks.add(
          CheckView.of(
              target,
              "Source " + (i + 1) + ": " + source.heading(),
              base + "/sources/" + (i + 1) + "/quote-check",
              "Page text of source " + (i + 1),
              "Fetch source",
              canFetch && source.url != null,
              source.check(),
              problem == null ? null : problem.messageFor(target),
              problem == null ? null : problem.textFor(target)));
    }
    return checks;
  }

  public boolean can(String action) {
    return actions.contains(Action.valueOf(action));
  }

  public boolean hasActions() {
    return !actions.isEmpty();
  }
}
