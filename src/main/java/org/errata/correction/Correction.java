package org.errata.correction;

import static org.errata.correction.WorkflowRefusal.Kind.CONFLICT;
import static org.errata.correction.WorkflowRefusal.Kind.FORBIDDEN;
import static org.errata.correction.WorkflowRefusal.Kind.INVALID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.errata.account.Account;
import org.errata.article.Article;
import org.errata.source.Check;
import org.errata.source.CheckStatus;
import org.errata.source.QuotedSource;
import org.errata.text.TextRules;
import org.hibernate.annotations.OptimisticLock;

/**
 * A correction and the one home of its workflow rules (BRIEF.md, "Workflow"). Every state change is
 * a method here that checks the rule, changes the state and appends the audit event; callers never
 * check a rule themselves, and ask {@link #actionsFor} what a person may do.
 */
@Entity
@Table(name = "correction")
public class Correction extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "article_id")
  public Article article;

  /** The article's address as the editor typed it. */
  @Column(name = "article_url", nullable = false, length = CorrectionContent.ARTICLE_URL_MAX)
  public String articleUrl;

  @ManyToOne(optional = false)
  @JoinColumn(name = "created_by_id")
  public Account createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Bumped by every change; forms and API clients send back the one they read. */
  @Version public long version;

  /** The revision being worked on (the published one until an amendment starts). */
  // Linking a revision is not itself a change of content: every domain method that matters also
  // touches updatedAt, which bumps the version, and inserting a correction must leave it at 0.
  @OptimisticLock(excluded = true)
  @ManyToOne
  @JoinColumn(name = "current_revision_id")
  public Revision current;

  /** What readers see, or null while nothing is published. */
  @OptimisticLock(excluded = true)
  @ManyToOne
  @JoinColumn(name = "published_revision_id")
  public Revision published;

  @OneToMany(mappedBy = "correction", cascade = CascadeType.ALL)
  @OrderBy("number")
  public List<Revision> revisions = new ArrayList<>();

  @OneToMany(mappedBy = "correction", cascade = CascadeType.ALL)
  @OrderBy("id")
  public List<ReviewComment> comments = new ArrayList<>();

  /** Set when an editor withdrew the correction; its page stays readable, marked withdrawn. */
  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  /**
   * When the revision readers see was published, while the correction is live (null before it is
   * published and once it is withdrawn): the order of readers' lists, indexed.
   */
  @Column(name = "live_at")
  public Instant liveAt;

  @ManyToOne
  @JoinColumn(name = "withdrawn_by_id")
  public Account withdrawnBy;

  /** Whether it was ever submitted for review (then it is never deleted). */
  @Column(name = "submitted_once", nullable = false)
  public boolean submittedOnce;

  @Column(name = "withdrawal_reason", length = REASON_MAX)
  public String withdrawalReason;

  public static final int REASON_MAX = 2000;

  @OneToMany(mappedBy = "correction", cascade = CascadeType.ALL)
  @OrderBy("id")
  public List<AuditEvent> history = new ArrayList<>();

  /** What checking the live correction again found (drift watch, re-checks), oldest first. */
  @OneToMany(mappedBy = "correction", cascade = CascadeType.ALL)
  @OrderBy("id")
  public List<Finding> findings = new ArrayList<>();

  protected Correction() {}

  /** A new DRAFT written by {@code author}. */
  public static Correction propose(
      Article article, CorrectionContent content, Account author, Instant now) {
    return start(article, content, author, now, AuditEvent.Kind.CREATED, null);
  }

  /** A new DRAFT made from an imported report; its history says where it came from. */
  public static Correction imported(
      Article article, CorrectionContent content, Account author, Instant now, String note) {
    return start(article, content, author, now, AuditEvent.Kind.IMPORTED, note);
  }

  private static Correction start(
      Article article,
      CorrectionContent content,
      Account author,
      Instant now,
      AuditEvent.Kind kind,
      String note) {
    Correction correction = new Correction();
    correction.article = article;
    correction.articleUrl = content.articleUrl;
    correction.createdBy = author;
    correction.createdAt = now;
    correction.updatedAt = now;
    Revision first = Revision.first(correction, content, author);
    correction.revisions.add(first);
    correction.current = first;
    correction.record(author, kind, null, Status.DRAFT, note, now);
    return correction;
  }

  public Status status() {
    return withdrawnAt != null ? Status.WITHDRAWN : current.status;
  }

  /** Readers can see it: published at least once (withdrawn ones stay readable, marked). */
  public boolean isPublished() {
    return published != null;
  }

  /** Published and not withdrawn. */
  public boolean isLive() {
    return published != null && withdrawnAt == null;
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  /** The revision being worked on when it is not the one readers see, or null. */
  public Revision openAmendment() {
    return published != null && current != published && withdrawnAt == null ? current : null;
  }

  /**
   * Notes which corrections of the same article this one may repeat ({@link Duplicates}), so that
   * the reviewer sees them and approving needs a reason. Not a change of content or state.
   */
  public void noteDuplicates(List<Correction> found) {
    if (current == null || current.publishedAt != null) {
      return;
    }
    String ids =
        found.stream()
            .map(c -> String.valueOf(c.id))
            .limit(40)
            .reduce((a, b) -> a + "," + b)
            .orElse(null);
    current.possibleDuplicates = ids;
  }

  /** The corrections the revision under way may repeat, as last noted. */
  public List<Long> possibleDuplicates() {
    if (current == null || current.publishedAt != null || current.possibleDuplicates == null) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>();
    for (String part : current.possibleDuplicates.split(",")) {
      if (!part.isBlank()) {
        ids.add(Long.parseLong(part.strip()));
      }
    }
    return ids;
  }

  /** The corrections the revision under way may repeat, loaded (those since deleted left out). */
  public List<Correction> possibleDuplicateCorrections() {
    List<Correction> found = new ArrayList<>();
    for (long other : possibleDuplicates()) {
      Correction d = findById(other);
      if (d != null) {
        found.add(d);
      }
    }
    return found;
  }

  /** Every revision readers have seen, oldest first. */
  public List<Revision> publishedRevisions() {
    return revisions.stream().filter(r -> r.publishedAt != null).toList();
  }

  /** Why {@code person} may not do {@code action} now, or empty when they may. */
  public Optional<WorkflowRefusal> refusal(Action action, Account person) {
    Status status = status();
    switch (action) {
      case AMEND:
        if (!isLive()) {
          return refuse(
              CONFLICT, "Only a published correction can be amended; this one is " + label());
        }
        if (current != published) {
          return refuse(
              CONFLICT,
              "Revision "
                  + current.number
                  + " of this correction is already open ("
                  + current.status.label.toLowerCase()
                  + "): finish it before starting another.");
        }
        return Optional.empty();
      case WITHDRAW:
        if (!isLive()) {
          return refuse(
              CONFLICT, "Only a published correction can be withdrawn; this one is " + label());
        }
        if (published.publishedBy != null
            && published.publishedBy.sameAs(person)
            && !person.isAdmin()) {
          return refuse(
              FORBIDDEN,
              "You published this correction, so another editor (or an admin) must withdraw it.");
        }
        return Optional.empty();
      case EDIT:
        if (status == Status.WITHDRAWN) {
          return refuse(CONFLICT, "A withdrawn correction cannot be edited.");
        }
        if (status == Status.DELETED) {
          return refuse(CONFLICT, "A deleted draft cannot be edited.");
        }
        if (status == Status.IN_REVIEW) {
          return refuse(
              CONFLICT,
              "This correction is in review. It can be edited again once the reviewer approves it"
                  + " or requests changes.");
        }
        if (status == Status.PUBLISHED) {
          return refuse(
              CONFLICT,
              "A published correction is never changed silently: amend it, with a public change"
                  + " note.");
        }
        return Optional.empty();
      case SUBMIT:
        if (status != Status.DRAFT) {
          return refuse(
              CONFLICT, "Only a draft can be submitted for review; this one is " + label());
        }
        for (int i = 0; i < current.sources.size(); i++) {
          String problem = current.sources.get(i).publicationProblem();
          if (problem != null) {
            return Optional.of(
                new WorkflowRefusal(
                    INVALID,
                    "Source " + (i + 1) + " " + problem,
                    "sources["
                        + i
                        + "]."
                        + (current.sources.get(i).offline ? "offlineNote" : "url")));
          }
        }
        return Optional.empty();
      case REQUEST_CHANGES:
        if (status != Status.IN_REVIEW) {
          return refuse(
              CONFLICT,
              "Changes can only be requested while a correction is in review; this one is "
                  + label());
        }
        if (current.author.sameAs(person)) {
          return refuse(FORBIDDEN, "You wrote this correction, so someone else must review it.");
        }
        return askedOfSomeoneElse(person);
      case APPROVE:
        if (status != Status.IN_REVIEW) {
          return refuse(
              CONFLICT, "Only a correction in review can be approved; this one is " + label());
        }
        if (current.author.sameAs(person)) {
          return refuse(FORBIDDEN, "You wrote this correction, so someone else must approve it.");
        }
        if (current.wasWrittenBy(person)) {
          return refuse(FORBIDDEN, "You edited this correction, so someone else must approve it.");
        }
        Optional<WorkflowRefusal> asked = askedOfSomeoneElse(person);
        if (asked.isPresent()) {
          return asked;
        }
        long open = unresolvedComments().size();
        if (open > 0) {
          return refuse(
              CONFLICT,
              (open == 1 ? "1 review comment is" : open + " review comments are")
                  + " not resolved: resolve "
                  + (open == 1 ? "it" : "them")
                  + " before approving.");
        }
        return Optional.empty();
      case PUBLISH:
        if (status != Status.REVIEWED) {
          return refuse(
              CONFLICT,
              "Only a correction a second editor approved can be published; this one is "
                  + label());
        }
        if (!current.content().hash().equals(current.approvedHash)) {
          return refuse(
              CONFLICT,
              "The text changed after it was approved, so it must be approved again before it"
                  + " is published.");
        }
        return Optional.empty();
      case COMMENT:
        if (!canComment()) {
          return refuse(
              CONFLICT,
              isWithdrawn()
                  ? "This correction is withdrawn, so its discussion is closed."
                  : current.status == Status.DELETED
                      ? "This draft is deleted, so its discussion is closed."
                      : "Comments are for revisions under way; amend the correction to discuss a"
                          + " change.");
        }
        return Optional.empty();
      case CHECK:
        if (isWithdrawn()) {
          return refuse(CONFLICT, "A withdrawn correction is no longer checked.");
        }
        if (status == Status.DELETED) {
          return refuse(CONFLICT, "A deleted draft is no longer checked.");
        }
        return Optional.empty();
      case RECALL:
        if (status != Status.IN_REVIEW) {
          return refuse(
              CONFLICT, "Only a correction in review can be recalled; this one is " + label());
        }
        if (!current.wasWrittenBy(person)) {
          return refuse(FORBIDDEN, "Only whoever wrote this revision can recall it.");
        }
        Optional<AuditEvent> started = reviewStarted();
        if (started.isPresent()) {
          return refuse(
              CONFLICT,
              started.get().actor.username
                  + " has started the review ("
                  + started.get().action.description
                  + "), so it can no longer be recalled: ask them to request changes instead.");
        }
        return Optional.empty();
      case DELETE:
        if (published != null) {
          return refuse(
              CONFLICT, "Readers have seen this correction, so it is never deleted: withdraw it.");
        }
        if (status != Status.DRAFT) {
          return refuse(CONFLICT, "Only a draft can be deleted; this one is " + label());
        }
        if (submittedOnce) {
          return refuse(
              CONFLICT,
              "This draft has been submitted for review before, so it stays on the record.");
        }
        if (!current.wasWrittenBy(person) && !person.isAdmin()) {
          return refuse(FORBIDDEN, "Only whoever wrote this draft (or an admin) can delete it.");
        }
        return Optional.empty();
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
  }

  /**
   * Every action {@code person} may take now, each with what it still needs and why: the only
   * actions a page shows or the API lists, and the ones the server accepts.
   */
  public List<Offer> offersFor(Account person) {
    List<Offer> offers = new ArrayList<>();
    for (Action action : Action.values()) {
      if (refusal(action, person).isPresent()) {
        continue;
      }
      switch (action) {
        case REQUEST_CHANGES -> offers.add(offer(action, Offer.Need.COMMENT, List.of()));
        case AMEND -> offers.add(offer(action, Offer.Need.CHANGE_NOTE, List.of()));
        case WITHDRAW -> offers.add(offer(action, Offer.Need.REASON, List.of()));
        case APPROVE -> {
          List<String> unverified = unverified();
          offers.add(
              unverified.isEmpty()
                  ? new Offer(action, Set.of(), List.of())
                  : offer(action, Offer.Need.OVERRIDE, unverified));
        }
        default -> offers.add(new Offer(action, Set.of(), List.of()));
      }
    }
    return offers;
  }

  private static Offer offer(Action action, Offer.Need need, List<String> because) {
    return new Offer(action, Set.of(need), List.copyOf(because));
  }

  /** The actions {@code person} may take now (see {@link #offersFor} for what each needs). */
  public EnumSet<Action> actionsFor(Account person) {
    EnumSet<Action> allowed = EnumSet.noneOf(Action.class);
    offersFor(person).forEach(o -> allowed.add(o.action()));
    return allowed;
  }

  /**
   * Replaces the working revision's content. Editing an approved revision voids the approval: it
   * goes back to DRAFT and needs a fresh review.
   */
  public void edit(Article newArticle, CorrectionContent content, Account by, Instant now) {
    check(Action.EDIT, by);
    if (published != null && !sameArticle(newArticle)) {
      throw new WorkflowRefusal(
          INVALID,
          "An amendment stays with its article; a correction to another article is a new"
              + " correction.",
          "articleUrl");
    }
    Status from = status();
    article = newArticle;
    articleUrl = content.articleUrl;
    current.write(content);
    if (!current.wasWrittenBy(by)) {
      current.editors.add(by);
    }
    if (from == Status.REVIEWED) {
      current.approvedBy = null;
      current.approvedHash = null;
      current.approvedAt = null;
    }
    current.status = Status.DRAFT;
    record(
        by,
        AuditEvent.Kind.EDITED,
        from,
        Status.DRAFT,
        from == Status.REVIEWED ? "Editing voided the approval." : null,
        now);
  }

  public void submit(Account by, Instant now) {
    submit(by, null, now);
  }

  /**
   * Submits for review by {@code reviewer} by name, or by any other editor when null. The reviewer
   * must be an enabled account that had no hand in the revision.
   */
  public void submit(Account by, Account reviewer, Instant now) {
    check(Action.SUBMIT, by);
    if (reviewer != null) {
      Optional<WorkflowRefusal> refused = reviewerRefusal(reviewer, by);
      if (refused.isPresent()) {
        throw refused.get();
      }
    }
    current.requestedReviewer = reviewer;
    submittedOnce = true;
    move(
        by,
        AuditEvent.Kind.SUBMITTED,
        Status.IN_REVIEW,
        reviewer == null ? null : "Review asked of " + reviewer.username + ".",
        now);
  }

  /**
   * Why {@code by} may not ask {@code reviewer} by name to review the working revision, or empty
   * when they may: the reviewer must be an enabled account that had no hand in it. The one rule
   * behind submitting and the submit form's list of names.
   */
  public Optional<WorkflowRefusal> reviewerRefusal(Account reviewer, Account by) {
    if (current.wasWrittenBy(reviewer)) {
      return Optional.of(
          new WorkflowRefusal(
              INVALID,
              reviewer.sameAs(by)
                  ? "Ask someone else: you cannot review your own correction."
                  : reviewer.username
                      + " worked on this revision, so cannot review it: ask someone else.",
              "reviewer"));
    }
    if (!reviewer.enabled) {
      return Optional.of(
          new WorkflowRefusal(
              INVALID,
              reviewer.username + "'s account is disabled: ask someone else.",
              "reviewer"));
    }
    return Optional.empty();
  }

  /**
   * Refuses {@code person} a review the author asked of someone else by name (unless that account
   * has since been disabled, when any editor may take it).
   */
  private Optional<WorkflowRefusal> askedOfSomeoneElse(Account person) {
    Account asked = current.requestedReviewer;
    if (asked != null && asked.enabled && !asked.sameAs(person)) {
      return refuse(
          FORBIDDEN,
          current.author.username
              + " asked "
              + asked.username
              + " to review this correction, so only "
              + asked.username
              + " may approve it or request changes.");
    }
    return Optional.empty();
  }

  /** Takes the submission back into draft; only before anyone else has touched it in review. */
  public void recall(Account by, Instant now) {
    check(Action.RECALL, by);
    move(by, AuditEvent.Kind.RECALLED, Status.DRAFT, null, now);
  }

  /**
   * Deletes a draft that was never submitted: it leaves every list but the desk's list of deleted
   * ones, and its history says who deleted it and when.
   */
  public void delete(Account by, Instant now) {
    check(Action.DELETE, by);
    move(by, AuditEvent.Kind.DELETED, Status.DELETED, null, now);
  }

  /**
   * The first thing someone other than the revision's writers did to it since it was last submitted
   * (a comment, a check), if any: the review has started.
   */
  private Optional<AuditEvent> reviewStarted() {
    AuditEvent first = null;
    for (AuditEvent e : history) {
      if (e.revisionNumber != current.number) {
        continue;
      }
      if (e.action == AuditEvent.Kind.SUBMITTED) {
        first = null;
      } else if (first == null && !current.wasWrittenBy(e.actor)) {
        first = e;
      }
    }
    return Optional.ofNullable(first);
  }

  public void requestChanges(Account by, String comment, Instant now) {
    check(Action.REQUEST_CHANGES, by);
    if (comment == null || comment.isBlank()) {
      throw new WorkflowRefusal(INVALID, "Say what should change: a comment is required.");
    }
    if (comment.strip().length() > REVIEW_COMMENT_MAX) {
      throw new WorkflowRefusal(
          INVALID, "A comment can be at most " + REVIEW_COMMENT_MAX + " characters.");
    }
    plain(comment, "The comment", null);
    comments.add(ReviewComment.of(this, current.number, by, comment.strip(), null, now));
    String seen = current.content().toSnapshot();
    move(by, AuditEvent.Kind.CHANGES_REQUESTED, Status.DRAFT, comment.strip(), now);
    history.get(history.size() - 1).seenContent = seen;
  }

  /**
   * Adds a comment to the working revision's review thread, optionally on one field or source. Not
   * a change of content, so the version stays; the history says who commented.
   */
  public ReviewComment comment(Account by, String body, String field, Instant now) {
    check(Action.COMMENT, by);
    if (body == null || body.isBlank()) {
      throw new WorkflowRefusal(INVALID, "Write the comment.");
    }
    if (body.strip().length() > ReviewComment.BODY_MAX) {
      throw new WorkflowRefusal(
          INVALID, "A comment can be at most " + ReviewComment.BODY_MAX + " characters.");
    }
    plain(body, "The comment", null);
    String on = null;
    if (field != null && !field.isBlank()) {
      on =
          Field.Part.parse(field.strip(), current.sources.size())
              .map(Field.Part::key)
              .orElseThrow(
                  () ->
                      new WorkflowRefusal(
                          INVALID, "That comment is on a part this correction does not have."));
    }
    ReviewComment comment = ReviewComment.of(this, current.number, by, body.strip(), on, now);
    comments.add(comment);
    history.add(
        AuditEvent.of(
            this,
            current.number,
            by,
            AuditEvent.Kind.COMMENTED,
            status(),
            status(),
            comment.body,
            now));
    return comment;
  }

  /** Marks a comment of the working revision resolved; any editor may. */
  public void resolveComment(ReviewComment comment, Account by, Instant now) {
    if (!canComment()) {
      throw new WorkflowRefusal(
          CONFLICT, "This revision is no longer under way, so its discussion is closed.");
    }
    check(Action.COMMENT, by);
    if (comment == null || comment.correction != this || comment.revisionNumber != current.number) {
      throw new WorkflowRefusal(CONFLICT, "There is no such comment on the revision under way.");
    }
    if (comment.isResolved()) {
      throw new WorkflowRefusal(CONFLICT, "That comment is already resolved.");
    }
    comment.resolvedAt = now;
    comment.resolvedBy = by;
    history.add(
        AuditEvent.of(
            this,
            current.number,
            by,
            AuditEvent.Kind.COMMENT_RESOLVED,
            status(),
            status(),
            comment.body,
            now));
  }

  private boolean sameArticle(Article other) {
    return other == article
        || (other != null && other.urlKey != null && other.urlKey.equals(article.urlKey));
  }

  /** A revision under way can be discussed; what readers see, or a withdrawn one, cannot. */
  public boolean canComment() {
    return current.status != Status.PUBLISHED && current.status != Status.DELETED && !isWithdrawn();
  }

  /** The working revision's comments nobody has resolved yet. */
  public List<ReviewComment> unresolvedComments() {
    return comments.stream()
        .filter(c -> c.revisionNumber == current.number && !c.isResolved())
        .toList();
  }

  /** The working revision's thread, oldest first. */
  public List<ReviewComment> thread() {
    return comments.stream().filter(c -> c.revisionNumber == current.number).toList();
  }

  public static final int REVIEW_COMMENT_MAX = 4000;

  /** Pins exactly the content approved, so that only this content can be published. */
  public void approve(Account by, Instant now) {
    approve(by, now, null);
  }

  public static final int OVERRIDE_MAX = 2000;

  /**
   * Approves, provided every quote was found on its page and the passage was not missing from the
   * article, or the reviewer says why they accept what could not be verified (a page behind a
   * login, a PDF); that reason goes into the history.
   */
  public void approve(Account by, Instant now, String override) {
    check(Action.APPROVE, by);
    List<String> unverified = unverified();
    String reason = override == null || override.isBlank() ? null : override.strip();
    if (!unverified.isEmpty() && reason == null) {
      throw new WorkflowRefusal(
          CONFLICT,
          unverified.get(0)
              + " Check it, or give an override reason (for example: the page is behind a login,"
              + " or it is a PDF) to approve anyway.");
    }
    if (reason != null && reason.length() > OVERRIDE_MAX) {
      throw new WorkflowRefusal(
          INVALID, "An override reason can be at most " + OVERRIDE_MAX + " characters.");
    }
    plain(reason, "The override reason", null);
    current.approvedBy = by;
    current.approvedAt = now;
    current.approvedHash = current.content().hash();
    current.approvalOverride = unverified.isEmpty() ? null : reason;
    move(
        by,
        AuditEvent.Kind.APPROVED,
        Status.REVIEWED,
        current.approvalOverride == null
            ? null
            : "Approved despite: " + String.join(" ", unverified) + " Reason: " + reason,
        now);
  }

  /**
   * What a reviewer would approve without evidence: a passage not found in the article's text, and
   * each quote not found on, or not yet checked against, its page (an offline source has no page:
   * readers see it as offline, with its description). Empty when all is verified.
   */
  public List<String> unverified() {
    List<String> reasons = new ArrayList<>();
    for (long other : possibleDuplicates()) {
      reasons.add("It may repeat correction " + other + ", which is live or under way.");
    }
    if (current.passageCheck().statusOrUnchecked() == CheckStatus.NOT_FOUND) {
      reasons.add("The passage was not found in the article's text.");
    }
    for (int i = 0; i < current.sources.size(); i++) {
      QuotedSource source = current.sources.get(i);
      if (source.offline) {
        continue;
      }
      CheckStatus status = source.check().statusOrUnchecked();
      String name = "Source " + (i + 1) + " (“" + source.title + "”)";
      if (status == CheckStatus.NOT_FOUND) {
        reasons.add(name + ": the quote was not found on the page.");
      } else if (status == CheckStatus.UNCHECKED) {
        reasons.add(name + ": the quote has not been checked against the page.");
      }
    }
    return reasons;
  }

  /**
   * Records what checking {@code target} against a page found. While a revision is under way the
   * check is written beside its words (not a change of content or state, so the version stays and
   * nobody's open form goes stale). On a live correction with nothing under way it is kept as a
   * {@link Finding} beside it, and what readers see does not change. The history says who checked.
   */
  public void recordCheck(CheckTarget target, Check check, Account by, Instant now, String how) {
    check(Action.CHECK, by);
    if (!target.isPassage()
        && (target.sourceIndex() < 0 || target.sourceIndex() >= current.sources.size())) {
      throw new WorkflowRefusal(
          INVALID, "This correction has no " + target.label().toLowerCase() + ".");
    }
    String result = check.statusOrUnchecked().label().toLowerCase();
    if (current.status == Status.PUBLISHED) {
      Check published =
          target.isPassage()
              ? current.passageCheck()
              : current.sources.get(target.sourceIndex()).check();
      Finding finding =
          Finding.of(
              this,
              Finding.Origin.RECHECK,
              target,
              words(current, target),
              published.snapshotId,
              now);
      finding.newSnapshotId = check.snapshotId;
      finding.newStatus = check.statusOrUnchecked();
      finding.newScore = check.score;
      finding.foundBy = by;
      findings.add(finding);
      history.add(
          AuditEvent.of(
              this,
              current.number,
              by,
              AuditEvent.Kind.CHECKED,
              status(),
              status(),
              target.label()
                  + ", as published: "
                  + result
                  + " ("
                  + how
                  + "). Readers' page unchanged.",
              now));
      return;
    }
    if (target.isPassage()) {
      current.passageCheck = check;
    } else {
      QuotedSource source = current.sources.get(target.sourceIndex());
      source.quoteCheck = check;
      // Element collections are rewritten as a whole when one element changes; replace it.
      current.sources.set(target.sourceIndex(), source);
    }
    history.add(
        AuditEvent.of(
            this,
            current.number,
            by,
            AuditEvent.Kind.CHECKED,
            status(),
            status(),
            target.label() + ": " + result + " (" + how + ").",
            now));
  }

  /** The words {@code target} names in revision {@code r}. */
  public static String words(Revision r, CheckTarget target) {
    return target.isPassage() ? r.passage : r.sources.get(target.sourceIndex()).quote;
  }

  /**
   * The drift watch found a published passage or quote no longer on its page (or the page gone): a
   * finding beside the live correction, unless one is already open for the same words.
   *
   * @return the finding, or null when there was nothing to record
   */
  public Finding flagDrift(
      CheckTarget target,
      CheckStatus found,
      Double score,
      Long snapshotId,
      String failure,
      Instant now) {
    if (!isLive() || hasOpenFinding(target)) {
      return null;
    }
    Check published =
        target.isPassage()
            ? this.published.passageCheck()
            : this.published.sources.get(target.sourceIndex()).check();
    Finding finding =
        Finding.of(
            this,
            Finding.Origin.DRIFT,
            target,
            words(this.published, target),
            published.snapshotId,
            now);
    finding.newStatus = found;
    finding.newScore = score;
    finding.newSnapshotId = snapshotId;
    finding.failure = failure;
    findings.add(finding);
    return finding;
  }

  private boolean hasOpenFinding(CheckTarget target) {
    return findings.stream().anyMatch(f -> f.isOpen() && f.target().equals(target));
  }

  /** An editor looked at a finding and dealt with it (or found it harmless). */
  public void dismissFinding(Finding finding, Account by, Instant now) {
    if (finding == null || finding.correction != this) {
      throw new WorkflowRefusal(CONFLICT, "This correction has no such finding.");
    }
    if (finding.resolvedAt != null) {
      throw new WorkflowRefusal(
          CONFLICT,
          "This finding was already dismissed by "
              + finding.resolvedBy.username
              + "; nothing was changed.");
    }
    if (!finding.isOpen()) {
      throw new WorkflowRefusal(CONFLICT, "This finding needs nothing: the words were found.");
    }
    finding.resolvedAt = now;
    finding.resolvedBy = by;
    history.add(
        AuditEvent.of(
            this,
            current.number,
            by,
            AuditEvent.Kind.FINDING_DISMISSED,
            status(),
            status(),
            "Dismissed: "
                + finding.describe()
                + " "
                + finding.newStatus.label().toLowerCase()
                + ".",
            now));
  }

  public void publish(Account by, Instant now) {
    check(Action.PUBLISH, by);
    current.publishedBy = by;
    current.publishedAt = now;
    published = current;
    liveAt = now;
    move(by, AuditEvent.Kind.PUBLISHED, Status.PUBLISHED, null, now);
  }

  public static final int CHANGE_NOTE_MAX = Revision.CHANGE_NOTE_MAX;

  /**
   * Starts the next revision of a live correction as a draft, with a public change note; readers
   * keep seeing the published revision until this one passes the same review and is published.
   */
  public void amend(String changeNote, Account by, Instant now) {
    check(Action.AMEND, by);
    if (changeNote == null || changeNote.isBlank()) {
      throw new WorkflowRefusal(
          INVALID,
          "Say what changes and why: amending a published correction needs a public change note.",
          "changeNote");
    }
    if (changeNote.strip().length() > CHANGE_NOTE_MAX) {
      throw new WorkflowRefusal(
          INVALID,
          "A change note can be at most " + CHANGE_NOTE_MAX + " characters.",
          "changeNote");
    }
    plain(changeNote, "The change note", "changeNote");
    Revision next = Revision.amendment(published, by, changeNote.strip());
    revisions.add(next);
    current = next;
    record(by, AuditEvent.Kind.AMENDED, Status.PUBLISHED, Status.DRAFT, next.changeNote, now);
  }

  /** Withdraws a live correction with a public reason; its page stays up, marked withdrawn. */
  public void withdraw(Account by, String reason, Instant now) {
    check(Action.WITHDRAW, by);
    if (reason == null || reason.isBlank()) {
      throw new WorkflowRefusal(INVALID, "Give the public reason for withdrawing the correction.");
    }
    if (reason.strip().length() > REASON_MAX) {
      throw new WorkflowRefusal(INVALID, "A reason can be at most " + REASON_MAX + " characters.");
    }
    plain(reason, "The reason", null);
    Status from = status();
    withdrawnAt = now;
    liveAt = null;
    withdrawnBy = by;
    withdrawalReason = reason.strip();
    record(by, AuditEvent.Kind.WITHDRAWN, from, Status.WITHDRAWN, withdrawalReason, now);
  }

  /** The latest request for changes on the working revision whose words were kept, if any. */
  public Optional<AuditEvent> lastChangeRequest() {
    AuditEvent found = null;
    for (AuditEvent e : history) {
      if (e.revisionNumber == current.number
          && e.action == AuditEvent.Kind.CHANGES_REQUESTED
          && e.seenContent != null) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  /** When the latest published revision went out, if there was more than one. */
  public Instant updatedAtForReaders() {
    List<Revision> out = publishedRevisions();
    return out.size() > 1 ? out.get(out.size() - 1).publishedAt : null;
  }

  /** The reviewer's request for changes the author still has to address, if any. */
  public Optional<AuditEvent> openChangeRequest() {
    if (status() != Status.DRAFT) {
      return Optional.empty();
    }
    AuditEvent open = null;
    for (AuditEvent event : history) {
      if (event.revisionNumber != current.number) {
        continue;
      }
      if (event.action == AuditEvent.Kind.CHANGES_REQUESTED) {
        open = event;
      } else if (event.action == AuditEvent.Kind.SUBMITTED) {
        open = null;
      }
    }
    return Optional.ofNullable(open);
  }

  /** When readers first saw this correction. */
  public Instant firstPublishedAt() {
    return revisions.stream()
        .filter(r -> r.publishedAt != null)
        .map(r -> r.publishedAt)
        .min(Instant::compareTo)
        .orElse(null);
  }

  private void check(Action action, Account by) {
    Optional<WorkflowRefusal> refusal = refusal(action, by);
    if (refusal.isPresent()) {
      throw refusal.get();
    }
  }

  private void move(Account by, AuditEvent.Kind kind, Status to, String comment, Instant now) {
    Status from = status();
    current.status = to;
    record(by, kind, from, to, comment, now);
  }

  private void record(
      Account by, AuditEvent.Kind kind, Status from, Status to, String comment, Instant now) {
    history.add(AuditEvent.of(this, current.number, by, kind, from, to, comment, now));
    updatedAt = now;
  }

  /** Free text a person wrote must be words, without control characters (see {@link TextRules}). */
  private static void plain(String text, String what, String field) {
    String problem = TextRules.problem(text == null ? null : text.strip(), what, true);
    if (problem != null) {
      throw new WorkflowRefusal(INVALID, problem, field);
    }
  }

  private String label() {
    return status().label.toLowerCase() + ".";
  }

  private static Optional<WorkflowRefusal> refuse(WorkflowRefusal.Kind kind, String message) {
    return Optional.of(new WorkflowRefusal(kind, message));
  }

  // ---- finders ----

  /** Newest first, optionally for one article and one status, {@code limit} before an id. */
  public static Slice<Correction> page(String articleKey, Status status, Long before, int limit) {
    StringBuilder q = new StringBuilder("select c from Correction c join c.current r where 1 = 1");
    Parameters params = new Parameters();
    if (articleKey != null) {
      q.append(" and c.article.urlKey = :key");
      params.and("key", articleKey);
    }
    if (status == Status.WITHDRAWN) {
      q.append(" and c.withdrawnAt is not null");
    } else if (status != null) {
      q.append(" and r.status = :status and c.withdrawnAt is null");
      params.and("status", status);
    }
    if (before != null) {
      q.append(" and c.id < :before");
      params.and("before", before);
    }
    q.append(" order by c.id desc");
    List<Correction> found = find(q.toString(), params).page(0, limit + 1).list();
    return Slice.of(found, limit, c -> String.valueOf(c.id));
  }

  /** Drafts {@code editor} wrote or edited, most recently changed first. */
  public static List<Correction> draftsOf(Account editor) {
    return find(
            "select c from Correction c join fetch c.current r join fetch c.article where r.status = ?1"
                + " and ?2 member of r.editors order by c.updatedAt desc",
            Status.DRAFT,
            editor)
        .list();
  }

  /** Corrections in review that {@code editor} had no hand in: theirs to review. */
  public static List<Correction> awaitingReviewBy(Account editor) {
    return find(
            "select c from Correction c join fetch c.current r join fetch c.article where r.status = ?1"
                + " and ?2 not member of r.editors order by c.updatedAt",
            Status.IN_REVIEW,
            editor)
        .list();
  }

  /** {@code editor}'s own work waiting for someone else's review. */
  public static List<Correction> inReviewFrom(Account editor) {
    return find(
            "select c from Correction c join fetch c.current r join fetch c.article where r.status = ?1"
                + " and ?2 member of r.editors order by c.updatedAt",
            Status.IN_REVIEW,
            editor)
        .list();
  }

  /**
   * Revisions under way (draft, in review or reviewed) that {@code editor} wrote or edited, with
   * their comments: where others' comments wait for them.
   */
  public static List<Correction> underWayBy(Account editor) {
    return find(
            "select c from Correction c join fetch c.current r join fetch c.article where r.status"
                + " in (?1, ?2, ?3) and ?4 member of r.editors and c.withdrawnAt is null and exists"
                + " (select 1 from ReviewComment rc where rc.correction = c and rc.resolvedAt is"
                + " null and rc.revisionNumber = r.number) order by c.updatedAt",
            Status.DRAFT,
            Status.IN_REVIEW,
            Status.REVIEWED,
            editor)
        .list();
  }

  /**
   * The open requests for changes of {@code corrections} (as {@link #openChangeRequest}, which
   * reads the whole history), by correction id, in one query on the history's index: what lists
   * show beside each draft without loading every draft's history.
   */
  public static Map<Long, AuditEvent> openChangeRequests(Collection<Correction> corrections) {
    List<Long> ids =
        corrections.stream().filter(c -> c.status() == Status.DRAFT).map(c -> c.id).toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<AuditEvent> open =
        AuditEvent.<AuditEvent>find(
                "select e from AuditEvent e join fetch e.actor join e.correction c join c.current r"
                    + " where c.id in ?1 and e.revisionNumber = r.number and e.action = ?2 and not"
                    + " exists (select 1 from AuditEvent later where later.correction = c and"
                    + " later.revisionNumber = r.number and later.action in (?2, ?3) and later.id"
                    + " > e.id)",
                ids,
                AuditEvent.Kind.CHANGES_REQUESTED,
                AuditEvent.Kind.SUBMITTED)
            .list();
    Map<Long, AuditEvent> byCorrection = new HashMap<>();
    for (AuditEvent e : open) {
      byCorrection.put(e.correction.id, e);
    }
    return byCorrection;
  }

  /**
   * When the working revision of each of {@code corrections} was last submitted, by correction id
   * (absent when it never was), in one query.
   */
  public static Map<Long, Instant> lastSubmissions(Collection<Correction> corrections) {
    if (corrections.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select c.id, max(e.at) from AuditEvent e join e.correction c join c.current r"
                    + " where c.id in ?1 and e.revisionNumber = r.number and e.action = ?2"
                    + " group by c.id",
                Object[].class)
            .setParameter(1, corrections.stream().map(c -> c.id).toList())
            .setParameter(2, AuditEvent.Kind.SUBMITTED)
            .getResultList();
    Map<Long, Instant> at = new HashMap<>();
    for (Object[] row : rows) {
      at.put((Long) row[0], (Instant) row[1]);
    }
    return at;
  }

  public static List<Correction> inStatus(Status status) {
    return find(
            "select c from Correction c join fetch c.current r join fetch c.article where r.status = ?1"
                + " order by c.updatedAt",
            status)
        .list();
  }

  /**
   * What readers see on the front page: live corrections (withdrawn ones left out in the query, so
   * a page is always full), newest first publication first, {@code limit} after the cursor {@code
   * after} ("epochMillis:id" of the last one shown), by keyset.
   */
  public static Slice<Correction> live(String after, int limit) {
    return live(null, after, limit);
  }

  /** Live corrections to articles of one publication ({@code site}), newest first, by keyset. */
  public static Slice<Correction> liveOnSite(String site, String after, int limit) {
    return live(site, after, limit);
  }

  private static Slice<Correction> live(String site, String after, int limit) {
    // Only the corrections table: joined here, H2 plans the page as a scan and sort of every live
    // correction (found at 100,000 corrections); the rows' revisions and articles come after, a
    // hundred at a time.
    StringBuilder q = new StringBuilder("select c from Correction c where c.liveAt is not null");
    Parameters params = new Parameters();
    if (site != null) {
      q.append(" and c.article.site = :site");
      params.and("site", site);
    }
    Slice.olderThan(after, "c.liveAt", q, params);
    q.append(" order by c.liveAt desc, c.id desc");
    List<Correction> found = find(q.toString(), params).page(0, limit + 1).list();
    return Slice.of(found, limit, c -> Slice.timeCursor(c.liveAt, c.id));
  }

  /**
   * The {@code limit} most recently withdrawn corrections, newest withdrawal first; of one
   * publication's articles when {@code site} is not null.
   */
  public static List<Correction> recentlyWithdrawn(String site, int limit) {
    StringBuilder q =
        new StringBuilder("select c from Correction c where c.withdrawnAt is not null");
    Parameters params = new Parameters();
    if (site != null) {
      q.append(" and c.article.site = :site");
      params.and("site", site);
    }
    q.append(" order by c.withdrawnAt desc, c.id desc");
    return find(q.toString(), params).page(0, limit).list();
  }

  /** Every published correction of one article, newest publication first. */
  public static List<Correction> publishedFor(String articleKey) {
    return find(
            "select c from Correction c join c.published p where c.article.urlKey = ?1"
                + " order by p.publishedAt desc, c.id desc",
            articleKey)
        .list();
  }
}
