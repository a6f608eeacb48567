package org.errata.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.errata.evidence.TextMatcher;
import org.errata.source.Check;
import org.errata.source.CheckStatus;
import org.junit.jupiter.api.Test;

/**
 * Checking is an action with a rule: it writes into a revision under way, records a finding beside
 * a live correction without changing what readers see, and is refused on a withdrawn one. Findings
 * are dismissed once, with a history line.
 */
class FindingsTest {

  static final Instant LATER = OfferedEqualsAcceptedTest.T0.plusSeconds(3600);

  static Check notFound() {
    return TextMatcher.find("The passage", "A page that says nothing of it.").toCheck(42L, LATER);
  }

  @Test
  void checkingARevisionUnderWayWritesItsCheck() {
    Correction c = OfferedEqualsAcceptedTest.draft(true);
    c.recordCheck(CheckTarget.PASSAGE, notFound(), OfferedEqualsAcceptedTest.GRACE, LATER, "test");
    assertEquals(CheckStatus.NOT_FOUND, c.current.passageCheck().status);
    assertTrue(c.findings.isEmpty());
    assertEquals(AuditEvent.Kind.CHECKED, c.history.get(c.history.size() - 1).action);
  }

  @Test
  void aReCheckOfALiveCorrectionIsAFindingBesideItAndReadersSeeNoChange() {
    Correction c = OfferedEqualsAcceptedTest.published();
    Check publishedPassage = c.published.passageCheck().copy();
    Instant updated = c.updatedAt;
    c.recordCheck(CheckTarget.PASSAGE, notFound(), OfferedEqualsAcceptedTest.LINUS, LATER, "test");
    assertEquals(publishedPassage.status, c.published.passageCheck().status);
    assertEquals(publishedPassage.checkedAt, c.published.passageCheck().checkedAt);
    assertEquals(updated, c.updatedAt, "not a change readers see");
    assertEquals(1, c.findings.size());
    Finding f = c.findings.get(0);
    assertEquals(Finding.Origin.RECHECK, f.origin);
    assertEquals(CheckStatus.NOT_FOUND, f.newStatus);
    assertSame(OfferedEqualsAcceptedTest.LINUS, f.foundBy);
    assertTrue(f.isOpen());
    assertTrue(c.history.get(c.history.size() - 1).comment.contains("Readers' page unchanged"));
  }

  @Test
  void aReCheckThatFindsTheWordsAgainNeedsNothing() {
    Correction c = OfferedEqualsAcceptedTest.published();
    Check found = TextMatcher.find("The passage", "… The passage …").toCheck(43L, LATER);
    c.recordCheck(CheckTarget.PASSAGE, found, OfferedEqualsAcceptedTest.LINUS, LATER, "test");
    assertEquals(false, c.findings.get(0).isOpen());
    assertThrows(
        WorkflowRefusal.class,
        () -> c.dismissFinding(c.findings.get(0), OfferedEqualsAcceptedTest.LINUS, LATER));
  }

  @Test
  void aWithdrawnCorrectionIsNotCheckedAnyMore() {
    Correction c = OfferedEqualsAcceptedTest.published();
    c.withdraw(OfferedEqualsAcceptedTest.LINUS, "The article was fixed.", LATER);
    WorkflowRefusal r =
        assertThrows(
            WorkflowRefusal.class,
            () ->
                c.recordCheck(
                    CheckTarget.PASSAGE, notFound(), OfferedEqualsAcceptedTest.ADA, LATER, "t"));
    assertEquals(WorkflowRefusal.Kind.CONFLICT, r.kind);
  }

  @Test
  void driftIsFlaggedOnceWhileItsFindingIsOpen() {
    Correction c = OfferedEqualsAcceptedTest.published();
    assertNotNull(c.flagDrift(CheckTarget.source(0), CheckStatus.NOT_FOUND, 0.2, 7L, null, LATER));
    assertNull(c.flagDrift(CheckTarget.source(0), CheckStatus.NOT_FOUND, 0.2, 8L, null, LATER));
    assertNotNull(c.flagDrift(CheckTarget.PASSAGE, CheckStatus.NOT_FOUND, 0.1, 9L, null, LATER));
    assertEquals(2, c.findings.size());
  }

  @Test
  void aFindingIsDismissedOnceWithAHistoryLineAndASecondDismissalIsRefused() {
    Correction c = OfferedEqualsAcceptedTest.published();
    Finding f = c.flagDrift(CheckTarget.source(0), CheckStatus.NOT_FOUND, 0.2, 7L, null, LATER);
    int before = c.history.size();
    c.dismissFinding(f, OfferedEqualsAcceptedTest.GRACE, LATER);
    assertSame(OfferedEqualsAcceptedTest.GRACE, f.resolvedBy);
    assertEquals(before + 1, c.history.size());
    assertEquals(AuditEvent.Kind.FINDING_DISMISSED, c.history.get(before).action);
    WorkflowRefusal again =
        assertThrows(
            WorkflowRefusal.class,
            () -> c.dismissFinding(f, OfferedEqualsAcceptedTest.LINUS, LATER.plusSeconds(1)));
    assertTrue(again.getMessage().contains("already dismissed by grace"), again.getMessage());
    assertSame(OfferedEqualsAcceptedTest.GRACE, f.resolvedBy, "the first dismissal stays");
    // Once dismissed, the same words may be flagged again.
    assertNotNull(c.flagDrift(CheckTarget.source(0), CheckStatus.NOT_FOUND, 0.2, 8L, null, LATER));
  }
}
