package org.errata.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.errata.account.Account;
import org.errata.article.Article;
import org.errata.evidence.TextMatcher;
import org.errata.source.Check;
import org.errata.source.CheckStatus;
import org.errata.source.QuotedSource;
import org.junit.jupiter.api.Test;

/** The workflow rules of BRIEF.md, one behaviour per test, without a database. */
class CorrectionWorkflowTest {

  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  final Account ada = Account.of("ada", "x", false, T0);
  final Account grace = Account.of("grace", "x", false, T0);
  final Account linus = Account.of("linus", "x", false, T0);

  static CorrectionContent content(String passage) {
    return new CorrectionContent(
        "https://www.example.com/story",
        passage,
        "The story overstates it.",
        "Because the vendor says otherwise:\n- point one",
        null,
        List.of(
            new QuotedSource("Docs", "Vendor", "https://docs.example/page", "It says otherwise.")));
  }

  Correction draftByAda() {
    Correction c =
        Correction.propose(
            Article.of("https://www.example.com/story", T0), content("The passage"), ada, T0);
    verifyQuotes(c);
    return c;
  }

  /** As if every quote had been found on its page (checking itself is tested elsewhere). */
  static void verifyQuotes(Correction c) {
    for (QuotedSource s : c.current.sources) {
      s.quoteCheck = TextMatcher.find(s.quote, "Page: " + s.quote).toCheck(1L, T0);
    }
  }

  Correction inReview() {
    Correction c = draftByAda();
    c.submit(ada, T0.plusSeconds(1));
    return c;
  }

  Correction reviewed() {
    Correction c = inReview();
    c.approve(grace, T0.plusSeconds(2));
    return c;
  }

  static WorkflowRefusal refused(WorkflowRefusal.Kind kind, Runnable action) {
    WorkflowRefusal refusal = assertThrows(WorkflowRefusal.class, action::run);
    assertEquals(kind, refusal.kind, refusal.getMessage());
    return refusal;
  }

  @Test
  void proposingMakesADraftWrittenByItsAuthor() {
    Correction c = draftByAda();
    assertEquals(Status.DRAFT, c.status());
    assertSame(ada, c.current.author);
    assertTrue(c.current.wasWrittenBy(ada));
    assertEquals(1, c.history.size());
    AuditEvent created = c.history.get(0);
    assertEquals(AuditEvent.Kind.CREATED, created.action);
    assertNull(created.fromStatus);
    assertEquals(Status.DRAFT, created.toStatus);
    assertSame(ada, created.actor);
    assertEquals(T0, created.at);
  }

  @Test
  void submittingADraftPutsItInReviewAndRecordsWhoDidIt() {
    Correction c = inReview();
    assertEquals(Status.IN_REVIEW, c.status());
    AuditEvent last = c.history.get(c.history.size() - 1);
    assertEquals(AuditEvent.Kind.SUBMITTED, last.action);
    assertEquals(Status.DRAFT, last.fromStatus);
    assertEquals(Status.IN_REVIEW, last.toStatus);
    assertSame(ada, last.actor);
  }

  @Test
  void submittingSomethingAlreadyInReviewIsRefused() {
    Correction c = inReview();
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.submit(ada, T0));
  }

  @Test
  void approvingYourOwnCorrectionIsRefused() {
    Correction c = inReview();
    WorkflowRefusal refusal = refused(WorkflowRefusal.Kind.FORBIDDEN, () -> c.approve(ada, T0));
    assertEquals(
        "You wrote this correction, so someone else must approve it.", refusal.getMessage());
    assertEquals(Status.IN_REVIEW, c.status());
  }

  @Test
  void approvingACorrectionYouEditedIsRefused() {
    Correction c = draftByAda();
    c.edit(c.article, content("Grace's better passage"), grace, T0.plusSeconds(1));
    c.submit(ada, T0.plusSeconds(2));
    WorkflowRefusal refusal = refused(WorkflowRefusal.Kind.FORBIDDEN, () -> c.approve(grace, T0));
    assertTrue(refusal.getMessage().startsWith("You edited this correction"));
    c.approve(linus, T0.plusSeconds(3));
    assertEquals(Status.REVIEWED, c.status());
  }

  @Test
  void aSecondEditorApprovesAndTheApprovedContentIsPinned() {
    Correction c = reviewed();
    assertEquals(Status.REVIEWED, c.status());
    assertSame(grace, c.current.approvedBy);
    assertEquals(c.current.content().hash(), c.current.approvedHash);
    AuditEvent last = c.history.get(c.history.size() - 1);
    assertEquals(AuditEvent.Kind.APPROVED, last.action);
    assertSame(grace, last.actor);
  }

  @Test
  void approvingADraftIsRefused() {
    Correction c = draftByAda();
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.approve(grace, T0));
  }

  @Test
  void requestingChangesNeedsAComment() {
    Correction c = inReview();
    refused(WorkflowRefusal.Kind.INVALID, () -> c.requestChanges(grace, "  ", T0));
    refused(WorkflowRefusal.Kind.INVALID, () -> c.requestChanges(grace, null, T0));
    assertEquals(Status.IN_REVIEW, c.status());
  }

  @Test
  void requestingChangesOnYourOwnCorrectionIsRefused() {
    Correction c = inReview();
    refused(WorkflowRefusal.Kind.FORBIDDEN, () -> c.requestChanges(ada, "looks fine to me", T0));
  }

  @Test
  void requestingChangesOutsideReviewIsRefused() {
    Correction c = draftByAda();
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.requestChanges(grace, "why", T0));
  }

  @Test
  void requestedChangesReturnTheDraftToItsAuthorWithTheComment() {
    Correction c = inReview();
    c.requestChanges(grace, "Quote the second paragraph too.", T0.plusSeconds(5));
    assertEquals(Status.DRAFT, c.status());
    AuditEvent request = c.openChangeRequest().orElseThrow();
    assertEquals("Quote the second paragraph too.", request.comment);
    assertSame(grace, request.actor);
    c.submit(ada, T0.plusSeconds(6));
    assertTrue(c.openChangeRequest().isEmpty(), "resubmitting answers the request");
  }

  @Test
  void publishingADraftOrSomethingInReviewIsRefused() {
    refused(WorkflowRefusal.Kind.CONFLICT, () -> draftByAda().publish(grace, T0));
    refused(WorkflowRefusal.Kind.CONFLICT, () -> inReview().publish(grace, T0));
  }

  @Test
  void publishingAReviewedCorrectionMakesItLive() {
    Correction c = reviewed();
    Instant at = T0.plusSeconds(60);
    c.publish(ada, at);
    assertEquals(Status.PUBLISHED, c.status());
    assertSame(c.current, c.published);
    assertEquals(at, c.published.publishedAt);
    assertEquals(at, c.firstPublishedAt());
    assertSame(ada, c.published.publishedBy);
  }

  @Test
  void publishingContentThatNoLongerMatchesTheApprovalIsRefused() {
    Correction c = reviewed();
    c.current.summary = "Changed behind the workflow's back.";
    WorkflowRefusal refusal = refused(WorkflowRefusal.Kind.CONFLICT, () -> c.publish(grace, T0));
    assertTrue(refusal.getMessage().contains("changed after it was approved"));
    assertNull(c.published);
  }

  @Test
  void editingAReviewedCorrectionVoidsTheApproval() {
    Correction c = reviewed();
    c.edit(c.article, content("A sharper passage"), grace, T0.plusSeconds(9));
    assertEquals(Status.DRAFT, c.status());
    assertNull(c.current.approvedBy);
    assertNull(c.current.approvedHash);
    AuditEvent last = c.history.get(c.history.size() - 1);
    assertEquals(AuditEvent.Kind.EDITED, last.action);
    assertEquals(Status.REVIEWED, last.fromStatus);
    assertEquals(Status.DRAFT, last.toStatus);
    assertTrue(c.current.wasWrittenBy(grace), "grace edited it, so she may no longer approve it");
  }

  @Test
  void editingSomethingInReviewIsRefused() {
    Correction c = inReview();
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.edit(c.article, content("x"), ada, T0));
  }

  @Test
  void editingAPublishedCorrectionIsRefused() {
    Correction c = reviewed();
    c.publish(grace, T0);
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.edit(c.article, content("x"), ada, T0));
  }

  @Test
  void theActionsOfferedAreExactlyTheOnesTheRulesAllow() {
    Correction c = draftByAda();
    assertEquals(
        EnumSet.of(Action.EDIT, Action.SUBMIT, Action.DELETE, Action.COMMENT, Action.CHECK),
        c.actionsFor(ada));
    c.submit(ada, T0);
    assertEquals(EnumSet.of(Action.RECALL, Action.COMMENT, Action.CHECK), c.actionsFor(ada));
    assertEquals(
        EnumSet.of(Action.APPROVE, Action.REQUEST_CHANGES, Action.COMMENT, Action.CHECK),
        c.actionsFor(grace));
    c.approve(grace, T0);
    assertEquals(
        EnumSet.of(Action.EDIT, Action.PUBLISH, Action.COMMENT, Action.CHECK), c.actionsFor(ada));
    assertEquals(
        EnumSet.of(Action.EDIT, Action.PUBLISH, Action.COMMENT, Action.CHECK), c.actionsFor(grace));
    c.publish(grace, T0);
    assertEquals(EnumSet.of(Action.AMEND, Action.WITHDRAW, Action.CHECK), c.actionsFor(linus));
    assertEquals(
        EnumSet.of(Action.AMEND, Action.CHECK),
        c.actionsFor(grace),
        "the publisher may not withdraw");
  }

  @Test
  void everyStateChangeWritesOneAuditEventWithActorStatesAndTime() {
    Correction c = draftByAda();
    c.submit(ada, T0.plusSeconds(1));
    c.requestChanges(grace, "More sources.", T0.plusSeconds(2));
    c.edit(c.article, content("Better"), ada, T0.plusSeconds(3));
    c.resolveComment(c.comments.get(0), grace, T0.plusSeconds(4));
    c.submit(ada, T0.plusSeconds(5));
    c.approve(grace, T0.plusSeconds(6));
    c.publish(grace, T0.plusSeconds(7));
    List<AuditEvent.Kind> kinds = c.history.stream().map(e -> e.action).toList();
    assertEquals(
        List.of(
            AuditEvent.Kind.CREATED,
            AuditEvent.Kind.SUBMITTED,
            AuditEvent.Kind.CHANGES_REQUESTED,
            AuditEvent.Kind.EDITED,
            AuditEvent.Kind.COMMENT_RESOLVED,
            AuditEvent.Kind.SUBMITTED,
            AuditEvent.Kind.APPROVED,
            AuditEvent.Kind.PUBLISHED),
        kinds);
    for (int i = 0; i < c.history.size(); i++) {
      AuditEvent e = c.history.get(i);
      assertNotNull(e.actor);
      assertEquals(T0.plusSeconds(i), e.at);
      assertEquals(1, e.revisionNumber);
      if (i > 0) {
        assertEquals(c.history.get(i - 1).toStatus, e.fromStatus, "states chain without gaps");
      }
    }
    assertEquals(Status.PUBLISHED, c.history.get(7).toStatus);
  }

  @Test
  void theContentHashChangesWithAnyVisibleWord() {
    CorrectionContent a = content("The passage");
    CorrectionContent b = content("The passage");
    assertEquals(a.hash(), b.hash());
    b.sources.get(0).quote = "It says otherwise!";
    assertTrue(!a.hash().equals(b.hash()));
    CorrectionContent c = content("The passage");
    c.verdict = "Inaccurate";
    assertTrue(!a.hash().equals(c.hash()));
  }

  @Test
  void approvingWhileAQuoteIsUncheckedIsRefusedAndNamesTheSource() {
    Correction c = inReview();
    c.current.sources.get(0).quoteCheck = Check.unchecked();
    WorkflowRefusal refusal =
        refused(WorkflowRefusal.Kind.CONFLICT, () -> c.approve(grace, T0, null));
    assertTrue(
        refusal.getMessage().startsWith("Source 1 (“Docs”): the quote has not been checked"),
        refusal.getMessage());
    assertEquals(Status.IN_REVIEW, c.status());
  }

  @Test
  void approvingWhileAQuoteWasNotFoundIsRefusedWithoutAnOverride() {
    Correction c = inReview();
    c.current.sources.get(0).quoteCheck =
        TextMatcher.find("It says otherwise.", "Something else entirely here.").toCheck(1L, T0);
    assertEquals(CheckStatus.NOT_FOUND, c.current.sources.get(0).check().status);
    WorkflowRefusal refusal =
        refused(WorkflowRefusal.Kind.CONFLICT, () -> c.approve(grace, T0, "  "));
    assertTrue(refusal.getMessage().contains("the quote was not found on the page"));
  }

  @Test
  void anOverrideReasonLetsTheReviewerApproveAndGoesIntoTheHistory() {
    Correction c = inReview();
    c.current.sources.get(0).quoteCheck = Check.unchecked();
    c.approve(grace, T0, "The page is behind a login; I read it in the vendor's portal.");
    assertEquals(Status.REVIEWED, c.status());
    assertEquals(
        "The page is behind a login; I read it in the vendor's portal.",
        c.current.approvalOverride);
    AuditEvent approved = c.history.get(c.history.size() - 1);
    assertTrue(approved.comment.contains("Source 1 (“Docs”)"), approved.comment);
    assertTrue(approved.comment.contains("behind a login"), approved.comment);
  }

  @Test
  void aVerifiedCorrectionNeedsNoOverrideAndRecordsNone() {
    Correction c = inReview();
    assertTrue(c.unverified().isEmpty());
    c.approve(grace, T0, "not needed");
    assertNull(c.current.approvalOverride);
  }

  @Test
  void aPassageNotFoundInTheArticleNeedsAnOverrideButAnUncheckedOneDoesNot() {
    Correction c = inReview();
    assertEquals(CheckStatus.UNCHECKED, c.current.passageCheck().statusOrUnchecked());
    assertTrue(c.unverified().isEmpty(), "an unchecked passage is shown, not blocking");
    c.current.passageCheck =
        TextMatcher.find("The passage", "A wholly unrelated article text.").toCheck(2L, T0);
    assertEquals(List.of("The passage was not found in the article's text."), c.unverified());
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.approve(grace, T0));
  }

  @Test
  void editingAQuoteMarksItToBeMatchedAgainstItsStoredPage() {
    Correction c = draftByAda();
    CorrectionContent changed = content("The passage");
    changed.sources.get(0).quote = "It says something else.";
    c.edit(c.article, changed, ada, T0);
    Check check = c.current.sources.get(0).check();
    assertEquals(CheckStatus.UNCHECKED, check.status);
    assertEquals(1L, check.snapshotId, "the stored page is kept to match again");
    CorrectionContent same = content("A new passage");
    Correction d = draftByAda();
    d.edit(d.article, same, ada, T0);
    assertEquals(
        CheckStatus.EXACT,
        d.current.sources.get(0).check().status,
        "unchanged quote keeps its check");
  }

  Correction publishedByGrace() {
    Correction c = reviewed();
    c.publish(grace, T0.plusSeconds(3));
    return c;
  }

  @Test
  void amendingStartsTheNextRevisionWhileReadersKeepThePublishedOne() {
    Correction c = publishedByGrace();
    Revision first = c.published;
    c.amend("Adds the vendor's second statement.", ada, T0.plusSeconds(10));
    assertEquals(Status.DRAFT, c.status());
    assertEquals(2, c.current.number);
    assertSame(first, c.published, "readers still see revision 1");
    assertEquals("Adds the vendor's second statement.", c.current.changeNote);
    assertEquals(first.passage, c.current.passage, "the draft starts from the published words");
    AuditEvent amended = c.history.get(c.history.size() - 1);
    assertEquals(AuditEvent.Kind.AMENDED, amended.action);
    assertEquals(2, amended.revisionNumber);
  }

  @Test
  void anAmendmentNeedsAPublicChangeNote() {
    Correction c = publishedByGrace();
    refused(WorkflowRefusal.Kind.INVALID, () -> c.amend(" ", ada, T0));
    assertEquals(1, c.revisions.size());
  }

  @Test
  void onlyOneRevisionIsOpenAtATimeAndTheRefusalPointsToIt() {
    Correction c = publishedByGrace();
    c.amend("First change.", ada, T0);
    WorkflowRefusal refusal =
        refused(WorkflowRefusal.Kind.CONFLICT, () -> c.amend("Second change.", grace, T0));
    assertTrue(
        refusal.getMessage().startsWith("Revision 2 of this correction is already open"),
        refusal.getMessage());
  }

  @Test
  void anAmendmentGoesThroughTheSameFourEyesBeforeReplacingThePublishedRevision() {
    Correction c = publishedByGrace();
    c.amend("Sharper summary.", ada, T0);
    CorrectionContent sharper = content("The passage");
    sharper.summary = "A sharper summary.";
    c.edit(c.article, sharper, ada, T0);
    c.submit(ada, T0);
    refused(WorkflowRefusal.Kind.FORBIDDEN, () -> c.approve(ada, T0));
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.publish(ada, T0));
    c.approve(grace, T0);
    c.publish(linus, T0.plusSeconds(100));
    assertEquals(2, c.published.number);
    assertEquals("A sharper summary.", c.published.summary);
    assertEquals(2, c.publishedRevisions().size());
    assertEquals(T0.plusSeconds(100), c.updatedAtForReaders());
    assertEquals(T0.plusSeconds(3), c.firstPublishedAt());
  }

  @Test
  void amendingSomethingNotPublishedIsRefused() {
    refused(WorkflowRefusal.Kind.CONFLICT, () -> draftByAda().amend("x", ada, T0));
  }

  @Test
  void withdrawingKeepsTheCorrectionReadableWithItsReason() {
    Correction c = publishedByGrace();
    c.withdraw(linus, "The article was corrected by its publisher.", T0.plusSeconds(50));
    assertEquals(Status.WITHDRAWN, c.status());
    assertTrue(c.isPublished() && c.isWithdrawn() && !c.isLive());
    assertEquals("The article was corrected by its publisher.", c.withdrawalReason);
    AuditEvent last = c.history.get(c.history.size() - 1);
    assertEquals(AuditEvent.Kind.WITHDRAWN, last.action);
    assertEquals(Status.PUBLISHED, last.fromStatus);
    assertEquals(Status.WITHDRAWN, last.toStatus);
    assertEquals(EnumSet.noneOf(Action.class), c.actionsFor(ada));
  }

  @Test
  void theEditorWhoPublishedItMayNotWithdrawItButAnAdminMay() {
    Correction c = publishedByGrace();
    refused(WorkflowRefusal.Kind.FORBIDDEN, () -> c.withdraw(grace, "Oops.", T0));
    Account admin = Account.of("root", "x", true, T0);
    Correction d = reviewed();
    d.publish(admin, T0);
    d.withdraw(admin, "Published in error.", T0);
    assertEquals(Status.WITHDRAWN, d.status());
  }

  @Test
  void withdrawingNeedsAReasonAndAPublishedCorrection() {
    Correction c = publishedByGrace();
    refused(WorkflowRefusal.Kind.INVALID, () -> c.withdraw(ada, "", T0));
    refused(WorkflowRefusal.Kind.CONFLICT, () -> inReview().withdraw(ada, "why", T0));
  }

  @Test
  void requestingChangesOpensAReviewCommentThatBlocksApprovalUntilResolved() {
    Correction c = inReview();
    c.requestChanges(grace, "Quote the full sentence.", T0);
    assertEquals(1, c.unresolvedComments().size());
    c.submit(ada, T0);
    WorkflowRefusal refusal = refused(WorkflowRefusal.Kind.CONFLICT, () -> c.approve(grace, T0));
    assertEquals(
        "1 review comment is not resolved: resolve it before approving.", refusal.getMessage());
    c.resolveComment(c.comments.get(0), ada, T0);
    c.approve(grace, T0);
    assertEquals(Status.REVIEWED, c.status());
  }

  @Test
  void aCommentCanBeOnOneFieldOrSourceAndItsBodyIsRequired() {
    Correction c = inReview();
    ReviewComment onSource = c.comment(grace, "This quote is cut mid-sentence.", "source-1", T0);
    assertEquals("on source 1", onSource.where());
    assertEquals(AuditEvent.Kind.COMMENTED, c.history.get(c.history.size() - 1).action);
    refused(WorkflowRefusal.Kind.INVALID, () -> c.comment(grace, " ", null, T0));
    refused(WorkflowRefusal.Kind.INVALID, () -> c.comment(grace, "x", "source-9", T0));
    refused(WorkflowRefusal.Kind.INVALID, () -> c.comment(grace, "x", "version", T0));
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.approve(grace, T0));
  }

  @Test
  void commentsBelongToTheirRevision() {
    Correction c = publishedByGrace();
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.comment(ada, "too late", null, T0));
    c.amend("Fix.", ada, T0);
    c.comment(grace, "On the amendment.", "summary", T0);
    assertEquals(1, c.thread().size());
    assertEquals(2, c.thread().get(0).revisionNumber);
  }

  @Test
  void resolvingTwiceOrAnotherRevisionsCommentIsRefused() {
    Correction c = inReview();
    ReviewComment comment = c.comment(grace, "Check the date.", null, T0);
    c.resolveComment(comment, ada, T0);
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.resolveComment(comment, ada, T0));
    Correction other = inReview();
    refused(WorkflowRefusal.Kind.CONFLICT, () -> other.resolveComment(comment, ada, T0));
  }

  @Test
  void anAmendmentCannotMoveToAnotherArticle() {
    Correction c = publishedByGrace();
    c.amend("Fix.", ada, T0);
    WorkflowRefusal refusal =
        refused(
            WorkflowRefusal.Kind.INVALID,
            () -> c.edit(Article.of("https://other.example/b", T0), content("x"), ada, T0));
    assertEquals("articleUrl", refusal.field);
    c.edit(Article.of("http://www.example.com/story/", T0), content("Same article"), ada, T0);
    assertEquals("Same article", c.current.passage);
  }

  @Test
  void onlyARevisionUnderWayCanBeDiscussed() {
    Correction c = publishedByGrace();
    assertTrue(!c.canComment());
    c.amend("Fix.", ada, T0);
    assertTrue(c.canComment());
  }

  @Test
  void aCommentOnAnAmendmentOfAWithdrawnCorrectionCannotBeResolved() {
    Correction c = publishedByGrace();
    c.amend("Fix.", ada, T0);
    ReviewComment open = c.comment(grace, "Is this still right?", null, T0);
    c.withdraw(ada, "The article was taken down.", T0);
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.resolveComment(open, ada, T0));
    assertTrue(!open.isResolved());
  }

  @Test
  void theAuthorRecallsASubmissionBeforeTheReviewStarts() {
    Correction c = inReview();
    refused(WorkflowRefusal.Kind.FORBIDDEN, () -> c.recall(grace, T0.plusSeconds(2)));
    c.recall(ada, T0.plusSeconds(2));
    assertEquals(Status.DRAFT, c.status());
    AuditEvent recalled = c.history.get(c.history.size() - 1);
    assertEquals(AuditEvent.Kind.RECALLED, recalled.action);
    assertEquals(Status.IN_REVIEW, recalled.fromStatus);
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.recall(ada, T0.plusSeconds(3)));
  }

  @Test
  void onceTheReviewerHasStartedTheSubmissionCannotBeRecalled() {
    Correction c = inReview();
    c.comment(grace, "Which year?", null, T0.plusSeconds(2));
    WorkflowRefusal refusal =
        refused(WorkflowRefusal.Kind.CONFLICT, () -> c.recall(ada, T0.plusSeconds(3)));
    assertTrue(refusal.getMessage().startsWith("grace has started the review (commented)"));
    assertTrue(!c.actionsFor(ada).contains(Action.RECALL));

    // Resubmitted after changes were requested: a fresh submission, not yet started on.
    c.requestChanges(grace, "Say the year.", T0.plusSeconds(4));
    c.submit(ada, T0.plusSeconds(5));
    assertTrue(c.actionsFor(ada).contains(Action.RECALL));
  }

  @Test
  void aDraftNeverSubmittedCanBeDeletedAndStaysOnTheRecord() {
    Correction c = draftByAda();
    refused(WorkflowRefusal.Kind.FORBIDDEN, () -> c.delete(grace, T0.plusSeconds(1)));
    c.delete(ada, T0.plusSeconds(1));
    assertEquals(Status.DELETED, c.status());
    AuditEvent deleted = c.history.get(c.history.size() - 1);
    assertEquals(AuditEvent.Kind.DELETED, deleted.action);
    assertSame(ada, deleted.actor);
    assertEquals(EnumSet.noneOf(Action.class), c.actionsFor(ada), "nothing more to do");
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.edit(c.article, content("x"), ada, T0));
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.submit(ada, T0));
    refused(WorkflowRefusal.Kind.CONFLICT, () -> c.comment(ada, "hello", null, T0));
  }

  @Test
  void anAdminMayDeleteSomeonesDraftButNothingSubmittedOrPublishedIsEverDeleted() {
    Account admin = Account.of("root", "x", true, T0);
    Correction c = draftByAda();
    c.delete(admin, T0.plusSeconds(1));
    assertEquals(Status.DELETED, c.status());

    Correction once = inReview();
    once.requestChanges(grace, "Say the year.", T0.plusSeconds(2));
    WorkflowRefusal refusal =
        refused(WorkflowRefusal.Kind.CONFLICT, () -> once.delete(ada, T0.plusSeconds(3)));
    assertTrue(refusal.getMessage().contains("submitted for review before"));

    Correction live = reviewed();
    live.publish(grace, T0.plusSeconds(3));
    live.amend("A date is added.", ada, T0.plusSeconds(4));
    refused(WorkflowRefusal.Kind.CONFLICT, () -> live.delete(ada, T0.plusSeconds(5)));
  }

  @Test
  void aReviewAskedOfOneEditorByNameIsTheirsAlone() {
    Correction c = draftByAda();
    c.submit(ada, grace, T0.plusSeconds(1));
    WorkflowRefusal refusal =
        refused(WorkflowRefusal.Kind.FORBIDDEN, () -> c.approve(linus, T0.plusSeconds(2)));
    assertEquals(
        "ada asked grace to review this correction, so only grace may approve it or request"
            + " changes.",
        refusal.getMessage());
    refused(
        WorkflowRefusal.Kind.FORBIDDEN,
        () -> c.requestChanges(linus, "Change it.", T0.plusSeconds(2)));
    assertEquals(EnumSet.of(Action.COMMENT, Action.CHECK), c.actionsFor(linus));
    c.approve(grace, T0.plusSeconds(3));
    assertEquals(Status.REVIEWED, c.status());
  }

  @Test
  void theEditorAskedMustBeEnabledAndHaveHadNoHandInIt() {
    Correction c = draftByAda();
    assertEquals(
        "reviewer", refused(WorkflowRefusal.Kind.INVALID, () -> c.submit(ada, ada, T0)).field);
    linus.enabled = false;
    assertTrue(
        refused(WorkflowRefusal.Kind.INVALID, () -> c.submit(ada, linus, T0))
            .getMessage()
            .contains("disabled"));
    assertEquals(Status.DRAFT, c.status(), "nothing submitted");

    // Asked of grace, whose account is disabled afterwards: any other editor may take it.
    c.submit(ada, grace, T0.plusSeconds(1));
    grace.enabled = false;
    linus.enabled = true;
    c.approve(linus, T0.plusSeconds(2));
    assertEquals(Status.REVIEWED, c.status());
  }
}
